import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { analyzeSession } from '../analysis/analyzeSession.ts';
import { Aggregate } from '../engine/aggregate.ts';
import { EarnedDates } from '../engine/earnedDates.ts';
import { buildSnapshot, evidenceMetric } from '../engine/snapshot.ts';
import { historyStamp, openHistory } from '../hermes/history.ts';
import type { HermesHistory } from '../hermes/history.ts';
import type { PreviewCache } from '../hermes/sqliteStore.ts';
import type { Contribution, ScanMeta, SessionInfo, SkippedSession, Snapshot } from '../model.ts';
import { SessionTooLarge, sessionByteBudget, tooLargeReason } from '../hermes/sessionBudget.ts';
import { loadCheckpoint, saveCheckpoint } from '../store/checkpointStore.ts';
import type { CheckpointEntry } from '../store/checkpointStore.ts';
import { fileStamp } from '../store/fileStamp.ts';
import { takeOverLegacyFiles } from '../store/legacyTakeover.ts';
import { pluginPaths } from '../store/pluginPaths.ts';
import type { PluginPaths } from '../store/pluginPaths.ts';
import { saveSnapshot } from '../store/snapshotFile.ts';
import { SessionReadGuard } from './sessionReadGuard.ts';
import type { FatalRead } from './sessionReadGuard.ts';
import { backupUnlockHistory, commitUnlockHistory, loadUnlockHistory, recordUnlocks, unlockFilesStamp } from '../store/unlockHistory.ts';
import type { UnlockHistory } from '../store/unlockHistory.ts';
import { unsavedSentence } from '../store/unsaved.ts';

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
const partialIntervalMs = 750;

