import { localDay } from '../core/engine/localTime.ts';
import type { AchievementView, Snapshot, TierEarned } from '../core/model.ts';
import { timelineOf } from '../core/timeline.ts';
import type { JourneyVm, TierEarnedVm } from '../shared/protocol.ts';

/** The heatmap covers a year: 53 weeks are enough for any 365 days to fit whole weeks. */
const heatmapDays = 53 * 7;
const dayMs = 86_400_000;

/** The earned fields of one card: the current tier's earning session and every tier's. */
export function toEarnedCard(a: AchievementView): { earned: TierEarnedVm | null; tierHistory: TierEarnedVm[] } {
	const tierHistory = a.tier_history.map(toTierEarned);
	return { earned: a.unlocked ? (tierHistory.at(-1) ?? null) : null, tierHistory };
}

/** The Journey section: every tier unlock in earned order and the last year of sessions per day. */
export function toJourney(snapshot: Snapshot | undefined): JourneyVm {
	if (!snapshot) {
		return { events: [], total: 0, firstSessionAt: null, lastSessionAt: null, sessionsPerDay: [], untilDay: null };
	}
	const { activity } = snapshot;
	const untilDay = localDay(snapshot.generated_at);
	const fromDay = localDay(snapshot.generated_at - (heatmapDays * dayMs) / 1000);
	return {
		events: timelineOf(snapshot).map((event) => ({
			id: event.achievement_id,
			name: event.name,
			tier: event.tier,
			at: toMs(event.earned_at),
			sessionId: event.session_id,
			sessionTitle: event.session_title,
			score: event.unlocked_count,
		})),
		total: snapshot.total_count,
		firstSessionAt: toMs(activity.first_session_at),
		lastSessionAt: toMs(activity.last_session_at),
		// Day keys sort as text; only the year the heatmap shows travels to the webview.
		sessionsPerDay: Object.entries(activity.sessions_per_day).filter(([day]) => day > fromDay && day <= untilDay),
		untilDay,
	};
}

function toTierEarned(earned: TierEarned): TierEarnedVm {
	return { tier: earned.tier, at: toMs(earned.earned_at), sessionId: earned.session_id, sessionTitle: earned.session_title };
}

function toMs(seconds: number | null): number | null {
	return seconds === null ? null : Math.round(seconds * 1000);
}
