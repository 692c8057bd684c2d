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
	/** The last model posted to either webview (sidebar view or editor panel). */
	lastPostedModel(): ViewModel | undefined;
}

export interface ExtensionApiSources {
	readonly slot: ServiceSlot;
	readonly statusBar: { state(): StatusBarState };
	readonly lastPostedModel: () => ViewModel | undefined;
}

export function createExtensionApi(sources: ExtensionApiSources): ExtensionApi {
	const { slot, statusBar, lastPostedModel } = sources;
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
	};
}
