import type { AchievementsService } from '../core/service.ts';
import type { ViewModel } from '../shared/protocol.ts';
import type { ServiceSlot } from './serviceSlot.ts';
import type { StatusBarState } from './statusBar.ts';

/** What `activate()` returns; the extension-host tests read the extension's state through it. */
export interface ExtensionApi {
	/** The current service; replaced when the settings point at another home. */
	readonly service: AchievementsService;
	readonly home: string;
	statusBarState(): StatusBarState;
	/** The last model either webview (sidebar view or editor panel) was given, in its HTML or posted. */
	lastPostedModel(): ViewModel | undefined;
	/** How many models were posted to the webviews so far (an unchanged model is never posted). */
	modelsPosted(): number;
	/** Every unlock notification shown in this window, oldest first. */
	shownNotifications(): readonly string[];
}

export interface ExtensionApiSources {
	readonly slot: ServiceSlot;
	readonly statusBar: { state(): StatusBarState };
	readonly notifier: { shown(): readonly string[] };
	readonly lastPostedModel: () => ViewModel | undefined;
	readonly modelsPosted: () => number;
}

export function createExtensionApi(sources: ExtensionApiSources): ExtensionApi {
	const { slot, statusBar, notifier, lastPostedModel, modelsPosted } = sources;
	return {
		get service() {
			return slot.service;
		},
		get home() {
			return slot.home;
		},
		statusBarState: () => statusBar.state(),
		lastPostedModel,
		modelsPosted,
		shownNotifications: () => notifier.shown(),
	};
}
