import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Claims the right to announce one unlock, once per machine: the first process to create the claim
 * file wins (an exclusive create is atomic on every local file system). Tries each folder in turn;
 * when none can be written, announces anyway: a notification shown twice beats one never shown.
 */
export function claimAnnouncement(folders: readonly string[], key: string): boolean {
	const name = key.replace(/[^A-Za-z0-9_.@-]/g, '_');
	for (const folder of folders) {
		try {
			mkdirSync(folder, { recursive: true });
			writeFileSync(join(folder, name), `${process.pid}\n`, { flag: 'wx' });
			return true;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
				return false;
			}
		}
	}
	return true;
}
