import { tierRank } from '../shared/tiers.ts';
import type { Snapshot, TierName } from './model.ts';

/** One tier unlock on the way: what, when, in which session, and the score right after it. */
export interface TimelineEvent {
	readonly achievement_id: string;
	readonly name: string;
	readonly category: string;
	/** Null for a multi-condition achievement. */
	readonly tier: TierName | null;
	/** Unix seconds (the earning session's start); null when that session has no start time. */
	readonly earned_at: number | null;
	readonly session_id: string;
	readonly session_title: string;
	/** Achievements unlocked (any tier) once this event happened: the score at that point. */
	readonly unlocked_count: number;
}

/**
 * Every tier of every unlocked achievement in the order it was earned: by the earning session's
 * place in the history (start time, then id), then lower tier first, then catalog order. The last
 * event's `unlocked_count` is the snapshot's score.
 */
export function timelineOf(snapshot: Snapshot): TimelineEvent[] {
	const position = new Map(snapshot.achievements.map((a, index) => [a.id, index]));
	const events = snapshot.achievements.flatMap((a) => a.tier_history.map((earned) => ({
		achievement_id: a.id,
		name: a.name,
		category: a.category,
		tier: earned.tier,
		earned_at: earned.earned_at,
		session_id: earned.session_id,
		session_title: earned.session_title,
	})));
	events.sort((x, y) => compareStart(x.earned_at, y.earned_at)
		|| compareText(x.session_id, y.session_id)
		|| tierRank(x.tier) - tierRank(y.tier)
		|| position.get(x.achievement_id)! - position.get(y.achievement_id)!);
	const unlocked = new Set<string>();
	return events.map((event) => {
		unlocked.add(event.achievement_id);
		return { ...event, unlocked_count: unlocked.size };
	});
}

function compareStart(a: number | null, b: number | null): number {
	if (a === b) {
		return 0;
	}
	if (a === null) {
		return 1;
	}
	return b === null ? -1 : a - b;
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
