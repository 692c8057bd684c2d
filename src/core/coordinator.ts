import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Emitter } from './events.ts';
import type { Disposable } from './events.ts';
import { buildSnapshot } from './engine/snapshot.ts';
import { historyStamp } from './hermes/history.ts';
import { tierRank } from '../shared/tiers.ts';
import type { Snapshot } from './model.ts';
import { ScanWorkerClient } from './scan/scanWorkerClient.ts';
import { ScanStatistics } from './scan/scanStatistics.ts';
import { ScanHeartbeat, ownerPathFor, readScanOwner } from './scan/scanOwner.ts';
import type {
	AchievementsService,
	CoordinatorOptions,
	CoordinatorState,
	OtherScanner,
	ScanKind,
	ScanProgress,
	ScanStatus,
	ServiceChange,
	UnlockNotice,
} from './service.ts';
import { claimAnnouncement } from './store/announcements.ts';
import { fileStamp } from './store/fileStamp.ts';
import { loadSnapshot } from './store/snapshotFile.ts';
import { fallbackLockPath, pluginPaths } from './store/pluginPaths.ts';
import type { PluginPaths } from './store/pluginPaths.ts';
import { ProcessLock } from './store/processLock.ts';
import { watchSnapshotFile } from './store/snapshotWatcher.ts';
import { unlockFilesStamp } from './store/unlockHistory.ts';
import { saveScanStatus } from './scan/statusFile.ts';
import { errorMessage } from '../shared/errorMessage.ts';

export function createAchievementsService(options: CoordinatorOptions): AchievementsService {
	return new ScanCoordinator(options);
}

interface PendingScan {
	readonly full: boolean;
	readonly promise: Promise<Snapshot>;
	readonly resolve: (snapshot: Snapshot) => void;
}

/** How often a process waiting for another one's scan checks whether the lock came free. */
const lockPollMs = 250;
const defaultUnfocusedClaimDelayMs = 1_500;

/**
 * Owns the snapshot and the only scanner of one Hermes home: stale-while-revalidate in front,
 * a single flight behind (at most one scan at a time; everything that arrives meanwhile joins
 * it or the one follow-up queued behind it). Across processes, a lock makes one of them the
 * scanner; the others wait for its snapshot instead of scanning the same history again, and
 * every process picks up snapshots that another one writes.
 */
export class ScanCoordinator implements AchievementsService {
	private readonly changed = new Emitter<ServiceChange>();
	private readonly unlocked = new Emitter<readonly UnlockNotice[]>();
	readonly onDidChange = this.changed.event;
	readonly onDidUnlock = this.unlocked.event;

	private readonly worker: ScanWorkerClient;
	private readonly statistics = new ScanStatistics();
	private readonly paths: PluginPaths;
	private readonly scanLock: ProcessLock;
	private readonly snapshotWatch: Disposable | undefined;
	/** The last complete snapshot (persisted, scanned here or by another process); what every request is served. */
	private good: Snapshot | undefined;
	/** A cold scan's running result, shown until the first complete snapshot exists. */
	private partial: Snapshot | undefined;
	private loaded: Promise<void> | undefined;
	private running: { readonly kind: ScanKind; readonly promise: Promise<Snapshot> } | undefined;
	private progress: ScanProgress | null = null;
	private followUp: PendingScan | undefined;
	private lastError: string | null = null;
	private otherScanner: OtherScanner | null = null;
	private unsaved: string | null = null;
	/** The snapshot file as last parsed, keyed by its stamp. */
	private lastRead: { readonly stamp: string; readonly snapshot: Snapshot | undefined; readonly sourceToken: string | null } | undefined;
	/** Unlocks found by this process's own scans: the ones it may announce while unfocused. */
	private readonly foundHere = new Set<string>();
	private disposed = false;

	private readonly options: CoordinatorOptions;

	constructor(options: CoordinatorOptions) {
		this.options = options;
		this.paths = pluginPaths(options.home);
		this.worker = new ScanWorkerClient(options.workerScript, options.home, scanThreads(options.scanWorkers));
		// Never create a Hermes home that does not exist just to hold a lock in it.
		const fallback = fallbackLockPath(options.home, 'scan.lock');
		this.scanLock = new ProcessLock(() => (existsSync(options.home) ? [this.paths.scanLock, fallback] : [fallback]));
		this.snapshotWatch = options.watchSnapshots === false
			? undefined
			: watchSnapshotFile(this.paths.snapshot, () => void this.adoptFromDisk(false));
	}

	current(): Snapshot | undefined {
		const snapshot = this.good ?? this.partial;
		return snapshot && this.decorate(snapshot);
	}

