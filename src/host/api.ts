import type { AchievementsService } from '../core/service.ts';
import type { ViewModel } from '../shared/protocol.ts';
import type { ServiceSlot } from './serviceSlot.ts';
import type { StatusBarState } from './statusBar.ts';

/**
 * What `activate()` returns, and so what any other extension can reach through `exports`. The
 * extension-host tests read the extension's state through it, so it only reads: nothing here can
 * scan, reset the unlock history or change files.
 */
export interface ExtensionApi {
	/** The current service's snapshot and scan status; follows the service when the home changes. */
	readonly service: Pick<AchievementsService, 'current' | 'status'>;
	readonly home: string;
	statusBarState(): StatusBarState;
	/** The last model either webview (sidebar view or editor panel) was given, in its HTML or posted. */
	lastPostedModel(): ViewModel | undefined;
	/** How many models were posted to the webviews so far (an unchanged model is never posted). */
	modelsPosted(): number;
}

export interface ExtensionApiSources {
	readonly slot: ServiceSlot;
	readonly statusBar: { state(): StatusBarState };
	readonly lastPostedModel: () => ViewModel | undefined;
	readonly modelsPosted: () => number;
}

export function createExtensionApi(sources: ExtensionApiSources): ExtensionApi {
	const { slot, statusBar, lastPostedModel, modelsPosted } = sources;
	return {
		// Not the service itself: its other methods (rescan, resetHistory, …) stay inside the extension.
		service: {
			current: () => slot.service.current(),
			status: () => slot.service.status(),
		},
		get home() {
			return slot.home;
		},
		statusBarState: () => statusBar.state(),
		lastPostedModel,
		modelsPosted,
	};
}
