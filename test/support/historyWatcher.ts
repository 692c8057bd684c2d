import { existsSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { createDebouncer } from '../../src/host/timing.ts';

/** As src/host/homeWatcher.ts: one refresh per burst of history writes, and a periodic catch-up. */
const refreshDelayMs = 750;
const safetyRefreshMs = 60_000;

/**
 * What the extension host's HomeWatcher does, without VS Code: `node:fs` watchers on the home
 * (state.db, state.db-wal) and on sessions/, debounced, plus the 60 s safety refresh. Child
 * processes of the multi-process tests use it to trigger refreshes exactly as a window would.
 */
export function watchHistory(home: string, refresh: () => void): { dispose(): void } {
	const debouncer = createDebouncer(refresh, refreshDelayMs);
	const watchers: FSWatcher[] = [];
	const add = (dir: string, accept: (file: string | null) => boolean): void => {
		const watcher = watch(dir, { persistent: false }, (_event, file) => {
			if (accept(file)) {
				debouncer.trigger();
			}
		});
		watcher.on('error', () => undefined);
		watchers.push(watcher);
	};
	add(home, (file) => file === 'state.db' || file === 'state.db-wal');
	const sessions = join(home, 'sessions');
	if (existsSync(sessions)) {
		add(sessions, () => true);
	}
	const safety = setInterval(() => debouncer.trigger(), safetyRefreshMs);
	safety.unref();
	return {
		dispose() {
			clearInterval(safety);
			debouncer.dispose();
			for (const watcher of watchers) {
				watcher.close();
			}
		},
	};
}
