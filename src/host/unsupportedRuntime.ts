import * as vscode from 'vscode';
import { commandIds, contributionIds } from './commandIds.ts';
import { sqliteMissingMessage } from './sqliteSupport.ts';

/** Without node:sqlite nothing can be read: say so once, and have every command say it again instead of failing. */
export function activateUnsupported(context: vscode.ExtensionContext): void {
	const explain = (): void => void vscode.window.showErrorMessage(sqliteMissingMessage);
	for (const id of Object.values(commandIds)) {
		context.subscriptions.push(vscode.commands.registerCommand(id, explain));
	}
	context.subscriptions.push(vscode.window.registerWebviewViewProvider(contributionIds.gridView, unsupportedViewProvider()));
	explain();
}

/** The sidebar view would otherwise spin forever; it shows the same sentence, with no script at all. */
export function unsupportedViewProvider(): vscode.WebviewViewProvider {
	return {
		resolveWebviewView(view) {
			view.webview.options = { enableScripts: false, localResourceRoots: [] };
			view.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">` +
				`<meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>` +
				`<body><p>${sqliteMissingMessage.replace(/'/g, '&#39;')}.</p></body></html>`;
		},
	};
}
