/**
 * The data shapes every layer of the engine agrees on. Field names of the wire types
 * (contribution, aggregate, snapshot) are snake_case on purpose: they are the dashboard
 * plugin's names, so the snapshot stays readable by tools written for its `/achievements`.
 */
import type { TierName } from '../shared/tiers.ts';

/** One session as the cheap listing sees it, before any message is read. */
export interface SessionInfo {
	readonly id: string;
	/** `title`, else the preview, else `"Untitled"` (docs/engine.md §1). */
	readonly title: string;
	/** The `model` column as stored; `null` when NULL or empty. */
	readonly model: string | null;
	readonly source: string | null;
	/** Unix seconds, or `null` when missing, zero or not a finite number. */
	readonly startedAt: number | null;
	/** Newest message timestamp, else `startedAt`. */
	readonly lastActive: number | null;
	/** Changes whenever anything the analysis reads changes (messages added, rewound, edited; title; model). */
	readonly fingerprint: string;
	/** Where the session lives: the store, or a legacy file under `sessions/`. */
	readonly origin: SessionOrigin;
}

export type SessionOrigin = 'state.db' | 'session-json' | 'session-jsonl';

/** One message as the analysis reads it (docs/engine.md §1). */
export interface HermesMessage {
	readonly role: string | null;
	/** A string, `null`, or decoded JSON for multimodal content (`"\u0000json:"` prefix). */
	readonly content: unknown;
	/** The decoded `tool_calls` list; `[]` when absent, empty or invalid JSON. */
	readonly toolCalls: readonly unknown[];
	readonly toolName: string | null;
}

/**
 * Everything one session adds to the aggregate, keyed exactly like the reference engine's
 * per-session stats. Sets are sorted lists (by code point).
 */
export interface Contribution {
	readonly session_id: string;
	readonly title: string;
	readonly source: string | null;
	readonly started_at: number | null;
	readonly last_active: number | null;
	readonly tool_names: readonly string[];
	readonly model_names: readonly string[];
	readonly port_conflict: boolean;
	/** Every numeric rule of docs/engine.md §2 (`message_count`, `terminal_calls`, `*_events`, …). */
	readonly stats: Readonly<Record<StatName, number>>;
}

export const statNames = [
	'message_count', 'tool_call_count', 'distinct_tool_count', 'error_count', 'terminal_calls', 'web_calls',
	'web_extract_calls', 'browser_calls', 'web_browser_calls', 'patch_calls', 'file_reads_searches',
	'file_tool_calls', 'files_touched_count', 'delegate_calls', 'process_calls', 'cron_calls',
	'image_vision_calls', 'tts_calls', 'skill_events', 'skill_manage_events', 'memory_events',
	'memory_write_events', 'port_conflict_events', 'traceback_events', 'log_read_events',
	'permission_denied_events', 'install_error_events', 'install_success_events',
	'restart_after_error_events', 'env_var_error_events', 'yaml_error_events', 'docker_conflict_events',
	'frontend_activity_events', 'css_activity_events', 'git_events', 'tiny_patch_after_errors_events',
	'context_events', 'gateway_events', 'plugin_events', 'rollback_events', 'docs_activity_events',
	'model_events', 'openrouter_events', 'codex_events', 'claude_events', 'gemini_events',
	'local_model_events', 'toolset_events', 'config_events', 'git_history_events', 'test_events',
	'screenshot_events', 'release_events', 'cache_events',
] as const;
export type StatName = (typeof statNames)[number];

/** The aggregate over all sessions (docs/engine.md §3): metric name → value. */
export type AggregateValues = Readonly<Record<string, number>>;

export type { TierName };
export type AchievementState = 'unlocked' | 'discovered' | 'secret';

/** An achievement's evaluation against the aggregate (docs/engine.md §4). */
export interface Evaluation {
	readonly id: string;
	readonly unlocked: boolean;
	readonly discovered: boolean;
	readonly state: AchievementState;
	readonly tier: TierName | null;
	readonly progress: number;
	readonly progress_pct: number;
	readonly next_tier: TierName | null;
	readonly next_threshold: number;
}

