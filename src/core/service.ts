import type { Disposable, Event } from './events.ts';
import type { Snapshot, TierName } from './model.ts';

/**
 * What the coordinator is doing. `FRESH`: the snapshot is younger than the TTL. `STALE`: older, or
 * the last refresh failed while a good snapshot exists. `SCANNING`: a bootstrap, refresh or rebuild
 * runs. `FAILED`: the last scan failed and there is no snapshot to serve. `EMPTY`: nothing scanned yet.
 */
export type CoordinatorState = 'EMPTY' | 'FRESH' | 'STALE' | 'SCANNING' | 'FAILED';

export type ScanKind = 'bootstrap' | 'refresh' | 'rebuild';

export interface ScanProgress {
	readonly kind: ScanKind;
	/** Unix milliseconds. */
	readonly started_at: number;
	readonly sessions_done: number;
	readonly sessions_total: number;
}

export interface ScanCounters {
	/** Scans this process ran itself. */
	readonly scans_run: number;
	/** Results this process took from a scan another process (window, command line) ran. */
	readonly scans_joined: number;
	readonly requests_joined: number;
	readonly stale_served: number;
	readonly failures: number;
	readonly duration_avg_ms: number;
	readonly duration_p95_ms: number;
}

/** The scan status the view, the status bar and `status --json` show. Times are Unix milliseconds. */
export interface ScanStatus {
	readonly state: CoordinatorState;
	readonly home: string;
	readonly ttl_ms: number;
	/** Set while a scan runs. */
	readonly scanning: ScanProgress | null;
	readonly last_started_at: number | null;
	readonly last_finished_at: number | null;
	readonly last_success_at: number | null;
	readonly last_duration_ms: number | null;
	readonly last_error: string | null;
	/** Set while another process on this machine scans this home (and this one waits for its result). */
	readonly other_scanner: OtherScanner | null;
	/**
	 * One sentence saying what could not be saved and why (a read-only folder, a full disk); null when
	 * everything was. While set, the state is never FRESH.
	 */
	readonly unsaved: string | null;
	readonly counters: ScanCounters;
}

/** Another process's scan, as its owner file tells it (pid null when it could not be read). */
export interface OtherScanner {
	readonly pid: number | null;
	/** Unix milliseconds. */
	readonly since: number;
	readonly sessions_done: number;
	readonly sessions_total: number;
}

/** An achievement a refresh unlocked or raised a tier of (never reported for the first scan). */
export interface UnlockNotice {
	readonly id: string;
	readonly name: string;
	readonly tier: TierName | null;
	readonly previous_tier: TierName | null;
}

export interface ServiceChange {
	readonly snapshot: Snapshot | undefined;
	readonly status: ScanStatus;
}

/**
 * The one data path: every consumer (view, status bar, command line) reads achievements
 * through this, and nothing else ever scans.
 */
export interface AchievementsService extends Disposable {
	/** Fires whenever the snapshot or the status changes (progress included). */
	readonly onDidChange: Event<ServiceChange>;
	/** Fires after a complete refresh that unlocked something new or raised a tier. */
	readonly onDidUnlock: Event<readonly UnlockNotice[]>;
	/** The snapshot in memory right now (possibly stale, possibly partial), without side effects. */
	current(): Snapshot | undefined;
	status(): ScanStatus;
	/**
	 * Stale-while-revalidate: resolves at once with the current snapshot (starting one background
	 * refresh if it is stale); only with no snapshot at all does it wait for the bootstrap scan.
	 * Resolves to a snapshot with `error` set (and no achievements unlocked) when there is none.
	 */
	request(): Promise<Snapshot>;
	/** Something on disk may have changed: refresh incrementally (joins or queues behind a running scan). */
	refresh(): Promise<Snapshot>;
	/** Full rebuild from scratch through the same single flight (the Rescan command, `scan --full`). */
	rescan(): Promise<Snapshot>;
	/**
	 * Which of these unlocks this window should announce: each unlock is announced once per machine.
	 * A focused window claims at once; an unfocused one waits a moment so a focused window goes first,
	 * then claims only if it ran the scan that found them (or has been focused meanwhile).
	 */
	claimAnnouncements(notices: readonly UnlockNotice[], isFocused: () => boolean): Promise<readonly UnlockNotice[]>;
	/** Moves the unlock history aside (returns the backup path) and rebuilds. */
	resetHistory(): Promise<string>;
	/**
	 * Results are handed out before they are written to disk; this resolves once everything so far
	 * is written (a short-lived process, such as the command line, awaits it before exiting).
	 */
	flush(): Promise<void>;
}

export interface CoordinatorOptions {
	/** The resolved Hermes home (a profile's home when a profile is chosen). */
	readonly home: string;
	/** A snapshot older than this is stale (served at once, refreshed in the background). */
	readonly ttlMs: number;
	/** The scan worker's entry file: `dist/scanWorker.js` when bundled, `src/core/scan/scanWorker.ts` in tests. */
	readonly workerScript: string;
	/** Pick up snapshots that other processes write (default true; a one-shot command line has no use for it). */
	readonly watchSnapshots?: boolean;
	/** How long an unfocused window lets a focused one claim an announcement first (default 1,500 ms). */
	readonly unfocusedClaimDelayMs?: number;
	/**
	 * Threads that read sessions at once during a large scan (the scan worker and its helpers).
	 * Default: every core but one, which is left to the editor; at least one.
	 */
	readonly scanWorkers?: number;
}