/**
 * Scans one Hermes home, incrementally. It keeps, between scans, each session's fingerprint and
 * contribution (the checkpoint) and the aggregate built from them, so a refresh reads only new or
 * changed sessions and subtracts removed or stale contributions. It runs synchronously inside
 * the scan worker; nothing here may run on the extension host thread. The coordinator makes sure
 * that only one engine on the machine scans a home at a time.
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
	/** The last scan's history, closed: its change token covers the same files, legacy ones included. */
	private lastHistory: HermesHistory | undefined;
	/** Untitled sessions' previews, kept across scans so an unchanged session costs no query. */
	private previews: PreviewCache = { entries: new Map() };
	private lastSnapshot: Snapshot | undefined;
	/** Sessions left out of the counts, with the fingerprint they had: unchanged, they stay out. */
	private skipped = new Map<string, { readonly fingerprint: string; readonly skipped: SkippedSession }>();
	private readonly readGuard: SessionReadGuard;

	constructor(home: string) {
		this.home = home;
		this.paths = pluginPaths(home);
		this.readGuard = new SessionReadGuard(this.paths.dir);
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

		// The cheap check: file stats through the last (closed) history, no SQLite at all.
		const earlierToken = this.lastHistory?.changeToken();
		if (this.primed && this.lastSnapshot && earlierToken === this.lastChangeToken) {
			const total = this.lastSnapshot.scan_meta.sessions_total;
			const meta = { mode: 'incremental' as const, sessions_total: total, sessions_rescanned: 0, sessions_reused: total, duration_ms: 0, skipped: this.skippedSessions() };
			return this.complete(meta, started, false, stamp, callbacks);
		}
		// A fresh connection per scan: it sees the file as it is now, whatever happened to it meanwhile.
		const history = openHistory(this.home, this.previews);
		try {
			const changeToken = earlierToken ?? history.changeToken();
			const { rescanned, total } = this.update(history, mode, started, callbacks);
			this.primed = true;
			this.lastChangeToken = changeToken;
			this.lastHistory = history;
			const meta = { mode, sessions_total: total, sessions_rescanned: rescanned, sessions_reused: total - rescanned, duration_ms: 0, skipped: this.skippedSessions() };
			return await this.complete(meta, started, rescanned > 0 || full, stamp, callbacks);
		} finally {
			history.close();
		}
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

	/** What could not be written in the last scan, in one sentence (null when everything was). */
	unsaved(): string | null {
		return this.unlockProblem ?? this.fileProblem;
	}

	private update(history: HermesHistory, mode: ScanMeta['mode'], started: number, callbacks: ScanCallbacks) {
		const sessions = history.listSessions();
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
		const changed = sessions.filter((s) => this.entries.get(s.id)?.fingerprint !== s.fingerprint && this.skipped.get(s.id)?.fingerprint !== s.fingerprint);
		const fatalReads = changed.length > 0 ? this.readGuard.fatalReads() : new Map<string, FatalRead>();
		const cold = !this.lastSnapshot && mode === 'full';
		let lastProgress = 0;
		let lastPartial = performance.now();
		changed.forEach((session, index) => {
			const outcome = this.readSession(history, session, fatalReads);
			if ('reason' in outcome) {
				this.entries.delete(session.id);
				this.aggregate.remove(session.id);
				this.skipped.set(session.id, { fingerprint: session.fingerprint, skipped: outcome });
			} else {
				this.skipped.delete(session.id);
				this.entries.set(session.id, { fingerprint: session.fingerprint, contribution: outcome });
				this.aggregate.add(outcome);
			}
			const now = performance.now();
			if (now - lastProgress >= progressIntervalMs) {
				lastProgress = now;
				callbacks.onProgress?.(index + 1, changed.length);
			}
			// Every tenth of the way, and at least every partialIntervalMs, the view gets a running result.
			const crossedTenth = Math.floor(((index + 1) * 10) / changed.length) > Math.floor((index * 10) / changed.length);
			if (cold && callbacks.onPartial && index + 1 < changed.length && (crossedTenth || now - lastPartial >= partialIntervalMs)) {
				lastPartial = now;
				callbacks.onPartial(this.snapshotOf({ mode: 'in_progress', sessions_total: sessions.length, sessions_rescanned: index + 1, sessions_reused: 0, duration_ms: Math.round(now - started), skipped: this.skippedSessions() }, true));
			}
		});
		callbacks.onProgress?.(changed.length, changed.length);
		return { rescanned: changed.length, total: sessions.length };
	}

	/**
	 * One session's contribution, or why it is left out: its stored text is over the budget (its
	 * size is asked first, which reads no text), or reading it stopped an earlier scan and it has
	 * not shrunk since. A big session is read under the guard's marker, so that a scanner dying
	 * on it (out of memory) does not die on it again at the next start.
	 */
	private readSession(history: HermesHistory, session: SessionInfo, fatalReads: ReadonlyMap<string, FatalRead>): Contribution | SkippedSession {
		const skip = (reason: string): SkippedSession => ({ session_id: session.id, title: session.title, reason });
		const bytes = history.storedBytes(session);
		if (bytes > sessionByteBudget) {
			return skip(tooLargeReason(bytes));
		}
		const fatal = fatalReads.get(session.id);
		if (fatal !== undefined && bytes >= fatal.bytes) {
			return skip('Reading it stopped an earlier scan (it ran out of memory, or its process ended); it is left out of the counts until it gets smaller.');
		}
		this.readGuard.reading(session.id, bytes);
		try {
			return analyzeSession(session, history.readMessages(session));
		} catch (error) {
			if (error instanceof SessionTooLarge) {
				return skip(tooLargeReason(error.bytes));
			}
			throw error;
		} finally {
			this.readGuard.done();
		}
	}

	private skippedSessions(): SkippedSession[] {
		return [...this.skipped.values()].map((entry) => entry.skipped);
	}

	/**
	 * Records first unlocks, then hands the result over (`onResult`) before the checkpoint and the
	 * snapshot are written: persisting only speeds up the next start, so nobody waits for it. A
	 * folder that cannot be written never fails the scan: the result stays in memory, the reason is
	 * reported, and the writes are tried again on the next scan.
	 */
	private async complete(meta: ScanMeta, started: number, changed: boolean, stamp: string, callbacks: ScanCallbacks): Promise<Snapshot> {
		const recorded = recordUnlocks(this.unlocks, this.snapshotOf(meta, false).achievements, (id) => {
			const metric = evidenceMetric(id);
			return metric ? this.aggregate.evidenceFor(metric) : null;
		}, Date.now() / 1000);
		this.unlocks = recorded.history;
		if (recorded.added.length > 0 || this.unlocksBehind || this.unlockProblem !== null) {
			await this.saveUnlocks();
		}
		const snapshot: Snapshot = { ...this.snapshotOf(meta, false), scan_meta: { ...meta, duration_ms: Math.round(performance.now() - started) } };
		this.lastSnapshot = snapshot;
		callbacks.onResult?.(snapshot, this.unsaved());
		try {
			if (changed || this.fileProblem !== null) {
				await saveCheckpoint(this.paths.checkpoint, { engineVersion, sessions: this.entries });
				this.checkpointStamp = fileStamp(this.paths.checkpoint);
			}
			// The unlock files' part is taken after our own write of them: the snapshot reflects them as they are now.
			await saveSnapshot(this.paths.snapshot, snapshot, `${stamp}#${unlockFilesStamp(this.paths)}`);
			this.fileProblem = null;
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
		return true;
	}

	private forget(): void {
		this.entries = new Map();
		this.aggregate = new Aggregate();
		this.primed = false;
		this.lastChangeToken = undefined;
		this.lastHistory = undefined;
		this.previews = { entries: new Map() };
		this.skipped = new Map();
	}
}
