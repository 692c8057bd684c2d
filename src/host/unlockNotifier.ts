import * as vscode from 'vscode';
import type { UnlockNotice } from '../core/service.ts';
import type { ServiceSlot } from './serviceSlot.ts';
import { unlockMessage } from './unlockText.ts';

/** Tells the user about new unlocks (when `notifyOnUnlock` is on), with a button that shows the achievement. */
export class UnlockNotifier implements vscode.Disposable {
	private readonly subscription: vscode.Disposable;

	private readonly reveal: (achievementId: string) => Promise<void>;

	constructor(slot: ServiceSlot, isEnabled: () => boolean, reveal: (achievementId: string) => Promise<void>) {
		this.reveal = reveal;
		this.subscription = slot.onDidUnlock((found) => {
			if (!isEnabled()) {
				return;
			}
			// Several windows see the same unlock: one of them, the focused one first, shows it.
			void slot.service.claimAnnouncements(found, () => vscode.window.state.focused).then((notices) => this.show(notices));
		});
	}

	private show(notices: readonly UnlockNotice[]): void {
		const message = unlockMessage(notices);
		const [first] = notices;
		if (message === undefined || first === undefined) {
			return;
		}
		void vscode.window.showInformationMessage(message, 'Show').then((choice) => (choice === 'Show' ? this.reveal(first.id) : undefined));
	}

	dispose(): void {
		this.subscription.dispose();
	}
}
