import { availableParallelism } from 'node:os';
import { Emitter } from './events.ts';
import { buildSnapshot } from './engine/snapshot.ts';
import { tierNames } from './engine/evaluate.ts';
import type { Snapshot } from './model.ts';
import { ScanWorkerClient } from './scan/scanWorkerClient.ts';
import { ScanStatistics } from './scan/scanStatistics.ts';
import type {
	AchievementsService,
	CoordinatorOptions,
	CoordinatorState,
	ScanKind,
	ScanProgress,
	ScanStatus,
	ServiceChange,
	UnlockNotice,
} from './service.ts';
import { loadSnapshot } from './store/snapshotFile.ts';
import { pluginPaths } from './store/pluginPaths.ts';
import { saveScanStatus } from './scan/statusFile.ts';

export function createAchievementsService(options: CoordinatorOptions): AchievementsService {
	return new ScanCoordinator(options);
}

interface PendingScan {
	readonly full: boolean;
	readonly promise: Promise<Snapshot>;
	readonly resolve: (snapshot: Snapshot) => void;
}

/**
 * Owns the snapshot and the only scanner of one Hermes home: stale-while-revalidate in front,
 * a single flight behind (at most one scan at a time; everything that arrives meanwhile joins
 * it or the one follow-up queued behind it).
 */
export class ScanCoordinator implements AchievementsService {
	private readonly changed = new Emitter<ServiceChange>();
	private readonly unlocked = new Emitter<readonly UnlockNotice[]>();
	readonly onDidChange = this.changed.event;
	readonly onDidUnlock = this.unlocked.event;

	private readonly worker: ScanWorkerClient;
	private readonly statistics = new ScanStatistics();
	/** The last complete snapshot (persisted or scanned); what every request is served. */
	private good: Snapshot | undefined;
	/** A cold scan's running result, shown until the first complete snapshot exists. */
	private partial: Snapshot | undefined;
	private loaded: Promise<void> | undefined;
	private running: { readonly kind: ScanKind; readonly promise: Promise<Snapshot> } | undefined;
	private progress: ScanProgress | null = null;
	private followUp: PendingScan | undefined;
	private lastError: string | null = null;
	private disposed = false;

	private readonly options: CoordinatorOptions;

	constructor(options: CoordinatorOptions) {
		this.options = options;
		this.worker = new ScanWorkerClient(options.workerScript, options.home, scanThreads(options.scanWorkers));
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
		await this.worker.flush();
	}

	dispose(): void {
		this.disposed = true;
		this.worker.dispose();
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
		this.statistics.started(startedAt);
		const promise = this.worker
			.scan(full, {
				onProgress: (done, total) => {
					this.progress = { kind, started_at: startedAt, sessions_done: done, sessions_total: total };
					this.fireChange();
				},
				onPartial: (snapshot) => {
					if (!this.good) {
						this.partial = snapshot;
						this.fireChange();
					}
				},
			})
			.then(
				(snapshot) => this.succeeded(snapshot, startedAt),
				(error: unknown) => this.failed(error, startedAt),
			)
			.finally(() => this.finished());
		this.running = { kind, promise };
		this.fireChange();
		return promise;
	}

	private succeeded(snapshot: Snapshot, startedAt: number): Snapshot {
		const previous = this.good;
		this.good = snapshot;
		this.partial = undefined;
		this.lastError = null;
		this.statistics.succeeded(startedAt, Date.now());
		const notices = previous ? unlockNotices(previous, snapshot) : [];
		if (notices.length > 0 && !this.disposed) {
			this.unlocked.fire(notices);
		}
		return this.decorate(snapshot);
	}

	private failed(error: unknown, startedAt: number): Snapshot {
		this.lastError = error instanceof Error ? error.message : String(error);
		this.statistics.failed(startedAt, Date.now());
		return this.good ? this.decorate(this.good) : this.errorSnapshot(this.lastError);
	}

	private finished(): void {
		this.running = undefined;
		this.progress = null;
		const next = this.followUp;
		this.followUp = undefined;
		if (next && !this.disposed) {
			void this.start(next.full).then(next.resolve);
		} else if (next) {
			next.resolve(this.current() ?? this.errorSnapshot('Hermes Achievements was shut down.'));
		}
		this.fireChange();
		void saveScanStatus(this.status()).catch(() => undefined);
	}

	/** Reads the persisted snapshot once, so a restart serves the last result without scanning. */
	private load(): Promise<void> {
		this.loaded ??= loadSnapshot(pluginPaths(this.options.home).snapshot).then(
			({ snapshot }) => {
				if (snapshot && !this.good && snapshot.home === this.options.home && !snapshot.partial) {
					this.good = snapshot;
					this.fireChange();
				}
			},
			() => undefined,
		);
		return this.loaded;
	}

	private state(): CoordinatorState {
		if (this.running) {
			return 'SCANNING';
		}
		if (!this.good) {
			return this.lastError ? 'FAILED' : 'EMPTY';
		}
		return this.lastError || this.isStale(this.good) ? 'STALE' : 'FRESH';
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

function tierRank(tier: string | null): number {
	return tier === null ? -1 : tierNames.indexOf(tier as (typeof tierNames)[number]);
}