	status(): ScanStatus {
		return {
			state: this.state(),
			home: this.options.home,
			ttl_ms: this.options.ttlMs,
			scanning: this.progress,
			...this.statistics.summary(),
			last_error: this.lastError,
			other_scanner: this.otherScanner,
			unsaved: this.unsaved,
		};
	}

	async request(): Promise<Snapshot> {
		await this.load();
		if (this.good) {
			if (this.isStale(this.good)) {
				this.statistics.staleServed();
				// A scan already running will bring a fresh snapshot: queuing another behind it would
				// make every repeated open of a stale view cost one more scan.
				if (this.running) {
					this.statistics.joined();
				} else {
					void this.schedule(false);
				}
			}
			return this.decorate(this.good);
		}
		if (this.running) {
			this.statistics.joined();
		}
		return this.running?.promise ?? this.schedule(false);
	}

	async refresh(): Promise<Snapshot> {
		await this.load();
		return this.schedule(false);
	}

	async rescan(): Promise<Snapshot> {
		await this.load();
		return this.schedule(true);
	}

	async claimAnnouncements(notices: readonly UnlockNotice[], isFocused: () => boolean): Promise<readonly UnlockNotice[]> {
		if (!isFocused()) {
			await new Promise((resolve) => setTimeout(resolve, this.options.unfocusedClaimDelayMs ?? defaultUnfocusedClaimDelayMs));
		}
		const focused = isFocused();
		const folders = [this.paths.announced, fallbackLockPath(this.options.home, 'announced')];
		return notices.filter((notice) => {
			const key = noticeKey(notice);
			return (focused || this.foundHere.has(key)) && claimAnnouncement(folders, key);
		});
	}

	async resetHistory(): Promise<string> {
		await this.load();
		// Wait for whatever runs, so the reset can't interleave with a scan recording unlocks.
		while (this.running) {
			await this.running.promise;
		}
		const backupPath = await this.worker.resetHistory();
		await this.schedule(true);
		return backupPath;
	}

	async flush(): Promise<void> {
		while (this.running) {
			await this.running.promise;
		}
		// The worker's word is the last one: a checkpoint written now may have failed (or succeeded) since.
		this.unsaved = await this.worker.flush();
	}

	dispose(): void {
		this.disposed = true;
		this.snapshotWatch?.dispose();
		this.worker.dispose();
		this.scanLock.dispose();
		this.changed.dispose();
		this.unlocked.dispose();
	}

	/** Starts a scan, or joins the one running, or queues (once) behind it. */
	private schedule(full: boolean): Promise<Snapshot> {
		if (!this.running) {
			return this.start(full);
		}
		this.statistics.joined();
		if (this.followUp) {
			if (full && !this.followUp.full) {
				this.followUp = { ...this.followUp, full: true };
			}
			return this.followUp.promise;
		}
		let resolve!: (snapshot: Snapshot) => void;
		const promise = new Promise<Snapshot>((r) => (resolve = r));
		this.followUp = { full, promise, resolve };
		return promise;
	}

	private start(full: boolean): Promise<Snapshot> {
		const kind: ScanKind = full ? 'rebuild' : this.good ? 'refresh' : 'bootstrap';
		const startedAt = Date.now();
		this.progress = { kind, started_at: startedAt, sessions_done: 0, sessions_total: 0 };
		const promise = this.runExclusive(full, kind, startedAt)
			.then(
				(snapshot) => this.succeeded(snapshot, startedAt),
				(error: unknown) => this.failed(error, startedAt),
			)
			.finally(() => this.finished());
		this.running = { kind, promise };
		this.fireChange();
		return promise;
	}

	/**
	 * Scans under the machine-wide lock, or, while another process holds it, waits for that scan
	 * and takes its snapshot when it describes the history as it is now. A rebuild always runs here.
	 */
	private async runExclusive(full: boolean, kind: ScanKind, startedAt: number): Promise<Snapshot> {
		for (;;) {
			if (this.disposed) {
				throw new Error('Hermes Achievements was shut down.');
			}
			if (this.tryLock()) {
				this.otherScanner = null;
				// With writes still owed (a full disk), the scan must run: it is what retries them.
				const current = full || this.unsaved !== null ? undefined : await this.adoptFromDisk(true);
				if (current) {
					this.scanLock.release();
					return current;
				}
				return this.scanHere(full, kind, startedAt);
			}
			this.observeOtherScanner();
			await new Promise((resolve) => setTimeout(resolve, lockPollMs));
		}
	}

	/** False while another process holds the lock. A lock that cannot be had anywhere does not stop scanning. */
	private tryLock(): boolean {
		try {
			return this.scanLock.tryAcquire();
		} catch {
			return true;
		}
	}

