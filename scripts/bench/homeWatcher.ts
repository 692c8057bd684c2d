// What the extension's src/host/homeWatcher.ts does, without VS Code: refresh once per burst of
// writes to state.db or its -wal (Hermes writes both several times per message), plus a periodic
// safety refresh.
import { watch } from 'node:fs';

const refreshDelayMs = 750;
const safetyRefreshMs = 60_000;
const historyFiles = new Set(['state.db', 'state.db-wal']);

export interface Stoppable {
	stop(): void;
}

export function watchHome(home: string, refresh: () => void): Stoppable {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const trigger = (): void => {
		clearTimeout(timer);
		timer = setTimeout(refresh, refreshDelayMs);
	};
	const watcher = watch(home, (_event, name) => {
		if (name !== null && historyFiles.has(name)) {
			trigger();
		}
	});
	const safety = setInterval(trigger, safetyRefreshMs);
	return {
		stop(): void {
			clearTimeout(timer);
			clearInterval(safety);
			watcher.close();
		},
	};
}
