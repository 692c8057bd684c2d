import type * as vscode from 'vscode';
import type { ViewModel } from '../shared/protocol.ts';
import type { ServiceSlot } from './serviceSlot.ts';
import type { WebviewActions } from './webviewBinding.ts';

/** What both the sidebar view and the editor panel need to bind a webview. */
export interface WebviewHostDeps {
	readonly extensionUri: vscode.Uri;
	readonly slot: ServiceSlot;
	readonly actions: WebviewActions;
	/** The model of this moment, the same for every webview. */
	readonly currentModel: () => ViewModel;
	readonly onDidPost: (model: ViewModel, how: 'embedded' | 'posted') => void;
}