	private observeOtherScanner(): void {
		const owner = this.scanLock.path ? readScanOwner(ownerPathFor(this.scanLock.path)) : null;
		const next: OtherScanner = owner
			? { pid: owner.pid, since: owner.started_at, sessions_done: owner.sessions_done, sessions_total: owner.sessions_total }
			: { pid: null, since: this.otherScanner?.since ?? Date.now(), sessions_done: 0, sessions_total: 0 };
		const moved = JSON.stringify(next) !== JSON.stringify(this.otherScanner);
		this.otherScanner = next;
		if (moved) {
			this.fireChange();
		}
	}

	/** Runs the scan in this process's worker; the lock is held until its files are written. */
	private async scanHere(full: boolean, kind: ScanKind, startedAt: number): Promise<Snapshot> {
		this.statistics.started(Date.now());
		// A refresh is over in tens of milliseconds as a rule: writing and removing the owner file for
		// it cost the main thread more than the rest of its part. One that lasts is announced by its first beat.
		const heartbeat = this.scanLock.path ? new ScanHeartbeat(ownerPathFor(this.scanLock.path), kind, startedAt, kind !== 'refresh') : undefined;
		const release = (): void => {
			heartbeat?.stop();
			this.scanLock.release();
		};
		try {
			const result = await this.worker.scan(full, {
				onProgress: (done, total) => {
					this.progress = { kind, started_at: startedAt, sessions_done: done, sessions_total: total };
					heartbeat?.progress(done, total);
					this.fireChange();
				},
				onPartial: (snapshot) => {
					if (!this.good) {
						this.partial = snapshot;
						this.fireChange();
					}
				},
			});
			this.unsaved = result.unsaved;
			void result.persisted.then(({ unsaved, written }) => {
				release();
				if (written !== null) {
					// What is in the file now is what this process holds: no need to read it back.
					this.lastRead = { stamp: written.stamp, snapshot: result.snapshot, sourceToken: written.sourceToken };
				}
				if (unsaved !== this.unsaved) {
					this.unsaved = unsaved;
					this.fireChange();
				}
			});
			return { ...result.snapshot, scan_meta: { ...result.snapshot.scan_meta, joined: false } };
		} catch (error) {
			release();
			throw error;
		}
	}

	/**
	 * Takes the snapshot another process wrote. `onlyIfCurrent`: only when it was computed from the
	 * history and the unlock files as they are now (then it is as good as a scan here); otherwise any
	 * newer complete one. Returns it, or undefined when there is nothing to take.
	 */
	private async adoptFromDisk(onlyIfCurrent: boolean): Promise<Snapshot | undefined> {
		if (this.disposed) {
			return undefined;
		}
		const { snapshot, sourceToken } = await this.readSnapshotFile();
		if (!snapshot || snapshot.partial || snapshot.home !== this.options.home) {
			return undefined;
		}
		// A current snapshot past its TTL is not taken: the scan here re-dates it (and costs a few stats).
		const usable = onlyIfCurrent
			? sourceToken === `${historyStamp(this.options.home)}#${unlockFilesStamp(this.paths)}` && !this.isStale(snapshot)
			: this.isNewer(snapshot);
		if (!usable) {
			return undefined;
		}
		if (snapshot.scan_id !== this.good?.scan_id) {
			this.statistics.joinedOther();
		}
		const joined: Snapshot = {
			...snapshot,
			// From this process's side: nothing read, everything reused.
			scan_meta: { ...snapshot.scan_meta, mode: 'incremental', sessions_rescanned: 0, sessions_reused: snapshot.scan_meta.sessions_total, joined: true },
		};
		if (!onlyIfCurrent) {
			// Picked up on its own (not as a scan's answer): hand it on now.
			this.deliver(joined, false);
			this.fireChange();
		}
		return joined;
	}

	/**
	 * The snapshot file, parsed again only when it changed: every refresh and every write to our
	 * folder asks, and a stat is far cheaper than parsing the whole snapshot.
	 */
	private async readSnapshotFile(): Promise<{ snapshot: Snapshot | undefined; sourceToken: string | null }> {
		const stamp = fileStamp(this.paths.snapshot);
		if (this.lastRead?.stamp !== stamp) {
			const read = await loadSnapshot(this.paths.snapshot).catch(() => ({ snapshot: undefined, sourceToken: null }));
			this.lastRead = { stamp, snapshot: read.snapshot, sourceToken: read.sourceToken };
		}
		return this.lastRead;
	}

	private isNewer(snapshot: Snapshot): boolean {
		return !this.good || (snapshot.scan_id !== this.good.scan_id && snapshot.generated_at > this.good.generated_at);
	}

