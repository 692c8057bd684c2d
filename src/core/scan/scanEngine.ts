import { randomUUID } from 'node:crypto';
import { Aggregate } from '../engine/aggregate.ts';
import { buildSnapshot, evidenceMetric } from '../engine/snapshot.ts';
import { openHistory } from '../hermes/history.ts';
import type { HermesHistory } from '../hermes/history.ts';
import type { PreviewCache } from '../hermes/sqliteStore.ts';
import type { ScanMeta, SessionInfo, Snapshot } from '../model.ts';
import { loadCheckpoint, saveCheckpoint } from '../store/checkpointStore.ts';
import type { CheckpointEntry } from '../store/checkpointStore.ts';
import { pluginPaths } from '../store/pluginPaths.ts';
import type { PluginPaths } from '../store/pluginPaths.ts';
import { saveSnapshot } from '../store/snapshotFile.ts';
import { readSessions } from './sessionReaders.ts';
import type { ReaderPool } from './sessionReaders.ts';
import { backupUnlockHistory, loadUnlockHistory, recordUnlocks, saveUnlockHistory } from '../store/unlockHistory.ts';
import type { UnlockHistory } from '../store/unlockHistory.ts';

/** Bump whenever the analysis or aggregation changes what a session contributes: checkpoints are rebuilt. */
export const engineVersion = '1';

export interface ScanCallbacks {
	/** Sessions read so far out of those that need reading. */
	onProgress?(done: number, total: number): void;
	/** A cold scan's running result; never records unlocks. */
	onPartial?(snapshot: Snapshot): void;
	/** The finished result, as soon as it exists (the files it is persisted to are written after). */
	onResult?(snapshot: Snapshot): void;
}

const progressIntervalMs = 100;
/**
 * While the history keeps changing, every refresh is explained by the sessions it re-reads, so an
 * edit in place elsewhere would wait for a quiet moment: at least this often the content keys are
 * compared anyway (an edit is caught within this plus one refresh).
 */
export const contentCheckIntervalMs = 4 * 60 * 1000;
const partialIntervalMs = 750;
/**
 * A refresh's checkpoint is written this long after it (or at a flush), not after every refresh:
 * rewriting the whole file each time Hermes adds a message cost more than the refresh itself.
 * Losing it (a crash, a closed window) only means those sessions are read once more at the next
 * start; the snapshot other processes read is written at once.
 */
export const checkpointDelayMs = 30_000;

/**
 * Scans one Hermes home, incrementally. It keeps, between scans, each session's fingerprint and
 * contribution (the checkpoint) and the aggregate built from them, so a refresh reads only new or
 * changed sessions and subtracts removed or stale contributions. It runs synchronously inside
 * the scan worker; nothing here may run on the extension host thread.
 */
export class ScanEngine {
	private readonly home: string;
	private readonly paths: PluginPaths;
	private entries = new Map<string, CheckpointEntry>();
	private aggregate = new Aggregate();
	private unlocks: UnlockHistory | undefined;
	/** Set once the in-memory state reflects the checkpoint (or a scan) of this home. */
	private primed = false;
	private lastChangeToken: string | undefined;
	/** The open history, kept between scans; its change token covers the same files, legacy ones included. */
	private history: HermesHistory | undefined;
	/** Untitled sessions' previews, kept across scans so an unchanged session costs no query. */
	private previews: PreviewCache = { entries: new Map() };
	private lastSnapshot: Snapshot | undefined;
	/** When (Unix ms) the content keys were last compared, or established by reading every session. */
	private lastContentCheck = -Infinity;
	private readonly contentCheckEveryMs: number;
	private readonly readers: ReaderPool | undefined;
	private checkpointDirty = false;
	private checkpointTimer: ReturnType<typeof setTimeout> | undefined;
	/** A delayed checkpoint write that failed, reported by the next flush. */
	private checkpointFailure: unknown;

	/** `readers`: helper threads for large scans (none: every session is read on this thread). */
	constructor(home: string, options: { readonly contentCheckIntervalMs?: number; readonly readers?: ReaderPool } = {}) {
		this.home = home;
		this.paths = pluginPaths(home);
		this.contentCheckEveryMs = options.contentCheckIntervalMs ?? contentCheckIntervalMs;
		this.readers = options.readers;
	}

