import { statSync } from 'node:fs';

/**
 * Identity, size and modification time of a file, or `-` when it is missing. Not ctime: merely
 * opening a WAL database (our own read-only open included) touches the -wal file's metadata, which
 * would defeat the check.
 */
export function fileStamp(path: string): string {
	try {
		const stats = statSync(path, { bigint: true });
		return `${stats.ino}:${stats.size}:${stats.mtimeNs}`;
	} catch {
		return '-';
	}
}
