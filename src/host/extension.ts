import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { createAchievementsService } from '../core/coordinator.ts';
import { resolveHermesHome } from '../core/hermes/home.ts';
import type { ViewModel } from '../shared/protocol.ts';
import { AchievementsPanels } from './achievementsPanel.ts';
import { AchievementsViewProvider } from './achievementsView.ts';
import { createExtensionApi } from './api.ts';
import type { ExtensionApi } from './api.ts';
import { commandIds, contributionIds } from './commandIds.ts';
import { registerCommands } from './commands.ts';
import { configSection, readConfig, serviceInputsChanged } from './config.ts';
import { DemoMode } from './demoMode.ts';
import type { HermesAchievementsConfig } from './config.ts';
import { HomeWatcher } from './homeWatcher.ts';
import { ScanStatusDocument, statusScheme } from './scanStatusDocument.ts';
import type { ActiveService } from './serviceSlot.ts';
import { ServiceSlot } from './serviceSlot.ts';
import { openSessionTranscript, SessionTranscriptProvider, sessionScheme } from './sessionTranscripts.ts';
import { hasBuiltinSqlite } from './sqliteSupport.ts';
import { StatusBar } from './statusBar.ts';
import { UnlockNotifier } from './unlockNotifier.ts';
import { activateUnsupported } from './unsupportedRuntime.ts';
import { ViewModelSource } from './viewModelSource.ts';
import type { WebviewActions } from './webviewBinding.ts';
import { errorMessage } from '../shared/errorMessage.ts';

/**
 * Wires the adapter together and returns at once: no I/O is awaited here. The service paints the
 * persisted snapshot as soon as it is read, then revalidates in its worker.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
	if (!hasBuiltinSqlite()) {
		activateUnsupported(context);
		return undefined;
	}
	let config = currentConfig();
	const demo = new DemoMode(context);
	const slot = new ServiceSlot(startService(context, config, demo));
	let lastPosted: ViewModel | undefined;
	let modelsPosted = 0;
	// Created before any webview binds, so it has seen every scan when the first model is asked for.
	const models = new ViewModelSource(slot, () => demo.active);

	const actions: WebviewActions = {
		rescan: () => void vscode.commands.executeCommand(commandIds.rescan),
		openSession: (sessionId) => void openSessionTranscript(slot.home, sessionId),
		chooseHome: () => void vscode.commands.executeCommand(commandIds.chooseHome),
		openSettings: () => void vscode.commands.executeCommand('workbench.action.openSettings', configSection),
		startDemo: () => void demo.enter().catch((error: unknown) => {
			void vscode.window.showErrorMessage(`Hermes Achievements: ${errorMessage(error)}`);
		}),
		leaveDemo: () => void demo.leave(),
	};
	const webviewDeps = {
		extensionUri: context.extensionUri,
		slot,
		actions,
		currentModel: () => models.current(),
		onDidPost: (model: ViewModel, how: 'embedded' | 'posted') => {
			lastPosted = model;
			if (how === 'posted') {
				modelsPosted += 1;
			}
		},
	};
	const view = new AchievementsViewProvider(webviewDeps);
	const panels = new AchievementsPanels(webviewDeps);
	const statusDocument = new ScanStatusDocument(slot, () => demo.active);
	const statusBar = new StatusBar(slot, () => config.showStatusBar, () => demo.active);
	const notifier = new UnlockNotifier(slot, () => config.notifyOnUnlock, (id) => view.reveal(id));

	const repoint = (): void => {
		// Re-point everything at the new home: the slot disposes the old service, the watcher follows.
		slot.replace(startService(context, config, demo));
		revalidate(slot);
	};
	context.subscriptions.push(
		models,
		demo,
		demo.onDidChange(repoint),
		slot,
		view,
		panels,
		statusDocument,
		statusBar,
		notifier,
		new HomeWatcher(slot),
		vscode.window.registerWebviewViewProvider(contributionIds.gridView, view),
		vscode.window.registerWebviewPanelSerializer(contributionIds.panelType, panels),
		vscode.workspace.registerTextDocumentContentProvider(sessionScheme, new SessionTranscriptProvider()),
		vscode.workspace.registerTextDocumentContentProvider(statusScheme, statusDocument),
		...registerCommands({ slot, view, panels, statusDocument }),
		vscode.workspace.onDidChangeConfiguration((event) => {
			if (!event.affectsConfiguration(configSection)) {
				return;
			}
			const previous = config;
			config = currentConfig();
			if (serviceInputsChanged(previous, config)) {
				// Choosing a home while the demo shows leaves the demo (which re-points everything itself).
				if (demo.active) {
					void demo.leave();
				} else {
					repoint();
				}
			}
			statusBar.render();
		}),
	);

	revalidate(slot);
	return createExtensionApi({ slot, statusBar, lastPostedModel: () => lastPosted, modelsPosted: () => modelsPosted });
}

/**
 * Paints the persisted snapshot as soon as it is read (the service fires a change), then
 * revalidates: the history may have moved while VS Code was closed, and a refresh with nothing
 * changed costs a few file stats.
 */
function revalidate(slot: ServiceSlot): void {
	// A failure shows in the service's status (view, status bar); there is nobody to hand it to here.
	slot.service.refresh().catch(() => undefined);
}

function currentConfig(): HermesAchievementsConfig {
	return readConfig(vscode.workspace.getConfiguration(configSection));
}

function startService(context: vscode.ExtensionContext, config: HermesAchievementsConfig, demo: DemoMode): ActiveService {
	const home = demo.active ? demo.home : resolveHome(config);
	const service = createAchievementsService({
		home,
		ttlMs: config.ttlSeconds * 1000,
		workerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'scanWorker.js').fsPath,
		// 0 is the setting's "automatic": every core but one, left to the editor.
		scanWorkers: config.scanWorkers || undefined,
	});
	return { service, home };
}

function resolveHome(config: HermesAchievementsConfig): string {
	const options = {
		configuredHome: config.hermesHome,
		profile: config.profile,
		env: process.env,
		platform: process.platform,
		userHome: homedir(),
	};
	try {
		return resolveHermesHome(options).home;
	} catch (error) {
		// A mistyped profile name must not stop the extension: use the root home and say why.
		const reason = errorMessage(error);
		void vscode.window.showWarningMessage(`Hermes Achievements: ${reason} Using the root Hermes home instead.`);
		return resolveHermesHome({ ...options, profile: '' }).home;
	}
}
