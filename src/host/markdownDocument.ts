import * as vscode from 'vscode';

/**
 * Opens a virtual document as read-only Markdown in a preview editor. Our documents' paths end in `.md`,
 * but the language is set explicitly because a user's `files.associations` may map `.md` elsewhere.
 */
export async function showAsMarkdown(uri: vscode.Uri): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument(uri);
	const markdown = document.languageId === 'markdown' ? document : await vscode.languages.setTextDocumentLanguage(document, 'markdown');
	return vscode.window.showTextDocument(markdown, { preview: true });
}
