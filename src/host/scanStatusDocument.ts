import * as vscode from 'vscode';
import { showAsMarkdown } from './markdownDocument.ts';
import { scanStatusReport } from './scanStatusReport.ts';
import type { ServiceSlot } from './serviceSlot.ts';

export const statusScheme = 'hermes-achievements';

/** The Show Scan Status document: read-only Markdown, regenerated each time it is shown. */
export class ScanStatusDocument implements vscode.TextDocumentContentProvider, vscode.Disposable {
	readonly uri = vscode.Uri.from({ scheme: statusScheme, path: '/Scan Status.md' });
	private readonly changed = new vscode.EventEmitter<vscode.Uri>();
	readonly onDidChange = this.changed.event;
	private readonly slot: ServiceSlot;
	private readonly isDemo: () => boolean;

	constructor(slot: ServiceSlot, isDemo: () => boolean = () => false) {
		this.slot = slot;
		this.isDemo = isDemo;
	}

	provideTextDocumentContent(): string {
		const { service } = this.slot;
		return scanStatusReport(service.current(), service.status(), Date.now(), this.isDemo());
	}

	async show(): Promise<vscode.TextEditor> {
		// An already open copy would keep its old text without this.
		this.changed.fire(this.uri);
		return showAsMarkdown(this.uri);
	}

	dispose(): void {
		this.changed.dispose();
	}
}
