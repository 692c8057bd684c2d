import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { hasHistory, historyStamp } from './historyStamp.ts';
import type { ServiceSlot } from './serviceSlot.ts';
import { createDebouncer } from './timing.ts';
import type { Trigger } from './timing.ts';

/** Hermes writes state.db, then its -wal, several times per message: one refresh per burst. */
const refreshDelayMs = 750;
/**
 * File events can be lost (network and FUSE drives, an overloaded watcher, files replaced under
 * it); a periodic refresh catches up. It costs three file stats in the worker when nothing changed.
 */
const safetyRefreshMs = 60_000;
/** While there is no history yet, how often to look for one (besides watching the parent folder). */
const missingHomePollMs = 2000;

/**
 * Watches the Hermes home (usually outside the workspace) and refreshes the service after changes.
 * Two non-recursive watchers rather than one `{state.db,state.db-wal,sessions/**}` pattern: a `**`
 * pattern makes VS Code watch the whole home recursively, and the home holds far more than the
 * history (logs, caches, skills, checkouts). Our own files under plugin-data/ match neither pattern.
 * A burst of events is one refresh, and a burst whose store files did not change at all (a late or
 * duplicate event) is none. A home that does not exist yet is found through its parent folder.
 */
export class HomeWatcher implements vscode.Disposable {
	private readonly slot: ServiceSlot;
	private readonly debouncer: Trigger;
	private readonly replaced: vscode.Disposable;
	private readonly safetyTimer: ReturnType<typeof setInterval>;
	private missingTimer: ReturnType<typeof setInterval> | undefined;
	private watchers: vscode.Disposable[] = [];
	private lastStamp = '';
	private sessionFilesChanged = false;
	private storeChanged = false;

	constructor(slot: ServiceSlot) {
		this.slot = slot;
		this.debouncer = createDebouncer(() => this.burstEnded(), refreshDelayMs);
		this.watch(slot.home);
		this.replaced = slot.onDidReplace(({ home }) => this.watch(home));
		this.safetyTimer = setInterval(() => this.catchUp(), safetyRefreshMs);
	}

	dispose(): void {
		clearInterval(this.safetyTimer);
		clearInterval(this.missingTimer);
		this.replaced.dispose();
		this.debouncer.dispose();
		this.unwatch();
	}

	private watch(home: string): void {
		this.unwatch();
		this.lastStamp = historyStamp(home);
		const homeUri = vscode.Uri.file(home);
		this.listen(new vscode.RelativePattern(homeUri, '{state.db,state.db-wal}'), () => {
			this.storeChanged = true;
		});
		this.listen(new vscode.RelativePattern(vscode.Uri.joinPath(homeUri, 'sessions'), '*'), () => {
			this.sessionFilesChanged = true;
		});
		if (!hasHistory(home)) {
			this.waitForHistory(home);
		}
	}

	/**
	 * First run: no Hermes home yet. A watcher on a folder that does not exist may never fire, so the
	 * parent folder is watched for the home, and a cheap look every two seconds backs it up.
	 */
	private waitForHistory(home: string): void {
		const found = (): void => {
			if (hasHistory(home)) {
				this.watch(home);
				this.refresh();
			}
		};
		this.listen(new vscode.RelativePattern(vscode.Uri.file(dirname(home)), basename(home)), found);
		this.missingTimer = setInterval(found, missingHomePollMs);
	}

	private listen(pattern: vscode.RelativePattern, mark: () => void): void {
		const watcher = vscode.workspace.createFileSystemWatcher(pattern);
		const changed = (): void => {
			mark();
			this.debouncer.trigger();
		};
		this.watchers.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
	}

	private unwatch(): void {
		clearInterval(this.missingTimer);
		this.missingTimer = undefined;
		for (const watcher of this.watchers.splice(0)) {
			watcher.dispose();
		}
	}

	private burstEnded(): void {
		const stamp = historyStamp(this.slot.home);
		const storeMoved = this.storeChanged && stamp !== this.lastStamp;
		const refresh = storeMoved || this.sessionFilesChanged;
		this.storeChanged = false;
		this.sessionFilesChanged = false;
		if (refresh) {
			this.refresh();
		}
	}

	/** The periodic refresh, skipped when any scan started recently (it would only repeat that one). */
	private catchUp(): void {
		const lastStarted = this.slot.service.status().last_started_at;
		if (lastStarted === null || Date.now() - lastStarted >= safetyRefreshMs / 2) {
			this.refresh();
		}
	}

	private refresh(): void {
		this.lastStamp = historyStamp(this.slot.home);
		// A failed refresh is reported through the service's status (status bar, view); nothing to add here.
		this.slot.service.refresh().catch(() => undefined);
	}
}