	/** `full` forgets everything cached and reads every session again (the manual rescan). */
	async scan(full: boolean, callbacks: ScanCallbacks = {}): Promise<Snapshot> {
		const started = performance.now();
		let mode: ScanMeta['mode'] = 'incremental';
		if (full) {
			this.forget();
			mode = 'full';
		} else if (!this.primed) {
			mode = (await this.loadCheckpoint()) ? 'incremental' : 'full';
		}
		this.unlocks ??= (await loadUnlockHistory(this.paths)).history;

		// The cheap check: file stats, no SQLite at all. The token is taken before the listing, so a
		// write that lands during the scan is never mistaken for seen.
		const earlierToken = this.history?.changeToken();
		if (this.primed && this.lastSnapshot && earlierToken === this.lastChangeToken) {
			return this.unchanged(this.lastSnapshot, started, callbacks);
		}
		const history = this.openHistory();
		let meta: ScanMeta;
		let tokenMoved: boolean;
		try {
			const changeToken = earlierToken ?? history.changeToken();
			tokenMoved = changeToken !== this.lastChangeToken;
			if (!this.primed && !tokenMoved) {
				// A new process over a history that has not moved since the checkpoint: it is the answer.
				this.primed = true;
				const total = this.entries.size;
				return await this.complete({ mode, sessions_total: total, sessions_rescanned: 0, sessions_reused: total, duration_ms: 0 }, started, false, callbacks);
			}
			const { rescanned, total } = await this.update(history, mode, started, callbacks);
			this.primed = true;
			this.lastChangeToken = changeToken;
			meta = { mode, sessions_total: total, sessions_rescanned: rescanned, sessions_reused: total - rescanned, duration_ms: 0 };
		} catch (error) {
			// Whatever went wrong, the next scan starts from a new connection.
			this.closeHistory();
			throw error;
		}
		// A moved token is saved too (later), so that a new process knows what its checkpoint saw.
		return this.complete(meta, started, meta.sessions_rescanned > 0 || full || tokenMoved, callbacks);
	}

	/**
	 * The connection is kept between scans (its listing remembers what it saw, so the next one reads
	 * only what changed), and opened anew when state.db was replaced or created since.
	 */
	private openHistory(): HermesHistory {
		if (this.history?.isCurrent()) {
			return this.history;
		}
		this.closeHistory();
		this.history = openHistory(this.home, this.previews);
		return this.history;
	}

	private closeHistory(): void {
		this.history?.close();
		this.history = undefined;
	}

	/** Writes a checkpoint still waiting for its delay; throws if a delayed write failed since the last flush. */
	async flushCheckpoint(): Promise<void> {
		clearTimeout(this.checkpointTimer);
		this.checkpointTimer = undefined;
		if (this.checkpointDirty) {
			await this.writeCheckpoint();
		}
		const failure = this.checkpointFailure;
		this.checkpointFailure = undefined;
		if (failure !== undefined) {
			throw failure;
		}
	}

	private scheduleCheckpoint(): void {
		this.checkpointDirty = true;
		if (this.checkpointTimer === undefined) {
			this.checkpointTimer = setTimeout(() => {
				this.checkpointTimer = undefined;
				this.writeCheckpoint().catch((error: unknown) => (this.checkpointFailure ??= error));
			}, checkpointDelayMs);
			// A process that is done anyway does not wait for it (the command line flushes first).
			this.checkpointTimer.unref?.();
		}
	}

	/** Each entry is consistent by itself, so a write between two sessions of a scan is a valid checkpoint too. */
	private async writeCheckpoint(): Promise<void> {
		this.checkpointDirty = false;
		try {
			await saveCheckpoint(this.paths.checkpoint, { engineVersion, sessions: this.entries, contentCheckedAt: this.lastContentCheck, changeToken: this.lastChangeToken ?? null });
		} catch (error) {
			this.checkpointDirty = true;
			throw error;
		}
	}

	/** Moves the unlock history aside and forgets it; the next scan records unlocks afresh. */
	async resetHistory(): Promise<string> {
		const backup = await backupUnlockHistory(this.paths.unlockState);
		this.unlocks = new Map();
		this.lastSnapshot = undefined;
		return backup;
	}

	private async update(history: HermesHistory, mode: ScanMeta['mode'], started: number, callbacks: ScanCallbacks) {
		let sessions = history.listSessions();
		const fingerprintMoved = (session: SessionInfo): boolean => this.entries.get(session.id)?.fingerprint !== session.fingerprint;
		let changed = sessions.filter(fingerprintMoved);
		if (changed.length === sessions.length) {
			// Every session is read anyway, which establishes every content key.
			this.lastContentCheck = Date.now();
		} else {
			// The database changed and nothing listed explains it, or the slow cadence is due (then
			// whatever the listing may have taken for unchanged is listed in full too).
			const unexplained = changed.length === 0 && sessions.length === this.entries.size && !history.listingMoved();
			const due = Date.now() - this.lastContentCheck >= this.contentCheckEveryMs;
			if (unexplained || due) {
				const edited = this.editedInPlace(history, sessions);
				if (due || edited.size > 0) {
					// An edited session is listed again in full: blanked text may be its preview.
					history.forgetListing(due ? undefined : edited);
					sessions = history.listSessions();
					changed = sessions.filter((session) => edited.has(session.id) || fingerprintMoved(session));
				}
			}
		}
		// Every listed session that is not new has an entry: entries beyond those were removed.
		const added = changed.reduce((n, session) => n + (this.entries.has(session.id) ? 0 : 1), 0);
		if (sessions.length - added !== this.entries.size) {
			const listed = new Set(sessions.map((s) => s.id));
			for (const id of this.entries.keys()) {
				if (!listed.has(id)) {
					this.entries.delete(id);
					this.aggregate.remove(id);
				}
			}
		}
		const cold = !this.lastSnapshot && mode === 'full';
		let lastProgress = 0;
		let lastPartial = performance.now();
		const pool = this.readers ?? { script: '', home: this.home, threads: 1 };
		await readSessions(history, changed, pool, (session, { contentKey, contribution }, index) => {
			this.entries.set(session.id, { fingerprint: session.fingerprint, contentKey, contribution });
			this.aggregate.add(contribution);
			const now = performance.now();
			if (now - lastProgress >= progressIntervalMs) {
				lastProgress = now;
				callbacks.onProgress?.(index + 1, changed.length);
			}
			// Every tenth of the way, and at least every partialIntervalMs, the view gets a running result.
			const crossedTenth = Math.floor(((index + 1) * 10) / changed.length) > Math.floor((index * 10) / changed.length);
			if (cold && callbacks.onPartial && index + 1 < changed.length && (crossedTenth || now - lastPartial >= partialIntervalMs)) {
				lastPartial = now;
				callbacks.onPartial(this.snapshotOf({ mode: 'in_progress', sessions_total: sessions.length, sessions_rescanned: index + 1, sessions_reused: 0, duration_ms: Math.round(now - started) }, true));
			}
		});
		callbacks.onProgress?.(changed.length, changed.length);
		return { rescanned: changed.length, total: sessions.length };
	}

