/**
 * The one contract between the extension host and the achievements webview.
 * Imports nothing outside src/shared: both sides (Node and the browser bundle) compile it as is.
 * The host always sends a complete view model, never a delta: a hidden view is torn down
 * (no `retainContextWhenHidden`) and must be able to paint from a single message.
 */

import type { TierName } from './tiers.ts';

export { tierNames } from './tiers.ts';
export type { TierName };

export type CardState = 'unlocked' | 'discovered' | 'secret';

export interface RequirementVm {
	readonly label: string;
	readonly value: number;
	readonly minimum: number;
}

export interface EvidenceVm {
	readonly sessionId: string;
	readonly title: string;
	readonly value: number;
}

export interface AchievementCardVm {
	readonly id: string;
	/** `???` for a secret nobody has seen a signal of yet. */
	readonly name: string;
	/** For a hidden secret: a vague hint instead of the description. */
	readonly description: string;
	/** "What counts" (or "How to reveal" for a hidden secret). */
	readonly criteria: string;
	readonly category: string;
	/** A codicon name (without `codicon-`). */
	readonly icon: string;
	readonly state: CardState;
	readonly secret: boolean;
	readonly tier: TierName | null;
	readonly nextTier: TierName | null;
	readonly progress: number;
	readonly nextThreshold: number;
	/**
	 * How far `progress` is toward `nextThreshold`, 0 to 100: the bar and the "18 / 28" next to it
	 * measure the same quantity. 100 when every tier is reached; for multi-condition achievements,
	 * the share of all conditions met.
	 */
	readonly progressPct: number;
	/** What `progress` counts ("tool calls in one session"); null for multi-condition achievements. */
	readonly metricLabel: string | null;
	/** Multi-condition achievements: each part with its value and minimum. */
	readonly requirements: readonly RequirementVm[];
	/** Unix milliseconds of the first unlock, when unlocked. */
	readonly unlockedAt: number | null;
	readonly evidence: EvidenceVm | null;
	/** The session of the history that earned the current tier; null when locked (or during a first scan). */
	readonly earned: TierEarnedVm | null;
	/** Every tier reached, lowest first, each with the session that reached it. */
	readonly tierHistory: readonly TierEarnedVm[];
}

export type ScanPhase = 'idle' | 'bootstrap' | 'refresh' | 'rebuild';

export interface ScanStatusVm {
	readonly state: 'EMPTY' | 'FRESH' | 'STALE' | 'SCANNING' | 'FAILED';
	readonly phase: ScanPhase;
	/** Unix milliseconds when the snapshot shown was generated. */
	readonly updatedAt: number | null;
	readonly durationMs: number | null;
	readonly sessionsTotal: number;
	readonly sessionsRead: number;
	readonly sessionsReused: number;
	/** Set during a scan: sessions done out of total. */
	readonly progress: { readonly done: number; readonly total: number } | null;
	/** A stale snapshot is on screen while a refresh runs behind it. */
	readonly updatingInBackground: boolean;
	readonly stale: boolean;
	/** The last scan's error; the last good snapshot is still shown. */
	readonly error: string | null;
	/** A first scan is streaming results: every figure on screen may still rise. */
	readonly partial: boolean;
	/** Another VS Code window (or the command line) is scanning this home; this one shows its result when it lands. */
	readonly otherWindowScanning?: boolean;
	/** One sentence on what could not be saved (a read-only folder, a full disk); null when everything was saved. */
	readonly unsavedMessage?: string | null;
	/** "3 sessions skipped (too large)", or null. */
	readonly skippedNote?: string | null;
}

/**
 * The last scan that actually read sessions: what the status line reports. A check that found
 * nothing new changes none of this, so it posts nothing.
 */
export interface LastReadVm {
	/** Unix milliseconds when that scan finished. */
	readonly at: number;
	readonly durationMs: number;
	/** Sessions it read (new or changed ones, or all of them for a full scan). */
	readonly sessionsRead: number;
	readonly sessionsTotal: number;
	readonly full: boolean;
}

/** Why there is nothing (or nothing good) to show. */
export type ProblemVm =
	| { readonly kind: 'no-home'; readonly home: string; readonly message: string }
	| { readonly kind: 'no-sessions'; readonly home: string; readonly message: string }
	| { readonly kind: 'unreadable'; readonly home: string; readonly message: string };

export interface SummaryVm {
	readonly unlocked: number;
	readonly total: number;
	readonly discovered: number;
	readonly secrets: number;
	readonly highestTier: TierName | null;
	readonly latestUnlock: { readonly id: string; readonly name: string; readonly tier: TierName | null; readonly at: number } | null;
}

export interface ViewModel {
	readonly home: string;
	readonly summary: SummaryVm;
	/** In catalog order; the webview filters and sorts. */
	readonly achievements: readonly AchievementCardVm[];
	readonly categories: readonly string[];
	readonly scan: ScanStatusVm;
	/** The last scan that read something; null before any (a restart shows the persisted snapshot's own scan). */
	readonly lastRead: LastReadVm | null;
	/** Set when there is no snapshot worth a grid (or, for `unreadable`, alongside the last good one). */
	readonly problem: ProblemVm | null;
	readonly journey: JourneyVm;
	/** The achievements come from the generated demo history, not the user's own. */
	readonly demo: boolean;
}

