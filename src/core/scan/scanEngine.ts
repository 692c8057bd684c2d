import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Aggregate } from '../engine/aggregate.ts';
import { EarnedDates } from '../engine/earnedDates.ts';
import { buildSnapshot, evidenceMetric } from '../engine/snapshot.ts';
import { historyStamp, openHistory } from '../hermes/history.ts';
import type { HermesHistory } from '../hermes/history.ts';
import { SessionTooLarge, sessionByteBudget, tooLargeReason } from '../hermes/sessionBudget.ts';
import type { PreviewCache } from '../hermes/sqliteStore.ts';
import type { ScanMeta, SessionInfo, SkippedSession, Snapshot } from '../model.ts';
import { loadCheckpoint, saveCheckpoint } from '../store/checkpointStore.ts';
import type { CheckpointEntry, EntryTexts } from '../store/checkpointStore.ts';
import { fileStamp } from '../store/fileStamp.ts';
import { takeOverLegacyFiles } from '../store/legacyTakeover.ts';
import { pluginPaths } from '../store/pluginPaths.ts';
import type { PluginPaths } from '../store/pluginPaths.ts';
import { saveSnapshot } from '../store/snapshotFile.ts';
import { backupUnlockHistory, commitUnlockHistory, loadUnlockHistory, recordUnlocks, unlockFilesStamp } from '../store/unlockHistory.ts';
import type { UnlockHistory } from '../store/unlockHistory.ts';
import { unsavedSentence } from '../store/unsaved.ts';
import { guardedReadBytes, SessionReadGuard } from './sessionReadGuard.ts';
import type { FatalRead } from './sessionReadGuard.ts';
import { analyzeRead } from './analyzeRead.ts';
import { readSessions } from './sessionReaders.ts';
import type { ReaderPool, SessionRead, SessionSkipped } from './sessionReaders.ts';
import type { WrittenSnapshot } from './workerProtocol.ts';

/** Bump whenever the analysis or aggregation changes what a session contributes: checkpoints are rebuilt. */
export const engineVersion = '1';

export interface ScanCallbacks {
	/** Sessions read so far out of those that need reading. */
	onProgress?(done: number, total: number): void;
	/** A cold scan's running result; never records unlocks. */
	onPartial?(snapshot: Snapshot): void;
	/**
	 * The finished result, as soon as it exists (the files it is persisted to are written after),
	 * with what could not be saved so far (null when everything was).
	 */
	onResult?(snapshot: Snapshot, unsaved: string | null): void;
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
 * A cold scan saves what it has read this often, so that a scan killed half-way (a closed window,
 * kill -9) is resumed by the next scanner, in this process or another, instead of starting over.
 */
const coldCheckpointEveryMs = 5_000;
const fatalReason = 'Reading it stopped an earlier scan (it ran out of memory, or its process ended); it is left out of the counts until it gets smaller.';

/**
 * Scans one Hermes home, incrementally. It keeps, between scans, each session's fingerprint and
 * contribution (the checkpoint) and the aggregate built from them, so a refresh reads only new or
 * changed sessions and subtracts removed or stale contributions. It runs inside the scan worker;
 * nothing here may run on the extension host thread. The coordinator makes sure that only one
 * engine on the machine scans a home at a time.
 */
export class ScanEngine {
	private readonly home: string;
	private readonly paths: PluginPaths;
	private entries = new Map<string, CheckpointEntry>();
	private aggregate = new Aggregate();
	private readonly earned = new EarnedDates();
	private unlocks: UnlockHistory = new Map();
	/** The shared unlock history (or our copy) lacks records we hold: write on the next completion. */
	private unlocksBehind = false;
	/** Why the unlock history, and why the snapshot or checkpoint, could not be written last time. */
	private unlockProblem: string | null = null;
	private fileProblem: string | null = null;
	/** The checkpoint file as we last wrote or read it: another process that scanned changes it. */
	private checkpointStamp: string | undefined;
	private tookOver = false;
	/** Set once the in-memory state reflects the checkpoint (or a scan) of this home. */
	private primed = false;
	private lastChangeToken: string | undefined;
	/** The open history, kept between scans; its change token covers the same files, legacy ones included. */
	private history: HermesHistory | undefined;
	/** Untitled sessions' previews, kept across scans so an unchanged session costs no query. */
	private previews: PreviewCache = { entries: new Map() };
	private lastSnapshot: Snapshot | undefined;
	/** Sessions left out of the counts, with the fingerprint they had: unchanged, they stay out. */
	private skipped = new Map<string, { readonly fingerprint: string; readonly skipped: SkippedSession }>();
	private readonly readGuard: SessionReadGuard;
	/** When (Unix ms) the content keys were last compared, or established by reading every session. */
	private lastContentCheck = -Infinity;
	private readonly contentCheckEveryMs: number;
	private readonly readers: ReaderPool | undefined;
	private written: WrittenSnapshot | null = null;
	private checkpointDirty = false;
	private checkpointTimer: ReturnType<typeof setTimeout> | undefined;
	/**
	 * Each entry's checkpoint text, for the delayed writes: between two of them a refresh replaces a
	 * few entries of thousands. Not for a cold scan's writes (every entry is new, and it would only add
	 * to the scan's peak memory).
	 */
	private readonly entryTexts: EntryTexts = new WeakMap();

