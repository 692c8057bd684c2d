import type { AchievementView } from '../model.ts';
import { closestToNextStep, percentOfThreshold } from '../../shared/nextAchievement.ts';
import type { NextStepFacts } from '../../shared/nextAchievement.ts';

/** The snapshot's achievements closest to their next step (the rule of src/shared/nextAchievement.ts). */
export function closestInReach(achievements: readonly AchievementView[], count: number): AchievementView[] {
	return closestToNextStep(achievements, count, nextStepFacts);
}

function nextStepFacts(a: AchievementView): NextStepFacts {
	return {
		id: a.id,
		name: a.name,
		hidden: a.state === 'secret',
		hasNextStep: a.kind === 'multi_condition' ? !a.unlocked : a.next_tier !== null,
		progressPct: a.kind === 'multi_condition' ? a.progress_pct : percentOfThreshold(a.progress, a.next_threshold),
		// A multi-condition achievement's progress is a percentage of its threshold, 100.
		remaining: a.next_threshold - a.progress,
	};
}
