import { catalog } from '../catalog/catalog.ts';
import type { AchievementView, AggregateValues, HistoryActivity, ScanMeta, Snapshot, UnlockRecord } from '../model.ts';
import type { EarnedView } from './earnedDates.ts';
import { evaluate } from './evaluate.ts';

export interface SnapshotInput {
	readonly values: AggregateValues;
	readonly unlocks: ReadonlyMap<string, UnlockRecord>;
	readonly home: string;
	readonly scanId: string;
	readonly meta: ScanMeta;
	/** Unix seconds. */
	readonly generatedAt: number;
	readonly partial: boolean;
	readonly error?: string | null;
	/** When each tier was earned; absent for partial and failed snapshots (no dates, no activity). */
	readonly earned?: EarnedView;
}

const noActivity: HistoryActivity = { first_session_at: null, last_session_at: null, sessions_per_day: {} };

const hiddenName = '???';

/** Evaluates the whole catalog and assembles the payload every consumer reads. */
export function buildSnapshot(input: SnapshotInput): Snapshot {
	const achievements = catalog.map((entry): AchievementView => {
		const evaluation = evaluate(entry, input.values);
		const unlock = evaluation.unlocked ? input.unlocks.get(entry.id) : undefined;
		// A secret nobody has a signal of yet gives nothing away: no name, no rule, no thresholds.
		const hidden = evaluation.state === 'secret';
		const tierHistory = evaluation.unlocked ? (input.earned?.tierHistory(entry.id) ?? []) : [];
		const earned = tierHistory.at(-1);
		return {
			...evaluation,
			name: hidden ? hiddenName : entry.name,
			description: hidden ? (entry.hint ?? '') : entry.description,
			criteria: hidden ? (entry.hint ?? '') : entry.criteria,
			category: entry.category,
			icon: entry.icon,
			kind: entry.kind,
			secret: entry.secret,
			metric: hidden ? null : entry.metric,
			metric_label: hidden ? null : entry.metricLabel,
			tiers: hidden ? [] : entry.tiers,
			requires: hidden ? null : entry.requires,
			unlocked_at: unlock?.unlocked_at ?? null,
			unlocked_tier: unlock?.tier ?? null,
			evidence: unlock?.evidence ?? null,
			earned_at: earned?.earned_at ?? null,
			earned_session_id: earned?.session_id ?? null,
			earned_session_title: earned?.session_title ?? null,
			tier_history: tierHistory,
		};
	});
	return {
		achievements,
		unlocked_count: achievements.filter((a) => a.state === 'unlocked').length,
		discovered_count: achievements.filter((a) => a.state === 'discovered').length,
		secret_count: achievements.filter((a) => a.state === 'secret').length,
		total_count: achievements.length,
		aggregate: input.values,
		generated_at: input.generatedAt,
		is_stale: false,
		scan_id: input.scanId,
		error: input.error ?? null,
		scan_meta: input.meta,
		home: input.home,
		partial: input.partial,
		activity: input.earned?.activity() ?? noActivity,
	};
}

/** The evidence an unlock records: for a best-of-session metric, the session holding it. */
export function evidenceMetric(id: string): string | null {
	const entry = catalog.find((e) => e.id === id);
	return entry && entry.kind === 'best_session' ? entry.metric : null;
}
