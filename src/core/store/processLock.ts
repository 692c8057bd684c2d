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
	/** Whether `db` runs without a journal file yet (set once the file could be read). */
	private configured = false;
	private holds = 0;
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
				// Needs to read the file, so it could not be done while someone else held the lock.
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
		this.configured = false;
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
			let db: DatabaseSync | undefined;
			try {
				mkdirSync(dirname(path), { recursive: true });
				db = new DatabaseSync(path, { timeout: this.waitMs });
				const configured = this.probe(db);
				this.db = db;
				this.path = path;
				this.configured = configured;
				return db;
			} catch (error) {
				if (db?.isOpen) {
					db.close();
				}
				lastError = error;
			}
		}
		throw new Error(`No lock file could be opened (${errorMessage(lastError)}).`, { cause: lastError });
	}

	/**
	 * Whether the file can hold the lock at all: a file that opened read-only (someone else's) cannot
	 * take an exclusive lock, and throws. Busy means usable, just held right now; every statement
	 * that touches the file (setting the journal mode too) fails until the holder lets go, so the
	 * journal mode is left to `tryAcquire` (false) and the check does not wait out `waitMs`.
	 */
	private probe(db: DatabaseSync): boolean {
		db.exec('PRAGMA busy_timeout = 0');
		try {
			// Nothing is ever written, so no journal file is needed beside the lock.
			db.exec('PRAGMA journal_mode = MEMORY');
			db.exec('BEGIN EXCLUSIVE');
			db.exec('ROLLBACK');
			return true;
		} catch (error) {
			if (isBusy(error)) {
				return false;
			}
			throw error;
		} finally {
			db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(this.waitMs))}`);
		}
	}
}

function isBusy(error: unknown): boolean {
	const code = (error as { errcode?: unknown }).errcode;
	// SQLITE_BUSY and SQLITE_LOCKED, with or without extended codes.
	return typeof code === 'number' && ((code & 0xff) === 5 || (code & 0xff) === 6);
}