	/** Sessions whose content key moved since they were read. */
	private editedInPlace(history: HermesHistory, sessions: readonly SessionInfo[]): Set<string> {
		this.lastContentCheck = Date.now();
		const keys = history.contentKeys();
		const edited = new Set<string>();
		for (const session of sessions) {
			const entry = this.entries.get(session.id);
			if (entry !== undefined && entry.contentKey !== null && entry.contentKey !== (keys.get(session.id) ?? '')) {
				edited.add(session.id);
			}
		}
		return edited;
	}

	/**
	 * Records first unlocks, then hands the result over (`onResult`) before the checkpoint and the
	 * snapshot are written: persisting only speeds up the next start, so nobody waits for it.
	 */
	private async complete(meta: ScanMeta, started: number, changed: boolean, callbacks: ScanCallbacks): Promise<Snapshot> {
		let snapshot = this.snapshotOf(meta, false);
		const recorded = recordUnlocks(this.unlocks ?? new Map(), snapshot.achievements, (id) => {
			const metric = evidenceMetric(id);
			return metric ? this.aggregate.evidenceFor(metric) : null;
		}, Date.now() / 1000);
		if (recorded.added.length > 0) {
			this.unlocks = recorded.history;
			await saveUnlockHistory(this.paths.unlockState, this.unlocks);
			snapshot = this.snapshotOf(meta, false);
		}
		snapshot = { ...snapshot, scan_meta: { ...meta, duration_ms: Math.round(performance.now() - started) } };
		this.lastSnapshot = snapshot;
		callbacks.onResult?.(snapshot);
		if (changed && meta.mode === 'full') {
			await this.writeCheckpoint();
		} else if (changed) {
			this.scheduleCheckpoint();
		}
		await saveSnapshot(this.paths.snapshot, snapshot);
		return snapshot;
	}

	/** Nothing on disk moved since the last scan: the same result, freshly dated. */
	private async unchanged(previous: Snapshot, started: number, callbacks: ScanCallbacks): Promise<Snapshot> {
		const snapshot: Snapshot = {
			...previous,
			generated_at: Date.now() / 1000,
			scan_id: randomUUID(),
			is_stale: false,
			error: null,
			scan_meta: {
				mode: 'incremental',
				sessions_total: previous.scan_meta.sessions_total,
				sessions_rescanned: 0,
				sessions_reused: previous.scan_meta.sessions_total,
				duration_ms: Math.round(performance.now() - started),
			},
		};
		this.lastSnapshot = snapshot;
		callbacks.onResult?.(snapshot);
		await saveSnapshot(this.paths.snapshot, snapshot);
		return snapshot;
	}

	private snapshotOf(meta: ScanMeta, partial: boolean): Snapshot {
		return buildSnapshot({
			values: this.aggregate.values(),
			unlocks: this.unlocks ?? new Map(),
			home: this.home,
			scanId: randomUUID(),
			meta,
			generatedAt: Date.now() / 1000,
			partial,
		});
	}

	private async loadCheckpoint(): Promise<boolean> {
		const { checkpoint } = await loadCheckpoint(this.paths.checkpoint, engineVersion);
		this.forget();
		if (!checkpoint) {
			return false;
		}
		for (const [id, entry] of checkpoint.sessions) {
			this.entries.set(id, entry);
			this.aggregate.add(entry.contribution);
		}
		this.lastContentCheck = checkpoint.contentCheckedAt;
		this.lastChangeToken = checkpoint.changeToken ?? undefined;
		return true;
	}

	private forget(): void {
		this.entries = new Map();
		this.aggregate = new Aggregate();
		this.primed = false;
		this.lastChangeToken = undefined;
		this.closeHistory();
		this.previews = { entries: new Map() };
		this.lastContentCheck = -Infinity;
	}
}
