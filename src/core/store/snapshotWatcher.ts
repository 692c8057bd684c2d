import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Disposable } from '../events.ts';
import { fileStamp } from './fileStamp.ts';

const settleMs = 50;
const pollMs = 500;

/**
 * Calls `onChange` when the snapshot file is replaced (by this process or another one). Watches the
 * folder, not the file: an atomic write replaces the file, and a watch on the old one goes quiet.
 * Until the folder exists (a home never scanned yet), or where it cannot be watched, a stat twice a
 * second stands in, and hands over to a watch as soon as one can be set up.
 */
export function watchSnapshotFile(path: string, onChange: () => void): Disposable {
	let settle: ReturnType<typeof setTimeout> | undefined;
	const changed = (): void => {
		clearTimeout(settle);
		settle = setTimeout(onChange, settleMs);
	};
	let watcher: FSWatcher | undefined;
	const tryWatch = (): boolean => {
		try {
			const name = basename(path);
			watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
				if (file === null || file === name) {
					changed();
				}
			});
			watcher.on('error', () => undefined);
			return true;
		} catch {
			return false;
		}
	};
	let poll: ReturnType<typeof setInterval> | undefined;
	if (!tryWatch()) {
		let last = fileStamp(path);
		poll = setInterval(() => {
			const now = fileStamp(path);
			if (now !== last) {
				last = now;
				changed();
			}
			if (tryWatch()) {
				clearInterval(poll);
			}
		}, pollMs);
		poll.unref();
	}
	return {
		dispose: () => {
			clearTimeout(settle);
			clearInterval(poll);
			watcher?.close();
		},
	};
}
