import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/exportSnapshot.ts';
import { errorMessage } from '../shared/errorMessage.ts';
import { showAsMarkdown } from './markdownDocument.ts';

export const sessionScheme = 'hermes-session';

/**
 * Read-only Markdown transcripts behind `hermes-session:/<id>.md?home=<home>`. The home travels in the URI
 * so an open transcript stays right after the settings point at another home.
 */
export class SessionTranscriptProvider implements vscode.TextDocumentContentProvider {
	async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
		const sessionId = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
		const home = new URLSearchParams(uri.query).get('home') ?? '';
		try {
			// Loaded on first use: the history reader pulls in node:sqlite, and the bundle must load (and explain
			// itself) even on a VS Code whose runtime lacks it.
			const { readTranscript } = await import('../core/hermes/history.ts');
			return readTranscript(home, sessionId);
		} catch (error) {
			return `# Session ${escapeMarkdown(sessionId)}\n\nThe transcript could not be read: ${escapeMarkdown(errorMessage(error))}\n`;
		}
	}
}

export function sessionUri(home: string, sessionId: string): vscode.Uri {
	return vscode.Uri.from({
		scheme: sessionScheme,
		path: `/${encodeURIComponent(sessionId)}.md`,
		query: new URLSearchParams({ home }).toString(),
	});
}

/** Opens a session's transcript as a read-only Markdown editor. */
export async function openSessionTranscript(home: string, sessionId: string): Promise<void> {
	await showAsMarkdown(sessionUri(home, sessionId));
}