	/** `readers`: helper threads for large scans (none: every session is read on this thread). */
	constructor(home: string, options: { readonly contentCheckIntervalMs?: number; readonly readers?: ReaderPool } = {}) {
		this.home = home;
		this.paths = pluginPaths(home);
		this.readGuard = new SessionReadGuard(this.paths.dir);
		this.contentCheckEveryMs = options.contentCheckIntervalMs ?? contentCheckIntervalMs;
		this.readers = options.readers;
	}

	/** `full` forgets everything cached and reads every session again (the manual rescan). */
	async scan(full: boolean, callbacks: ScanCallbacks = {}): Promise<Snapshot> {
		const started = performance.now();
		await this.takeOverOnce();
		// Taken before the listing, so a write that lands during the scan is never mistaken for seen.
		const stamp = historyStamp(this.home);
		if (this.primed && fileStamp(this.paths.checkpoint) !== this.checkpointStamp) {
			// Another process scanned since: its checkpoint is newer than what this engine holds.
			this.primed = false;
			this.lastSnapshot = undefined;
		}
		let mode: ScanMeta['mode'] = 'incremental';
		if (full) {
			this.forget();
			mode = 'full';
		} else if (!this.primed) {
			mode = (await this.loadCheckpoint()) ? 'incremental' : 'full';
		}
		const loaded = await loadUnlockHistory(this.paths, this.unlocks);
		this.unlocks = loaded.history;
		this.unlocksBehind ||= loaded.behind;

		// The cheap check: file stats, no SQLite at all. The token is taken before the listing, so a
		// write that lands during the scan is never mistaken for seen.
		const earlierToken = this.history?.changeToken();
		if (this.primed && this.lastSnapshot && earlierToken === this.lastChangeToken) {
			return this.complete(this.reuseMeta(this.lastSnapshot.scan_meta.sessions_total), started, false, stamp, callbacks);
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
				return await this.complete(this.reuseMeta(this.entries.size + this.skipped.size, mode), started, false, stamp, callbacks);
			}
			const { rescanned, total } = await this.update(history, mode, started, callbacks);
			this.primed = true;
			this.lastChangeToken = changeToken;
			meta = { mode, sessions_total: total, sessions_rescanned: rescanned, sessions_reused: total - rescanned, duration_ms: 0, skipped: this.skippedSessions() };
		} catch (error) {
			// Whatever went wrong, the next scan starts from a new connection.
			this.closeHistory();
			throw error;
		}
		// A moved token is saved too (later), so that a new process knows what its checkpoint saw.
		return this.complete(meta, started, meta.sessions_rescanned > 0 || full || tokenMoved, stamp, callbacks);
	}

