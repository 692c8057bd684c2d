import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { sqliteResultCode } from './historyError.ts';

const sqliteReadOnly = 8;

/**
 * A WAL-mode `state.db` normally needs its `-shm` file, which a reader creates when it is missing;
 * in a folder this user may not write (a read-only mount, another user's home) SQLite then refuses
 * to read at all ("attempt to write a readonly database"). With no `-wal` file beside it either,
 * the database file holds every committed transaction and nobody is writing it (a writer would
 * have created both files), so it can be read as an immutable file: no locks, no `-shm`. With a
 * `-wal` file, committed data may live only there, and reading without it would miss it silently.
 */
export function canReadAsImmutable(error: unknown, dbPath: string): boolean {
	return sqliteResultCode(error) === sqliteReadOnly && !hasWalContent(dbPath);
}

/** The database as an SQLite URI with `immutable=1` (a URL, so any character of the path is safe). */
export function immutableLocation(dbPath: string): URL {
	const url = pathToFileURL(dbPath);
	url.searchParams.set('immutable', '1');
	return url;
}

function hasWalContent(dbPath: string): boolean {
	try {
		return statSync(`${dbPath}-wal`).size > 0;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code !== 'ENOENT';
	}
}