/** The session that earned a best-of-session achievement. */
export interface Evidence {
	readonly session_id: string;
	readonly title: string;
	readonly value: number;
}

/** The first time an achievement was seen unlocked; kept forever (state.json). */
export interface UnlockRecord {
	readonly unlocked_at: number;
	readonly tier: TierName | null;
	readonly evidence: Evidence | null;
}

/** A session a scan left out of the counts, and why (one sentence a user can read). */
export interface SkippedSession {
	readonly session_id: string;
	readonly title: string;
	readonly reason: string;
}

export type ScanMode = 'full' | 'incremental' | 'in_progress' | 'pending' | 'failed';

export interface ScanMeta {
	readonly mode: ScanMode;
	readonly sessions_total: number;
	readonly sessions_rescanned: number;
	readonly sessions_reused: number;
	readonly duration_ms: number;
	/** True when this process took the result from a scan another process ran (and read nothing itself). */
	readonly joined?: boolean;
	/**
	 * Sessions left out of the counts, each with a sentence saying why (too big to read within the
	 * scanner's memory, or reading it stopped an earlier scan). Absent in snapshots of older versions.
	 */
	readonly skipped?: readonly SkippedSession[];
}

/** One achievement as the snapshot carries it: catalog entry, texts, evaluation, unlock. */
export interface AchievementView extends Evaluation {
	readonly name: string;
	readonly description: string;
	readonly criteria: string;
	readonly category: string;
	readonly icon: string;
	readonly kind: 'lifetime' | 'best_session' | 'multi_condition';
	readonly secret: boolean;
	readonly metric: string | null;
	readonly metric_label: string | null;
	readonly tiers: readonly number[];
	readonly requires: Readonly<Record<string, number>> | null;
	readonly unlocked_at: number | null;
	readonly unlocked_tier: TierName | null;
	readonly evidence: Evidence | null;
	/** Unix seconds: `started_at` of the session whose prefix of the history reached the current tier; null when locked. */
	readonly earned_at: number | null;
	readonly earned_session_id: string | null;
	readonly earned_session_title: string | null;
	/** Every tier reached, lowest first; one entry (tier null) for a multi-condition achievement. */
	readonly tier_history: readonly TierEarned[];
}

/** One tier of an achievement and the session of the history that reached it first. */
export interface TierEarned {
	/** Null for a multi-condition achievement (completing it is its only step). */
	readonly tier: TierName | null;
	/** The earning session's `started_at` (Unix seconds); null only when the session has no start time. */
	readonly earned_at: number | null;
	readonly session_id: string;
	readonly session_title: string;
}

/** When the history's sessions happened, for the timeline and the share card. */
export interface HistoryActivity {
	/** Unix seconds of the oldest and newest session start; null when no session has one. */
	readonly first_session_at: number | null;
	readonly last_session_at: number | null;
	/** Local calendar day (`YYYY-MM-DD`, the scanning machine's time zone) → sessions started that day. */
	readonly sessions_per_day: Readonly<Record<string, number>>;
}

/** The payload every consumer reads, wire-compatible with the dashboard's `/achievements`. */
export interface Snapshot {
	readonly achievements: readonly AchievementView[];
	readonly unlocked_count: number;
	readonly discovered_count: number;
	readonly secret_count: number;
	readonly total_count: number;
	readonly aggregate: AggregateValues;
	/** Unix seconds. */
	readonly generated_at: number;
	readonly is_stale: boolean;
	readonly scan_id: string;
	readonly error: string | null;
	readonly scan_meta: ScanMeta;
	/** Which Hermes home and profile this snapshot describes. */
	readonly home: string;
	/** True while a cold scan streams partial results: counts may still rise, unlocks are not recorded. */
	readonly partial: boolean;
	/** Empty (no days, null dates) in partial and failed snapshots. */
	readonly activity: HistoryActivity;
}
