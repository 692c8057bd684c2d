import * as vscode from 'vscode';
import type { RenderedCard } from './cardRequests.ts';
import { contributionIds } from './commandIds.ts';
import { WebviewBinding, webviewOptions } from './webviewBinding.ts';
import type { WebviewHostDeps } from './webviewHosts.ts';

interface OpenPanel {
	readonly panel: vscode.WebviewPanel;
	readonly binding: WebviewBinding;
}

/** The same grid in an editor tab (roomier). One at a time; restored after a window reload by the serializer. */
export class AchievementsPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
	private open: OpenPanel | undefined;
	private readonly deps: WebviewHostDeps;

	constructor(deps: WebviewHostDeps) {
		this.deps = deps;
	}

	show(): void {
		if (this.open !== undefined) {
			this.open.panel.reveal();
			return;
		}
		const panel = vscode.window.createWebviewPanel(
			contributionIds.panelType,
			'Hermes Achievements',
			{ viewColumn: vscode.ViewColumn.Active },
			{ ...webviewOptions(this.deps.extensionUri), enableFindWidget: true },
		);
		this.adopt(panel);
	}

	/** Opens (or reveals) the editor tab on its Journey section. */
	showJourney(): void {
		this.show();
		this.open?.binding.showJourney();
	}

	/** The share card, drawn by the editor tab's webview (opened if needed): only a webview knows the theme's colours. */
	requestCard(): Promise<RenderedCard> {
		this.show();
		return this.open!.binding.requestCard();
	}

	/** VS Code hands back a panel that was open before the reload; the binding writes fresh options and HTML. */
	async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
		if (this.open !== undefined) {
			// Only one panel is kept: a second restored one would duplicate it.
			panel.dispose();
			return;
		}
		this.adopt(panel);
	}

	dispose(): void {
		this.open?.panel.dispose();
	}

	private adopt(panel: vscode.WebviewPanel): void {
		panel.iconPath = {
			light: vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'trophy-light.svg'),
			dark: vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'trophy-dark.svg'),
		};
		const binding = new WebviewBinding({
			...this.deps,
			surface: 'editor',
			webview: panel.webview,
			isVisible: () => panel.visible,
			onDidChangeVisibility: panel.onDidChangeViewState,
		});
		const open: OpenPanel = { panel, binding };
		this.open = open;
		const disposal = panel.onDidDispose(() => {
			disposal.dispose();
			binding.dispose();
			if (this.open === open) {
				this.open = undefined;
			}
		});
	}
}
