import { metricLabels } from '../core/catalog/catalogText.ts';
import type { AchievementView, Snapshot } from '../core/model.ts';
import type { ScanStatus } from '../core/service.ts';
import { tierNames } from '../shared/protocol.ts';
import type {
	AchievementCardVm, ProblemVm, RequirementVm, ScanStatusVm, SummaryVm, TierName, ViewModel,
} from '../shared/protocol.ts';
import { codiconFor } from './achievementIcons.ts';
import { toEarnedCard, toJourney } from './journeyModel.ts';

/** A hidden secret shows a question mark instead of its real icon, which would hint at the trigger. */
const hiddenSecretIcon = 'question';

/**
 * Turns what the core knows (the snapshot on hand and the coordinator's status) into the one
 * message the webview paints from. Pure: the host calls it on every change.
 */
export function toViewModel(snapshot: Snapshot | undefined, status: ScanStatus): ViewModel {
	const achievements = snapshot ? snapshot.achievements.map((a) => toCard(a, snapshot.aggregate)) : [];
	return {
		home: snapshot?.home ?? status.home,
		summary: toSummary(snapshot, achievements),
		achievements,
		categories: [...new Set(achievements.map((a) => a.category))],
		scan: toScanStatus(snapshot, status),
		problem: toProblem(snapshot, status),
		journey: toJourney(snapshot),
	};
}

function toCard(a: AchievementView, aggregate: Snapshot['aggregate']): AchievementCardVm {
	// The snapshot already hides a secret's name and rule; the evaluation fields (next tier and
	// threshold) still describe it, so they are dropped here too.
	const hidden = a.state === 'secret';
	return {
		id: a.id,
		name: a.name,
		description: a.description,
		criteria: a.criteria,
		category: a.category,
		icon: hidden ? hiddenSecretIcon : codiconFor(a.icon),
		state: a.state,
		secret: a.secret,
		tier: hidden ? null : a.tier,
		nextTier: hidden ? null : a.next_tier,
		progress: hidden ? 0 : a.progress,
		nextThreshold: hidden ? 0 : a.next_threshold,
		progressPct: hidden ? 0 : a.progress_pct,
		metricLabel: hidden ? null : a.metric_label,
		requirements: hidden || !a.requires ? [] : toRequirements(a.requires, aggregate),
		unlockedAt: a.unlocked_at === null ? null : a.unlocked_at * 1000,
		evidence: hidden || !a.evidence
			? null
			: { sessionId: a.evidence.session_id, title: a.evidence.title, value: a.evidence.value },
		...toEarnedCard(a),
	};
}

function toRequirements(requires: Readonly<Record<string, number>>, aggregate: Snapshot['aggregate']): RequirementVm[] {
	return Object.entries(requires).map(([metric, minimum]) => ({
		label: requirementLabel(metric),
		value: aggregate[metric] ?? 0,
		minimum,
	}));
}

function requirementLabel(metric: string): string {
	return Object.hasOwn(metricLabels, metric) ? metricLabels[metric] : metric.replaceAll('_', ' ');
}

function toSummary(snapshot: Snapshot | undefined, cards: readonly AchievementCardVm[]): SummaryVm {
	const unlocked = cards.filter((c) => c.state === 'unlocked');
	let highestTier: TierName | null = null;
	for (const card of unlocked) {
		if (card.tier && (highestTier === null || tierNames.indexOf(card.tier) > tierNames.indexOf(highestTier))) {
			highestTier = card.tier;
		}
	}
	// The history's own dates, when the snapshot has them (a first scan's partial results do not).
	const unlockDate = (card: AchievementCardVm): number | null => card.earned?.at ?? card.unlockedAt;
	let latest: AchievementCardVm | undefined;
	for (const card of unlocked) {
		const at = unlockDate(card);
		if (at !== null && (latest === undefined || at > unlockDate(latest)!)) {
			latest = card;
		}
	}
	return {
		unlocked: snapshot?.unlocked_count ?? 0,
		total: snapshot?.total_count ?? 0,
		discovered: snapshot?.discovered_count ?? 0,
		secrets: snapshot?.secret_count ?? 0,
		highestTier,
		latestUnlock: latest ? { id: latest.id, name: latest.name, tier: latest.tier, at: unlockDate(latest)! } : null,
	};
}

function toScanStatus(snapshot: Snapshot | undefined, status: ScanStatus): ScanStatusVm {
	const scanning = status.scanning;
	const phase = scanning?.kind ?? 'idle';
	return {
		state: status.state,
		phase,
		updatedAt: snapshot ? snapshot.generated_at * 1000 : null,
		durationMs: snapshot?.scan_meta.duration_ms ?? status.last_duration_ms,
		sessionsTotal: snapshot?.scan_meta.sessions_total ?? 0,
		sessionsRead: snapshot?.scan_meta.sessions_rescanned ?? 0,
		sessionsReused: snapshot?.scan_meta.sessions_reused ?? 0,
		progress: scanning ? { done: scanning.sessions_done, total: scanning.sessions_total } : null,
		updatingInBackground: snapshot !== undefined && (phase === 'refresh' || phase === 'rebuild'),
		stale: (snapshot?.is_stale ?? false) || status.state === 'STALE',
		error: snapshot?.error ?? status.last_error,
	};
}

// The reader's "no home" error (HistoryError code 'no-home') reaches us only as text.
const noHomePattern = /^No Hermes home/i;

function toProblem(snapshot: Snapshot | undefined, status: ScanStatus): ProblemVm | null {
	const home = snapshot?.home ?? status.home;
	const error = snapshot?.error ?? status.last_error;
	const nothingGood = snapshot === undefined ? status.state === 'FAILED' : snapshot.scan_meta.sessions_total === 0;
	if (error && nothingGood) {
		return noHomePattern.test(error)
			? { kind: 'no-home', home, message: error }
			: { kind: 'unreadable', home, message: error };
	}
	const firstScanRunning = status.scanning?.kind === 'bootstrap' || (snapshot?.partial ?? false);
	if (snapshot && !error && !firstScanRunning && snapshot.scan_meta.sessions_total === 0) {
		return { kind: 'no-sessions', home, message: `No Hermes sessions found in ${home} yet.` };
	}
	return null;
}
