import * as vscode from 'vscode';
import type { Snapshot } from '../core/model.ts';
import type { ScanStatus } from '../core/service.ts';
import { commandIds, contributionIds } from './commandIds.ts';
import type { ServiceSlot } from './serviceSlot.ts';
import { presentStatusBar } from './statusBarPresentation.ts';
import type { StatusBarPresentation } from './statusBarPresentation.ts';
import { isNoHomeError } from './viewModel.ts';

/** The status-bar item as the extension API reports it. */
export interface StatusBarState extends StatusBarPresentation {
	readonly visible: boolean;
}

/** Keeps "Updated 2 min ago" and the stale marker current between service events. */
const relativeTimeRefreshMs = 30_000;

/** `$(hermes-trophy) 37/60` in the status bar; its state always comes from the service. */
export class StatusBar implements vscode.Disposable {
	private readonly item: vscode.StatusBarItem;
	private readonly slot: ServiceSlot;
	private readonly isEnabled: () => boolean;
	private readonly isDemo: () => boolean;
	private readonly disposables: vscode.Disposable[] = [];
	private current: StatusBarState;

	constructor(slot: ServiceSlot, isEnabled: () => boolean, isDemo: () => boolean = () => false) {
		this.slot = slot;
		this.isEnabled = isEnabled;
		this.isDemo = isDemo;
		this.item = vscode.window.createStatusBarItem(contributionIds.statusBarItem, vscode.StatusBarAlignment.Right, 100);
		this.item.name = 'Hermes Achievements';
		this.item.command = commandIds.open;
		const timer = setInterval(() => this.render(), relativeTimeRefreshMs);
		this.disposables.push(this.item, slot.onDidChange(() => this.render()), { dispose: () => clearInterval(timer) });
		this.current = this.render();
	}

	/** Recomputes from the service and the clock; also call it when `showStatusBar` changes. */
	render(): StatusBarState {
		const { service } = this.slot;
		const snapshot = service.current();
		const status = service.status();
		const presentation = labelDemo(firstRun(snapshot, status) ?? presentStatusBar(snapshot, status, Date.now()), this.isDemo());
		const visible = this.isEnabled();
		this.item.text = presentation.text;
		this.item.tooltip = new vscode.MarkdownString(presentation.tooltip);
		this.item.accessibilityInformation = { label: presentation.accessibilityLabel, role: 'button' };
		if (visible) {
			this.item.show();
		} else {
			this.item.hide();
		}
		this.current = { ...presentation, visible };
		return this.current;
	}

	state(): StatusBarState {
		return this.current;
	}

	dispose(): void {
		for (const disposable of this.disposables.splice(0)) {
			disposable.dispose();
		}
	}
}

/** No Hermes home yet is where every new user starts: an invitation, not a warning. */
function firstRun(snapshot: Snapshot | undefined, status: ScanStatus): StatusBarPresentation | undefined {
	const hasResults = snapshot !== undefined && snapshot.scan_meta.sessions_total > 0;
	if (hasResults || status.scanning !== null || !isNoHomeError(status.last_error ?? snapshot?.error ?? null)) {
		return undefined;
	}
	return {
		text: '$(hermes-trophy) Achievements',
		tooltip: '**Hermes Achievements**\n\nNo Hermes history on this machine yet. Click to get started: choose the Hermes home, or try the demo data.',
		accessibilityLabel: 'Hermes Achievements: no Hermes history yet, click to get started',
	};
}

/** Demo figures must never pass for the user's own, in any of the item's three texts. */
function labelDemo(presentation: StatusBarPresentation, demo: boolean): StatusBarPresentation {
	if (!demo) {
		return presentation;
	}
	return {
		text: `${presentation.text} (demo)`,
		tooltip: `**Demo data**: a generated history, not yours. Leave the demo from the Achievements view.\n\n${presentation.tooltip}`,
		accessibilityLabel: `Demo data. ${presentation.accessibilityLabel}`,
	};
}
