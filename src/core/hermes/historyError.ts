export type HistoryErrorCode = 'no-home' | 'no-database' | 'not-sqlite' | 'corrupt' | 'locked' | 'unreadable' | 'schema';

/**
 * How the errors whose fix is another Hermes home end. Core can't tell who shows them (the scan that
 * wrote one may have run in the extension, the CLI reads it later from the status file), so it
 * names no setting or option; each front end may say how with `withHomeHint`.
 */
export const anotherHomeHint = 'Choose another Hermes home (the folder that holds state.db).';

/** `message` with the neutral hint replaced by the front end's own words for choosing a home. */
export function withHomeHint(message: string, hint: string): string {
	return message.replace(anotherHomeHint, hint);
}

/** A history that cannot be read, with a one-line message that says what is wrong, where, and what to do. */
export class HistoryError extends Error {
	readonly code: HistoryErrorCode;
	readonly path: string;

	constructor(code: HistoryErrorCode, path: string, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'HistoryError';
		this.code = code;
		this.path = path;
	}
}

interface SqliteFailure {
	readonly errcode?: unknown;
	readonly errstr?: unknown;
	readonly code?: unknown;
	readonly message?: unknown;
}

const sqliteBusy = 5;
const sqliteLocked = 6;
const sqlitePerm = 3;
const sqliteCorrupt = 11;
const sqliteCantOpen = 14;
const sqliteNotADb = 26;
const sqliteIoErr = 10;
const sqliteAuth = 23;

/** The primary SQLite result code of a node:sqlite error, or null for anything else. */
export function sqliteResultCode(error: unknown): number | null {
	if (typeof error !== 'object' || error === null) {
		return null;
	}
	const code = (error as SqliteFailure).errcode;
	return typeof code === 'number' ? code & 0xff : null;
}

/** Busy, locked and I/O errors can pass while a writer commits or checkpoints. */
export function isTransientSqliteError(error: unknown): boolean {
	const code = sqliteResultCode(error);
	return code === sqliteBusy || code === sqliteLocked || code === sqliteIoErr;
}

/** Turns whatever reading state.db threw into a HistoryError a user can act on. */
export function historyErrorFromSqlite(error: unknown, dbPath: string): HistoryError {
	if (error instanceof HistoryError) {
		return error;
	}
	const code = sqliteResultCode(error);
	const detail = describe(error);
	const options = { cause: error };
	if (code === sqliteBusy || code === sqliteLocked) {
		return new HistoryError('locked', dbPath, `Hermes history ${dbPath} stayed locked by another program for several seconds (${detail}). It will be read again on the next change; close long-running Hermes maintenance if this persists.`, options);
	}
	if (code === sqliteNotADb) {
		return new HistoryError('not-sqlite', dbPath, `${dbPath} is not an SQLite database (${detail}). ${anotherHomeHint}`, options);
	}
	if (code === sqliteCorrupt) {
		return new HistoryError('corrupt', dbPath, `Hermes history ${dbPath} is damaged (${detail}). Run "sqlite3 state.db 'PRAGMA integrity_check'" or restore a backup.`, options);
	}
	if (code === sqliteCantOpen || code === sqlitePerm || code === sqliteAuth || code === sqliteIoErr) {
		return new HistoryError('unreadable', dbPath, `Cannot read Hermes history ${dbPath} (${detail}). Check that this user may read the file and its folder (and state.db-wal / state.db-shm).`, options);
	}
	return new HistoryError('unreadable', dbPath, `Cannot read Hermes history ${dbPath} (${detail}).`, options);
}

function describe(error: unknown): string {
	if (typeof error === 'object' && error !== null) {
		const failure = error as SqliteFailure;
		if (typeof failure.errstr === 'string' && typeof failure.message === 'string' && failure.message !== failure.errstr) {
			return `${failure.errstr}: ${failure.message}`;
		}
		if (typeof failure.message === 'string') {
			return failure.message;
		}
	}
	return String(error);
}