	/** Moves the unlock history aside and forgets it; the next scan records (and announces) unlocks afresh. */
	async resetHistory(): Promise<string> {
		const backup = await backupUnlockHistory(this.paths);
		await rm(this.paths.announced, { recursive: true, force: true });
		this.unlocks = new Map();
		this.unlocksBehind = false;
		this.unlockProblem = null;
		this.lastSnapshot = undefined;
		return backup;
	}

	/** The snapshot file the last scan wrote (null when it could not). */
	writtenSnapshot(): WrittenSnapshot | null {
		return this.written;
	}

	/** What could not be written in the last scan, in one sentence (null when everything was). */
	unsaved(): string | null {
		return this.unlockProblem ?? this.fileProblem;
	}

	/** Writes a checkpoint still waiting for its delay (a short-lived process, before it exits). */
	async flushCheckpoint(): Promise<void> {
		clearTimeout(this.checkpointTimer);
		this.checkpointTimer = undefined;
		if (this.checkpointDirty) {
			await this.writeCheckpoint(true);
		}
	}

	private reuseMeta(total: number, mode: ScanMeta['mode'] = 'incremental'): ScanMeta {
		return { mode, sessions_total: total, sessions_rescanned: 0, sessions_reused: total, duration_ms: 0, skipped: this.skippedSessions() };
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

	private scheduleCheckpoint(): void {
		this.checkpointDirty = true;
		if (this.checkpointTimer === undefined) {
			this.checkpointTimer = setTimeout(() => {
				this.checkpointTimer = undefined;
				// A failure is reported like any other unsaved file: by the next scan's result.
				void this.writeCheckpoint(true);
			}, checkpointDelayMs);
			// A process that is done anyway does not wait for it (the command line flushes first).
			this.checkpointTimer.unref?.();
		}
	}

	/**
	 * Each entry is consistent by itself, so a write between two sessions of a scan is a valid
	 * checkpoint too. Never throws: a folder that cannot be written is reported in `unsaved()`.
	 */
	private async writeCheckpoint(delayed = false): Promise<void> {
		this.checkpointDirty = false;
		try {
			const checkpoint = { engineVersion, sessions: this.entries, contentCheckedAt: this.lastContentCheck, changeToken: this.lastChangeToken ?? null };
			await saveCheckpoint(this.paths.checkpoint, checkpoint, delayed ? this.entryTexts : undefined);
			this.checkpointStamp = fileStamp(this.paths.checkpoint);
			this.fileProblem = null;
		} catch (error) {
			this.checkpointDirty = true;
			this.fileProblem = unsavedSentence(this.paths.dir, error, 'the results');
		}
	}

	private async update(history: HermesHistory, mode: ScanMeta['mode'], started: number, callbacks: ScanCallbacks) {
		let sessions = history.listSessions();
		const fingerprintMoved = (session: SessionInfo): boolean =>
			this.entries.get(session.id)?.fingerprint !== session.fingerprint && this.skipped.get(session.id)?.fingerprint !== session.fingerprint;
		let changed = sessions.filter(fingerprintMoved);
		if (changed.length === sessions.length) {
			// Every session is read anyway, which establishes every content key.
			this.lastContentCheck = Date.now();
		} else {
			// The database changed and nothing listed explains it, or the slow cadence is due (then
			// whatever the listing may have taken for unchanged is listed in full too).
			const unexplained = changed.length === 0 && sessions.length === this.entries.size + this.skipped.size && !history.listingMoved();
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
		this.dropUnlisted(sessions, changed);
		const { toRead, big, sizes } = this.screen(history, changed);
		const cold = !this.lastSnapshot && mode === 'full';
		let lastProgress = 0;
		let lastPartial = performance.now();
		let lastSaved = performance.now();
		const pool = this.readers ?? { script: '', home: this.home, threads: 1 };
		await readSessions(history, toRead, pool, (session, read, index) => {
			this.take(session, read);
			const now = performance.now();
			if (now - lastProgress >= progressIntervalMs) {
				lastProgress = now;
				callbacks.onProgress?.(index + 1, toRead.length);
			}
			// Every tenth of the way, and at least every partialIntervalMs, the view gets a running result.
			const crossedTenth = Math.floor(((index + 1) * 10) / toRead.length) > Math.floor((index * 10) / toRead.length);
			if (cold && callbacks.onPartial && index + 1 < toRead.length && (crossedTenth || now - lastPartial >= partialIntervalMs)) {
				lastPartial = now;
				callbacks.onPartial(this.snapshotOf({ mode: 'in_progress', sessions_total: sessions.length, sessions_rescanned: index + 1, sessions_reused: 0, duration_ms: Math.round(now - started), skipped: this.skippedSessions() }, true));
			}
			if (cold && now - lastSaved >= coldCheckpointEveryMs) {
				lastSaved = now;
				void this.writeCheckpoint();
			}
		}, { readsHere: (session) => big.has(session.id), readGuarded: (session) => this.readGuarded(history, session, sizes.get(session.id)) });
		callbacks.onProgress?.(toRead.length, toRead.length);
		return { rescanned: changed.length, total: sessions.length };
	}

	/** Every listed session that is not new has an entry (or was skipped): anything beyond was removed. */
	private dropUnlisted(sessions: readonly SessionInfo[], changed: readonly SessionInfo[]): void {
		const added = changed.reduce((n, session) => n + (this.entries.has(session.id) || this.skipped.has(session.id) ? 0 : 1), 0);
		if (sessions.length - added === this.entries.size + this.skipped.size) {
			return;
		}
		const listed = new Set(sessions.map((s) => s.id));
		for (const id of this.entries.keys()) {
			if (!listed.has(id)) {
				this.entries.delete(id);
				this.aggregate.remove(id);
			}
		}
		for (const id of this.skipped.keys()) {
			if (!listed.has(id)) {
				this.skipped.delete(id);
			}
		}
	}

	/**
	 * Leaves out the sessions that cannot be read within the memory budget or that ended an earlier
	 * scan and have not shrunk since; the big ones left are read on this thread, under the guard's
	 * marker. Sizes are asked first (which reads no text) only of legacy files and of sessions that
	 * ended a scan: any other store session finds out while it is read (`readOrdinarySession`).
	 */
	private screen(history: HermesHistory, changed: readonly SessionInfo[]) {
		const fatalReads: ReadonlyMap<string, FatalRead> = changed.length > 0 ? this.readGuard.fatalReads() : new Map();
		const toRead: SessionInfo[] = [];
		const big = new Set<string>();
		const sizes = new Map<string, number>();
		for (const session of changed) {
			const fatal = fatalReads.get(session.id);
			if (session.origin === 'state.db' && fatal === undefined) {
				toRead.push(session);
				continue;
			}
			const bytes = history.storedBytes(session);
			sizes.set(session.id, bytes);
			const reason = bytes > sessionByteBudget ? tooLargeReason(bytes) : fatal !== undefined && bytes >= fatal.bytes ? fatalReason : null;
			if (reason !== null) {
				this.take(session, { contentKey: null, skipped: { session_id: session.id, title: session.title, reason } });
				continue;
			}
			toRead.push(session);
			if (bytes >= guardedReadBytes) {
				big.add(session.id);
			}
		}
		return { toRead, big, sizes };
	}

	/**
	 * One big session read on this thread (`bytes`: its size when screened). One over the budget is
	 * left out unread, and so is one that grows past it while read.
	 */
	private readGuarded(history: HermesHistory, session: SessionInfo, screenedBytes: number | undefined): SessionRead | SessionSkipped {
		const bytes = screenedBytes ?? history.storedBytes(session);
		const tooLarge = (size: number): SessionSkipped => ({ contentKey: null, skipped: { session_id: session.id, title: session.title, reason: tooLargeReason(size) } });
		if (bytes > sessionByteBudget) {
			return tooLarge(bytes);
		}
		this.readGuard.reading(session.id, bytes);
		try {
			return analyzeRead(session, (tally) => history.readMessages(session, { tally }));
		} catch (error) {
			if (error instanceof SessionTooLarge) {
				return tooLarge(error.bytes);
			}
			throw error;
		} finally {
			this.readGuard.done();
		}
	}

	private take(session: SessionInfo, read: SessionRead | SessionSkipped): void {
		if ('skipped' in read) {
			this.entries.delete(session.id);
			this.aggregate.remove(session.id);
			this.skipped.set(session.id, { fingerprint: session.fingerprint, skipped: read.skipped });
			return;
		}
		this.skipped.delete(session.id);
		this.entries.set(session.id, { fingerprint: session.fingerprint, contentKey: read.contentKey, contribution: read.contribution });
		this.aggregate.add(read.contribution);
	}

	private skippedSessions(): SkippedSession[] {
		return [...this.skipped.values()].map((entry) => entry.skipped);
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
	 * snapshot are written: persisting only speeds up the next start, so nobody waits for it. A
	 * folder that cannot be written never fails the scan: the result stays in memory, the reason is
	 * reported, and the writes are tried again on the next scan.
	 */
	private async complete(meta: ScanMeta, started: number, changed: boolean, stamp: string, callbacks: ScanCallbacks): Promise<Snapshot> {
		let evaluated = this.snapshotOf(meta, false);
		const recorded = recordUnlocks(this.unlocks, evaluated.achievements, (id) => {
			const metric = evidenceMetric(id);
			return metric ? this.aggregate.evidenceFor(metric) : null;
		}, Date.now() / 1000);
		this.unlocks = recorded.history;
		if (recorded.added.length > 0 || this.unlocksBehind || this.unlockProblem !== null) {
			await this.saveUnlocks();
			// The merge may have brought earlier dates from other tools as well as our new records.
			evaluated = this.snapshotOf(meta, false);
		}
		const snapshot: Snapshot = { ...evaluated, scan_meta: { ...meta, duration_ms: Math.round(performance.now() - started) } };
		this.lastSnapshot = snapshot;
		callbacks.onResult?.(snapshot, this.unsaved());
		if ((changed && meta.mode === 'full') || this.fileProblem !== null) {
			await this.writeCheckpoint();
		} else if (changed) {
			this.scheduleCheckpoint();
		}
		this.written = null;
		try {
			// The unlock files' part is taken after our own write of them: the snapshot reflects them as they are now.
			const sourceToken = `${stamp}#${unlockFilesStamp(this.paths)}`;
			await saveSnapshot(this.paths.snapshot, snapshot, sourceToken);
			this.written = { stamp: fileStamp(this.paths.snapshot), sourceToken };
		} catch (error) {
			this.fileProblem = unsavedSentence(this.paths.dir, error, 'the results');
		}
		return snapshot;
	}

	private async saveUnlocks(): Promise<void> {
		try {
			this.unlocks = await commitUnlockHistory(this.paths, this.unlocks);
			this.unlocksBehind = false;
			this.unlockProblem = null;
		} catch (error) {
			this.unlockProblem = unsavedSentence(this.paths.dataDir, error, 'the first-unlock dates');
		}
	}

	/** Once per engine: files that earlier versions left in the dashboard plugin's install folder. */
	private async takeOverOnce(): Promise<void> {
		if (this.tookOver) {
			return;
		}
		this.tookOver = true;
		// Best effort: a folder we cannot change only means the old files stay where they are.
		await takeOverLegacyFiles(this.paths).catch(() => undefined);
	}

	private snapshotOf(meta: ScanMeta, partial: boolean): Snapshot {
		// A cold scan's running results skip the earned dates: every partial would be a full replay.
		if (!partial) {
			this.earned.update(this.entries);
		}
		return buildSnapshot({
			values: this.aggregate.values(),
			unlocks: this.unlocks,
			home: this.home,
			scanId: randomUUID(),
			meta,
			generatedAt: Date.now() / 1000,
			partial,
			earned: partial ? undefined : this.earned,
		});
	}

	private async loadCheckpoint(): Promise<boolean> {
		const stampBefore = fileStamp(this.paths.checkpoint);
		const { checkpoint } = await loadCheckpoint(this.paths.checkpoint, engineVersion);
		this.forget();
		this.checkpointStamp = stampBefore;
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
		this.skipped = new Map();
		this.lastContentCheck = -Infinity;
	}
}
