import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Below this, reading a session cannot plausibly exhaust the scanner's memory, so it is not worth
 * a file write.
 */
export const guardedReadBytes = 8 * 1024 * 1024;

/** A session whose reading stopped a scan: the scanner ran out of memory, or its process died. */
export interface FatalRead {
	readonly session_id: string;
	/** The session's stored size when it was read; it is tried again only once it is smaller. */
	readonly bytes: number;
}

interface Marker extends FatalRead {
	readonly pid: number;
}

/**
 * Makes sure that a session which takes the scanner down with it (a worker or process out of
 * memory ends without any chance to clean up) is read at most once, not at every start. Before a
 * big session is read, a marker naming it is written to our data folder and it is removed
 * afterwards; a marker left behind by a scanner that is gone names the culprit, which is recorded
 * and skipped from then on. Where our folder cannot be written, nothing is guarded (and nothing
 * fails).
 */
export class SessionReadGuard {
	private readonly markerPath: string;
	private readonly recordPath: string;
	private marked = false;

	constructor(dir: string) {
		this.markerPath = join(dir, 'reading-session.json');
		this.recordPath = join(dir, 'fatal-sessions.json');
	}

	/** Sessions that stopped an earlier scan, by id, including the one a dead scanner was reading. */
	fatalReads(): Map<string, FatalRead> {
		const records = new Map<string, FatalRead>();
		for (const record of asRecords(readJson(this.recordPath))) {
			records.set(record.session_id, record);
		}
		const marker = readJson(this.markerPath);
		if (isMarker(marker) && !isAnotherLiveProcess(marker.pid)) {
			records.set(marker.session_id, { session_id: marker.session_id, bytes: marker.bytes });
			if (writeJsonSync(this.recordPath, [...records.values()])) {
				removeQuietly(this.markerPath);
			}
		}
		return records;
	}

	/** Call right before reading a session of `bytes` stored bytes; `done` right after. */
	reading(sessionId: string, bytes: number): void {
		if (bytes < guardedReadBytes) {
			return;
		}
		const marker: Marker = { session_id: sessionId, bytes, pid: process.pid };
		this.marked = writeJsonSync(this.markerPath, marker);
	}

	done(): void {
		if (this.marked) {
			this.marked = false;
			removeQuietly(this.markerPath);
		}
	}
}

/**
 * A marker of this very process was left by a worker thread that died (a living one is never
 * between `reading` and `done` while a scan starts); one of a process that still runs belongs to
 * another scanner reading right now.
 */
function isAnotherLiveProcess(pid: number): boolean {
	if (pid === process.pid) {
		return false;
	}
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readJson(path: string): unknown {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

/** Written whole or not at all (a temporary file renamed over it); false when it could not be. */
function writeJsonSync(path: string, value: unknown): boolean {
	const temporary = `${path}.${process.pid}.tmp`;
	try {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(temporary, `${JSON.stringify(value)}\n`);
		renameSync(temporary, path);
		return true;
	} catch {
		removeQuietly(temporary);
		return false;
	}
}

function removeQuietly(path: string): void {
	try {
		rmSync(path, { force: true });
	} catch {
		// The folder stopped being writable after the marker was written; nothing better to do.
	}
}

function isFatalRead(raw: unknown): raw is FatalRead {
	return typeof raw === 'object' && raw !== null
		&& typeof (raw as FatalRead).session_id === 'string'
		&& Number.isFinite((raw as FatalRead).bytes);
}

function isMarker(raw: unknown): raw is Marker {
	return isFatalRead(raw) && Number.isInteger((raw as Marker).pid);
}

function asRecords(raw: unknown): FatalRead[] {
	return Array.isArray(raw) ? raw.filter(isFatalRead) : [];
}
