import { metricLabels } from '../core/catalog/catalogText.ts';
import type { AchievementView, ScanMeta, Snapshot } from '../core/model.ts';
import type { ScanStatus } from '../core/service.ts';
import { percentOfThreshold } from '../shared/nextAchievement.ts';
import { tierNames } from '../shared/protocol.ts';
import type {
	AchievementCardVm, LastReadVm, ProblemVm, RequirementVm, ScanStatusVm, SummaryVm, TierName, ViewModel,
} from '../shared/protocol.ts';
import { codiconFor } from './achievementIcons.ts';
import { toEarnedCard, toJourney } from './journeyModel.ts';

/** A hidden secret shows a question mark instead of its real icon, which would hint at the trigger. */
const hiddenSecretIcon = 'question';

export interface ViewModelContext {
	/** The last scan that read something (see LastReadTracker); null falls back to the snapshot's own scan. */
	readonly lastRead?: LastReadVm | null;
	/** The achievements come from the generated demo history. */
	readonly demo?: boolean;
	/** Unix milliseconds; decides whether a background check is still too short to mention. */
	readonly now?: number;
}

/**
 * A background check shorter than this is not shown: most find nothing or one session, and a
 * status line that flips to "Updating" on every Hermes write is noise.
 */
export const quietRefreshMs = 1000;

/**
 * Turns what the core knows (the snapshot on hand and the coordinator's status) into the one
 * message the webview paints from. Pure: the host calls it on every change. Nothing in it changes
 * when a refresh finds nothing new, so such a refresh posts nothing.
 */
export function toViewModel(snapshot: Snapshot | undefined, status: ScanStatus, context: ViewModelContext = {}): ViewModel {
	const achievements = snapshot ? snapshot.achievements.map((a) => toCard(a, snapshot.aggregate)) : [];
	return {
		home: snapshot?.home ?? status.home,
		summary: toSummary(snapshot, achievements),
		achievements,
		categories: [...new Set(achievements.map((a) => a.category))],
		scan: toScanStatus(snapshot, status, context),
		lastRead: context.lastRead ?? null,
		problem: toProblem(snapshot, status),
		journey: toJourney(snapshot),
		demo: context.demo ?? false,
	};
}

/** True while an incremental background refresh runs that is too young to show. */
export function isQuietRefresh(status: ScanStatus, now: number): boolean {
	const scanning = status.scanning;
	return scanning !== null && scanning.kind === 'refresh' && now - scanning.started_at < quietRefreshMs;
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
		progressPct: hidden ? 0 : overallPct(a),
		metricLabel: hidden ? null : a.metric_label,
		requirements: hidden || !a.requires ? [] : toRequirements(a.requires, aggregate),
		unlockedAt: a.unlocked_at === null ? null : a.unlocked_at * 1000,
		evidence: hidden || !a.evidence
			? null
			: { sessionId: a.evidence.session_id, title: a.evidence.title, value: a.evidence.value },
		...toEarnedCard(a),
	};
}

/**
 * The core's `progress_pct` measures the current tier band (from the last threshold to the next);
 * the card's text shows the overall count against the next threshold ("18 / 28"), so the bar does too.
 */
function overallPct(a: AchievementView): number {
	if (a.requires) {
		return a.progress_pct;
	}
	if (a.next_tier === null) {
		return 100;
	}
	return percentOfThreshold(a.progress, a.next_threshold);
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

function toScanStatus(snapshot: Snapshot | undefined, status: ScanStatus, context: ViewModelContext): ScanStatusVm {
	const quiet = isQuietRefresh(status, context.now ?? Date.now());
	const scanning = quiet ? null : status.scanning;
	const phase = scanning?.kind ?? 'idle';
	const stale = (snapshot?.is_stale ?? false) || status.state === 'STALE';
	const lastRead = context.lastRead ?? null;
	const meta = snapshot?.scan_meta;
	return {
		// A quiet check reads as the state before it, so it changes nothing on screen.
		state: quiet ? (snapshot === undefined ? 'EMPTY' : stale ? 'STALE' : 'FRESH') : status.state,
		phase,
		updatedAt: lastRead?.at ?? (snapshot && !snapshot.partial ? snapshot.generated_at * 1000 : null),
		durationMs: lastRead?.durationMs ?? meta?.duration_ms ?? null,
		sessionsTotal: meta?.sessions_total ?? 0,
		sessionsRead: lastRead?.sessionsRead ?? meta?.sessions_rescanned ?? 0,
		sessionsReused: lastRead ? lastRead.sessionsTotal - lastRead.sessionsRead : meta?.sessions_reused ?? 0,
		progress: scanning ? { done: scanning.sessions_done, total: scanning.sessions_total } : null,
		updatingInBackground: snapshot !== undefined && !snapshot.partial && (phase === 'refresh' || phase === 'rebuild'),
		stale,
		error: snapshot?.error ?? status.last_error,
		partial: snapshot?.partial ?? false,
		otherWindowScanning: status.other_scanner !== null,
		unsavedMessage: status.unsaved,
		skippedNote: skippedNote(meta),
	};
}

function skippedNote(meta: ScanMeta | undefined): string | null {
	const count = meta?.skipped?.length ?? 0;
	if (count === 0) {
		return null;
	}
	return `${count} ${count === 1 ? 'session' : 'sessions'} skipped (too large)`;
}

// The reader's "no home" error (HistoryError code 'no-home') reaches us only as text.
const noHomePattern = /^No Hermes home/i;

/** A first run without a Hermes home: a normal state, never shown as a failure. */
export function isNoHomeError(message: string | null): boolean {
	return message !== null && noHomePattern.test(message);
}

function toProblem(snapshot: Snapshot | undefined, status: ScanStatus): ProblemVm | null {
	const home = snapshot?.home ?? status.home;
	const error = snapshot?.error ?? status.last_error;
	const nothingGood = snapshot === undefined ? status.state === 'FAILED' : snapshot.scan_meta.sessions_total === 0;
	if (error && nothingGood) {
		return isNoHomeError(error)
			? { kind: 'no-home', home, message: error }
			: { kind: 'unreadable', home, message: error };
	}
	const firstScanRunning = status.scanning?.kind === 'bootstrap' || (snapshot?.partial ?? false);
	if (snapshot && !error && !firstScanRunning && snapshot.scan_meta.sessions_total === 0) {
		return { kind: 'no-sessions', home, message: `No Hermes sessions found in ${home} yet.` };
	}
	return null;
}
