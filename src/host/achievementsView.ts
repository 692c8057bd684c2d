import * as vscode from 'vscode';
import { contributionIds } from './commandIds.ts';
import { WebviewBinding } from './webviewBinding.ts';
import type { WebviewHostDeps } from './webviewHosts.ts';

/** The sidebar grid (`hermesAchievements.grid`). VS Code may resolve it again after disposing it. */
export class AchievementsViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
	private binding: WebviewBinding | undefined;
	private pendingReveal: string | undefined;
	private readonly deps: WebviewHostDeps;

	constructor(deps: WebviewHostDeps) {
		this.deps = deps;
	}

	resolveWebviewView(view: vscode.WebviewView): void {
		const binding = new WebviewBinding({
			...this.deps,
			surface: 'sidebar',
			webview: view.webview,
			isVisible: () => view.visible,
			onDidChangeVisibility: view.onDidChangeVisibility,
		});
		this.binding = binding;
		this.flushReveal();
		const disposal = view.onDidDispose(() => {
			disposal.dispose();
			binding.dispose();
			if (this.binding === binding) {
				this.binding = undefined;
			}
		});
	}

	/** Opens the sidebar view (resolving it if needed). */
	async focus(): Promise<void> {
		await vscode.commands.executeCommand(`${contributionIds.gridView}.focus`);
	}

	/** Opens the view and scrolls it to one achievement. */
	async reveal(achievementId: string): Promise<void> {
		// Kept until a binding exists: focusing may resolve the view before or after the command settles.
		this.pendingReveal = achievementId;
		await this.focus();
		this.flushReveal();
	}

	dispose(): void {
		this.binding?.dispose();
		this.binding = undefined;
	}

	private flushReveal(): void {
		if (this.binding !== undefined && this.pendingReveal !== undefined) {
			this.binding.reveal(this.pendingReveal);
			this.pendingReveal = undefined;
		}
	}
}
