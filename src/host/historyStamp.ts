import { statSync } from 'node:fs';
import { join } from 'node:path';

/** The files whose change means Hermes wrote to its store; a legacy `sessions/` folder is judged by its events. */
const storeFiles = ['state.db', 'state.db-wal'] as const;

/**
 * Size and modification time of the store files, as one string: equal stamps mean nothing was
 * written in between. Several file events of one write (state.db, its -wal, a late duplicate from
 * the watcher) then lead to one refresh, not one per event. A missing and an empty -wal are the
 * same: SQLite creates an empty one when our read-only scan opens the store, and that must not
 * look like Hermes writing (it made every write cost two scans).
 */
export function historyStamp(home: string): string {
	return storeFiles.map((name) => {
		try {
			const stats = statSync(join(home, name), { bigint: true });
			return stats.size === 0n ? `${name}:empty` : `${name}:${stats.size}:${stats.mtimeNs}`;
		} catch {
			return `${name}:empty`;
		}
	}).join('|');
}

/** Whether the home holds anything Hermes writes (a store or legacy session files). */
export function hasHistory(home: string): boolean {
	return [...storeFiles, 'sessions'].some((name) => {
		try {
			statSync(join(home, name));
			return true;
		} catch {
			return false;
		}
	});
}
