import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { errorMessage } from '../../shared/errorMessage.ts';

/**
 * A lock shared by every process on the machine, held through an exclusive SQLite transaction on an
 * empty file of ours. The operating system releases it the moment its holder dies (kill -9, a crash,
 * a closed window), so a dead owner never leaves an orphan lock behind and nobody has to guess from
 * a heartbeat whether it is safe to break. Nothing is ever written to the file.
 *
 * Several candidate paths: the first one that can be opened is used (our data folder, then a
 * stand-in in the OS temporary folder when that cannot be written).
 */
export class ProcessLock {
	private readonly candidates: () => readonly string[];
	private readonly waitMs: number;
	private db: DatabaseSync | undefined;
	private holds = 0;
	private configured = false;
	/** The file in use, once one could be opened. */
	path: string | undefined;

	/**
	 * `candidates` is asked again whenever the lock is not held, so a better place that becomes
	 * usable (a home created after start) is moved to. `waitMs`: how long `tryAcquire` blocks while
	 * someone else holds the lock (0: not at all).
	 */
	constructor(candidates: () => readonly string[], waitMs = 0) {
		this.candidates = candidates;
		this.waitMs = waitMs;
	}

	get held(): boolean {
		return this.holds > 0;
	}

	/**
	 * True when this process holds the lock afterwards (re-entrant: every successful call needs one
	 * `release`); false while another holds it. Throws only when no candidate file can be opened.
	 */
	tryAcquire(): boolean {
		if (this.holds > 0) {
			this.holds++;
			return true;
		}
		const db = this.open();
		try {
			if (!this.configured) {
				// Nothing is ever written, so no journal file is needed beside the lock.
				db.exec('PRAGMA journal_mode = MEMORY');
				this.configured = true;
			}
			db.exec('BEGIN EXCLUSIVE');
		} catch (error) {
			if (isBusy(error)) {
				return false;
			}
			throw error;
		}
		this.holds = 1;
		return true;
	}

	release(): void {
		if (this.holds === 0) {
			return;
		}
		this.holds--;
		if (this.holds === 0 && this.db?.isTransaction) {
			this.db.exec('ROLLBACK');
		}
	}

	dispose(): void {
		this.holds = 0;
		if (this.db?.isOpen) {
			this.db.close();
		}
		this.db = undefined;
	}

	private open(): DatabaseSync {
		const candidates = this.candidates();
		if (this.db && this.path === candidates[0]) {
			return this.db;
		}
		this.dispose();
		let lastError: unknown;
		for (const path of candidates) {
			let db: DatabaseSync;
			try {
				mkdirSync(dirname(path), { recursive: true });
				db = new DatabaseSync(path, { timeout: this.waitMs });
			} catch (error) {
				lastError = error;
				continue;
			}
			try {
				// A file that opened read-only (someone else's) cannot take an exclusive lock: try the next.
				db.exec('BEGIN IMMEDIATE');
				db.exec('ROLLBACK');
			} catch (error) {
				if (!isBusy(error)) {
					db.close();
					lastError = error;
					continue;
				}
				// Usable, just held by someone right now.
			}
			this.db = db;
			this.path = path;
			this.configured = false;
			return db;
		}
		throw new Error(`No lock file could be opened (${errorMessage(lastError)}).`, { cause: lastError });
	}
}

function isBusy(error: unknown): boolean {
	const code = (error as { errcode?: unknown }).errcode;
	// SQLITE_BUSY and SQLITE_LOCKED, with or without extended codes.
	return typeof code === 'number' && ((code & 0xff) === 5 || (code & 0xff) === 6);
}
