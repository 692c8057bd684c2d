import { statSync } from 'node:fs';

/**
 * Identity, size and modification time of a file, or `-` when it is missing. Not ctime: merely
 * opening a WAL database (our own read-only open included) touches the -wal file's metadata, which
 * would defeat the check. `emptyIsMissing`: an empty file holds nothing, so creating one changes
 * nothing (a reader's first open of a WAL database creates an empty -wal).
 */
export function fileStamp(path: string, options: { readonly emptyIsMissing?: boolean } = {}): string {
	try {
		const stats = statSync(path, { bigint: true });
		if (options.emptyIsMissing === true && stats.size === 0n) {
			return '-';
		}
		return `${stats.ino}:${stats.size}:${stats.mtimeNs}`;
	} catch {
		return '-';
	}
}
