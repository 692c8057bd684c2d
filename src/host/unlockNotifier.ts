import * as vscode from 'vscode';
import type { ServiceSlot } from './serviceSlot.ts';
import { unlockMessage } from './unlockText.ts';

/** Tells the user about new unlocks (when `notifyOnUnlock` is on), with a button that shows the achievement. */
export class UnlockNotifier implements vscode.Disposable {
	private readonly subscription: vscode.Disposable;

	constructor(slot: ServiceSlot, isEnabled: () => boolean, reveal: (achievementId: string) => Promise<void>) {
		this.subscription = slot.onDidUnlock((notices) => {
			const message = unlockMessage(notices);
			const [first] = notices;
			if (!isEnabled() || message === undefined || first === undefined) {
				return;
			}
			void vscode.window.showInformationMessage(message, 'Show').then((choice) => {
				if (choice === 'Show') {
					return reveal(first.id);
				}
				return undefined;
			});
		});
	}

	dispose(): void {
		this.subscription.dispose();
	}
}
