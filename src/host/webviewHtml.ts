import { initialStateElementId } from '../shared/protocol.ts';
import type { InitialViewState } from '../shared/protocol.ts';

export interface WebviewHtmlOptions {
	/** `webview.cspSource`: the only origin styles, fonts and images may come from. */
	readonly cspSource: string;
	/** A fresh random value per render; the only script allowed to run carries it. */
	readonly nonce: string;
	readonly scriptUri: string;
	readonly styleUris: readonly string[];
	readonly title: string;
	/** The model to paint before any message arrives (null: a skeleton until the first one). */
	readonly initialState: InitialViewState;
}

/**
 * The webview's whole document. It carries the current model as a JSON data block (not a script:
 * it is never executed, so the policy needs nothing for it), which the script paints at once,
 * and a static skeleton, so the panel is never blank even before the script has run. The policy allows no inline code or style at all; the view sets dynamic widths through the
 * CSSOM, and @vscode-elements styles its shadow roots with constructed (adopted) style sheets,
 * which a style-src without 'unsafe-inline' does not block.
 */
export function renderWebviewHtml(options: WebviewHtmlOptions): string {
	const { cspSource, nonce } = options;
	const csp = [
		`default-src 'none'`,
		`img-src ${cspSource} data:`,
		`style-src ${cspSource}`,
		`font-src ${cspSource}`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
	// vscode-elements looks up the codicon style sheet by this id to use it inside its shadow roots.
	const styles = options.styleUris.map((uri) => {
		const id = /codicon\.css(?:[?#]|$)/.test(uri) ? ' id="vscode-codicon-stylesheet"' : '';
		return `\t<link rel="stylesheet" href="${escapeAttribute(uri)}"${id}>`;
	});
	return [
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head>',
		'\t<meta charset="UTF-8">',
		`\t<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">`,
		'\t<meta name="viewport" content="width=device-width, initial-scale=1.0">',
		...styles,
		`\t<title>${escapeText(options.title)}</title>`,
		'</head>',
		'<body>',
		'\t<main id="app" aria-busy="true">',
		'\t\t<div class="skeleton" aria-hidden="true"><div class="skeleton-line"></div><div class="skeleton-line short"></div><div class="skeleton-card"></div><div class="skeleton-card"></div></div>',
		'\t\t<p class="loading">Loading achievements…</p>',
		'\t</main>',
		`\t<script type="application/json" id="${initialStateElementId}">${jsonForScriptBlock(options.initialState)}</script>`,
		`\t<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>`,
		'</body>',
		'</html>',
		'',
	].join('\n');
}

/** For values inside double-quoted attributes (every attribute this file writes is one). */
export function escapeAttribute(value: string): string {
	return value.replace(/[&<>"]/g, (ch) => htmlEntities[ch]);
}

/**
 * JSON inside a `<script>` element ends at the first `</script`; escaping `<` (and the two line
 * separators some parsers stop at) keeps any text from the history from closing it early.
 */
export function jsonForScriptBlock(value: unknown): string {
	return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeText(value: string): string {
	return value.replace(/[&<>]/g, (ch) => htmlEntities[ch]);
}

const htmlEntities: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
};
