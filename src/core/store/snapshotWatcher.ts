import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Disposable } from '../events.ts';
import { fileStamp } from './fileStamp.ts';

const settleMs = 50;
const pollMs = 2_000;

/**
 * Calls `onChange` when the snapshot file is replaced (by this process or another one). Watches the
 * folder, not the file: an atomic write replaces the file, and a watch on the old one goes quiet.
 * Where the folder cannot be watched (not created yet, or a file system without events), a cheap
 * stat every two seconds stands in.
 */
export function watchSnapshotFile(path: string, onChange: () => void): Disposable {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const changed = (): void => {
		clearTimeout(timer);
		timer = setTimeout(onChange, settleMs);
	};
	let watcher: FSWatcher | undefined;
	try {
		const name = basename(path);
		watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
			if (file === null || file === name) {
				changed();
			}
		});
		watcher.on('error', () => undefined);
	} catch {
		watcher = undefined;
	}
	let poll: ReturnType<typeof setInterval> | undefined;
	if (watcher === undefined) {
		let last = fileStamp(path);
		poll = setInterval(() => {
			const now = fileStamp(path);
			if (now !== last) {
				last = now;
				changed();
			}
		}, pollMs);
		poll.unref();
	}
	return {
		dispose: () => {
			clearTimeout(timer);
			clearInterval(poll);
			watcher?.close();
		},
	};
}