/** Embedded in the webview's HTML so the view paints the current model before any message arrives. */
export interface InitialViewState {
	readonly model: ViewModel | null;
	/** Unix milliseconds when the host wrote the HTML (the view resolving); for the first-paint measure. */
	readonly resolvedAt: number;
	/** Where the view lives: the side bar is narrow and has its own background. */
	readonly surface: 'sidebar' | 'editor';
}

/** The id of the `<script type="application/json">` block that carries the `InitialViewState`. */
export const initialStateElementId = 'initial-state';

/** The only outside pages the webview may ask the host to open. */
export const externalLinks = {
	hermesAgent: 'https://github.com/NousResearch/hermes-agent',
} as const;
export type ExternalLink = keyof typeof externalLinks;

/** Host → webview. */
export type ToWebview =
	/** The whole model; sent after `ready`, on every change while visible, and when the view becomes visible. */
	| { readonly type: 'model'; readonly model: ViewModel }
	/** Scroll to and focus one card (an unlock notification's "Show" button). */
	| { readonly type: 'reveal'; readonly achievementId: string }
	/** Scroll to and focus the Journey section ("Show Achievements Timeline"). */
	| { readonly type: 'showJourney' }
	/** Draw the share card in the current theme and answer with `cardRendered` (or `cardFailed`). */
	| { readonly type: 'renderCard'; readonly requestId: number };

/** Webview → host. */
export type ToHost =
	/**
	 * The script has loaded and listens; the host posts nothing before this. It carries no protocol
	 * version: host and webview ship in one .vsix and a webview is reloaded with its extension.
	 */
	| { readonly type: 'ready' }
	/** The model just received is painted; the host sends the next no sooner than 300 ms after this. */
	| { readonly type: 'shown' }
	/** The user asked for a full rescan. */
	| { readonly type: 'rescan' }
	/** Open a session's transcript (evidence link) in a read-only editor. */
	| { readonly type: 'openSession'; readonly sessionId: string }
	/** The empty state's "Choose Hermes Home…" button. */
	| { readonly type: 'chooseHome' }
	/** Open the extension's settings. */
	| { readonly type: 'openSettings' }
	/** The share card asked for by `renderCard`: a PNG (base64, no data: prefix) and the same card as SVG text. */
	| { readonly type: 'cardRendered'; readonly requestId: number; readonly png: string; readonly svg: string }
	| { readonly type: 'cardFailed'; readonly requestId: number; readonly error: string }
	/** The welcome's "Try with demo data": generate a demo history and show it. */
	| { readonly type: 'startDemo' }
	/** The demo banner's "Leave demo": back to the user's own Hermes home. */
	| { readonly type: 'leaveDemo' }
	/** Open one of the known outside pages (never an arbitrary URL). */
	| { readonly type: 'openLink'; readonly link: ExternalLink };

const toHostTypes: ReadonlySet<string> = new Set(['ready', 'shown', 'rescan', 'openSession', 'chooseHome', 'openSettings', 'cardRendered', 'cardFailed', 'startDemo', 'leaveDemo', 'openLink']);

/** The host never trusts the webview: every message is checked before it is acted on. */
export function isToHost(message: unknown): message is ToHost {
	if (typeof message !== 'object' || message === null) {
		return false;
	}
	const { type } = message as { type?: unknown };
	if (typeof type !== 'string' || !toHostTypes.has(type)) {
		return false;
	}
	switch (type) {
		case 'openSession':
			return typeof (message as { sessionId?: unknown }).sessionId === 'string';
		case 'cardRendered': {
			const card = message as { requestId?: unknown; png?: unknown; svg?: unknown };
			return typeof card.requestId === 'number' && typeof card.png === 'string' && typeof card.svg === 'string';
		}
		case 'cardFailed': {
			const failure = message as { requestId?: unknown; error?: unknown };
			return typeof failure.requestId === 'number' && typeof failure.error === 'string';
		}
		case 'openLink': {
			const { link } = message as { link?: unknown };
			return typeof link === 'string' && Object.hasOwn(externalLinks, link);
		}
		default:
			return true;
	}
}

/** One tier reached, and the session of the history that reached it first. */
export interface TierEarnedVm {
	/** Null for a multi-condition achievement. */
	readonly tier: TierName | null;
	/** Unix milliseconds of the earning session's start; null when it has none. */
	readonly at: number | null;
	readonly sessionId: string;
	readonly sessionTitle: string;
}

/** One tier unlock on the timeline, with the score (achievements unlocked) right after it. */
export interface JourneyEventVm extends TierEarnedVm {
	readonly id: string;
	readonly name: string;
	readonly score: number;
}

/** The Journey section: the score over time, its tier unlocks, and sessions per day. */
export interface JourneyVm {
	/** Every tier unlock in earned order. */
	readonly events: readonly JourneyEventVm[];
	readonly total: number;
	/** Unix milliseconds of the oldest and newest session start. */
	readonly firstSessionAt: number | null;
	readonly lastSessionAt: number | null;
	/** Sessions per local day (`YYYY-MM-DD`) for the year up to `untilDay`, oldest first; days without sessions left out. */
	readonly sessionsPerDay: readonly (readonly [string, number])[];
	/** The last day of the heatmap: the day the snapshot was taken. */
	readonly untilDay: string | null;
}