	private succeeded(snapshot: Snapshot, startedAt: number): Snapshot {
		this.deliver(snapshot, snapshot.scan_meta.joined !== true);
		this.lastError = null;
		this.statistics.succeeded(startedAt, Date.now());
		return this.decorate(snapshot);
	}

	/** Makes a complete snapshot current and tells who listens what it unlocked. */
	private deliver(snapshot: Snapshot, scannedHere: boolean): void {
		const previous = this.good;
		if (previous && !this.isNewer(snapshot) && previous.scan_id !== snapshot.scan_id) {
			return;
		}
		this.good = snapshot;
		this.partial = undefined;
		const notices = previous ? unlockNotices(previous, snapshot) : [];
		if (scannedHere) {
			for (const notice of notices) {
				this.foundHere.add(noticeKey(notice));
			}
		}
		if (notices.length > 0 && !this.disposed) {
			this.unlocked.fire(notices);
		}
	}

	private failed(error: unknown, startedAt: number): Snapshot {
		this.lastError = errorMessage(error);
		this.statistics.failed(startedAt, Date.now());
		return this.good ? this.decorate(this.good) : this.errorSnapshot(this.lastError);
	}

	private finished(): void {
		this.running = undefined;
		this.progress = null;
		this.otherScanner = null;
		const next = this.followUp;
		this.followUp = undefined;
		if (next && !this.disposed) {
			void this.start(next.full).then(next.resolve);
		} else if (next) {
			next.resolve(this.current() ?? this.errorSnapshot('Hermes Achievements was shut down.'));
		}
		this.fireChange();
		void saveScanStatus(this.paths.status, this.status()).catch(() => undefined);
	}

	/** Reads the persisted snapshot once, so a restart serves the last result without scanning. */
	private load(): Promise<void> {
		// Through the same cache as the refreshes, so the first refresh does not parse the file again.
		this.loaded ??= this.readSnapshotFile().then(({ snapshot }) => {
			if (snapshot && !this.good && snapshot.home === this.options.home && !snapshot.partial) {
				this.good = snapshot;
				this.fireChange();
			}
		});
		return this.loaded;
	}

	private state(): CoordinatorState {
		if (this.running) {
			return 'SCANNING';
		}
		if (!this.good) {
			return this.lastError ? 'FAILED' : 'EMPTY';
		}
		return this.lastError || this.unsaved || this.isStale(this.good) ? 'STALE' : 'FRESH';
	}

	private isStale(snapshot: Snapshot): boolean {
		return Date.now() - snapshot.generated_at * 1000 > this.options.ttlMs;
	}

	/** What a consumer sees: staleness and the last error are properties of now, not of the scan. */
	private decorate(snapshot: Snapshot): Snapshot {
		const isStale = this.lastError !== null || this.isStale(snapshot);
		return isStale ? { ...snapshot, is_stale: true, error: this.lastError } : snapshot;
	}

	private errorSnapshot(error: string): Snapshot {
		return buildSnapshot({
			values: {},
			unlocks: new Map(),
			home: this.options.home,
			scanId: 'failed',
			meta: { mode: 'failed', sessions_total: 0, sessions_rescanned: 0, sessions_reused: 0, duration_ms: 0 },
			generatedAt: Date.now() / 1000,
			partial: false,
			error,
		});
	}

	private fireChange(): void {
		if (!this.disposed) {
			this.changed.fire({ snapshot: this.current(), status: this.status() });
		}
	}
}

function noticeKey(notice: UnlockNotice): string {
	return `${notice.id}@${notice.tier ?? 'unlocked'}`;
}

/** The scan's reading threads: as asked (at least one), else every core but one for the editor. */
export function scanThreads(asked: number | undefined): number {
	if (asked !== undefined && Number.isFinite(asked) && asked >= 1) {
		return Math.floor(asked);
	}
	return Math.max(1, availableParallelism() - 1);
}

/** What a complete refresh unlocked or raised, compared with the snapshot before it. */
export function unlockNotices(previous: Snapshot, next: Snapshot): UnlockNotice[] {
	const before = new Map(previous.achievements.map((a) => [a.id, a]));
	return next.achievements.flatMap((a): UnlockNotice[] => {
		const old = before.get(a.id);
		if (!a.unlocked) {
			return [];
		}
		const raised = old?.unlocked && a.tier !== null && tierRank(a.tier) > tierRank(old.tier);
		return !old?.unlocked || raised ? [{ id: a.id, name: a.name, tier: a.tier, previous_tier: old?.unlocked ? old.tier : null }] : [];
	});
}
