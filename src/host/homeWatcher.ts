import * as vscode from 'vscode';
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

/**
 * Watches the Hermes home (usually outside the workspace) and refreshes the service after changes.
 * Two non-recursive watchers rather than one `{state.db,state.db-wal,sessions/**}` pattern: a `**`
 * pattern makes VS Code watch the whole home recursively, and the home holds far more than the
 * history (logs, caches, skills, checkouts). Paths that do not exist yet are picked up once created.
 * Our own files under plugins/ match neither pattern, so writing them never triggers a refresh.
 */
export class HomeWatcher implements vscode.Disposable {
	private readonly slot: ServiceSlot;
	private readonly debouncer: Trigger;
	private readonly replaced: vscode.Disposable;
	private readonly safetyTimer: ReturnType<typeof setInterval>;
	private watchers: vscode.Disposable[] = [];

	constructor(slot: ServiceSlot) {
		this.slot = slot;
		this.debouncer = createDebouncer(() => this.refresh(), refreshDelayMs);
		this.watch(slot.home);
		this.replaced = slot.onDidReplace(({ home }) => this.watch(home));
		this.safetyTimer = setInterval(() => this.debouncer.trigger(), safetyRefreshMs);
	}

	dispose(): void {
		clearInterval(this.safetyTimer);
		this.replaced.dispose();
		this.debouncer.dispose();
		this.unwatch();
	}

	private watch(home: string): void {
		this.unwatch();
		const homeUri = vscode.Uri.file(home);
		const patterns = [
			new vscode.RelativePattern(homeUri, '{state.db,state.db-wal}'),
			new vscode.RelativePattern(vscode.Uri.joinPath(homeUri, 'sessions'), '*'),
		];
		for (const pattern of patterns) {
			const watcher = vscode.workspace.createFileSystemWatcher(pattern);
			const changed = (): void => this.debouncer.trigger();
			this.watchers.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
		}
	}

	private unwatch(): void {
		for (const watcher of this.watchers.splice(0)) {
			watcher.dispose();
		}
	}

	private refresh(): void {
		// A failed refresh is reported through the service's status (status bar, view); nothing to add here.
		this.slot.service.refresh().catch(() => undefined);
	}
}
