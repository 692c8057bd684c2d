import { readFileSync, unlinkSync } from 'node:fs';
import type { ScanKind } from '../service.ts';
import { writeJsonAtomic } from '../store/jsonFile.ts';

/** What the process holding a home's scan lock says about itself; times are Unix milliseconds. */
export interface ScanOwner {
	readonly pid: number;
	readonly kind: ScanKind;
	readonly started_at: number;
	readonly heartbeat_at: number;
	readonly sessions_done: number;
	readonly sessions_total: number;
}

const heartbeatMs = 1_000;

/** The owner file beside a lock file (wherever the lock lives, its owner file lives too). */
export function ownerPathFor(lockPath: string): string {
	return `${lockPath}.owner.json`;
}

/** Only meaningful while the lock is held by someone else: the lock, not this file, decides who scans. */
export function readScanOwner(path: string): ScanOwner | null {
	try {
		const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<ScanOwner>;
		return typeof raw.pid === 'number' && typeof raw.started_at === 'number' ? (raw as ScanOwner) : null;
	} catch {
		return null;
	}
}

/**
 * Written by the lock holder when it starts, when it knows how much it reads, and then every second
 * with its progress, so the other windows can say who is updating and how far it got. Removed when
 * the scan ends; one left behind by a killed process is harmless (the lock is free) and replaced
 * by the next owner.
 */
export class ScanHeartbeat {
	private readonly path: string;
	private owner: ScanOwner;
	private readonly timer: ReturnType<typeof setInterval>;
	private stopped = false;
	private written = false;

	/**
	 * `atOnce` false: the file is first written at the first beat, a second in, so a scan that is
	 * over sooner never writes it.
	 */
	constructor(path: string, kind: ScanKind, startedAt: number, atOnce = true) {
		this.path = path;
		this.owner = { pid: process.pid, kind, started_at: startedAt, heartbeat_at: Date.now(), sessions_done: 0, sessions_total: 0 };
		if (atOnce) {
			this.write();
		}
		this.timer = setInterval(() => this.write(), heartbeatMs);
		this.timer.unref();
	}

	progress(done: number, total: number): void {
		const first = this.owner.sessions_total === 0 && total > 0;
		this.owner = { ...this.owner, sessions_done: done, sessions_total: total };
		// Once the file is there, the others learn how much there is to read at once, not a second later.
		if (first && this.written) {
			this.write();
		}
	}

	stop(): void {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		clearInterval(this.timer);
		this.remove();
	}

	private remove(): void {
		try {
			unlinkSync(this.path);
		} catch {
			// Never written (a read-only folder) or already gone.
		}
	}

	private write(): void {
		this.written = true;
		this.owner = { ...this.owner, heartbeat_at: Date.now() };
		// Best effort: without it the others still wait correctly, they just cannot name the owner.
		writeJsonAtomic(this.path, this.owner).then(
			() => {
				// A write that was under way when the scan ended must not leave the file behind.
				if (this.stopped) {
					this.remove();
				}
			},
			() => undefined,
		);
	}
}
