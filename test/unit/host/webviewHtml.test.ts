import assert from 'node:assert/strict';
import { renderWebviewHtml } from '../../../src/host/webviewHtml.ts';

const options = {
	cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
	nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
	scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.js',
	styleUris: [
		'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/codicon.css',
		'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.css',
	],
	title: 'Achievements',
	initialState: { model: null, resolvedAt: 1, surface: 'sidebar' as const },
};

function cspOf(html: string): string {
	const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
	assert.ok(match, 'a CSP meta tag');
	return match[1];
}

describe('renderWebviewHtml', () => {
	it('sets a strict nonce-based Content-Security-Policy', () => {
		const csp = cspOf(renderWebviewHtml(options));
		assert.equal(csp, [
			"default-src 'none'",
			`img-src ${options.cspSource} data:`,
			`style-src ${options.cspSource}`,
			`font-src ${options.cspSource}`,
			`script-src 'nonce-${options.nonce}'`,
		].join('; '));
		assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:\s|\*/);
	});

	it('loads the one script with the nonce and every style sheet, and has no inline style or script', () => {
		const html = renderWebviewHtml(options);
		const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !m[1].includes('type="application/json"'));
		assert.equal(scripts.length, 1);
		assert.equal(scripts[0][1], ` nonce="${options.nonce}" src="${options.scriptUri}"`);
		assert.equal(scripts[0][2], '', 'no inline code');
		for (const uri of options.styleUris) {
			assert.ok(html.includes(`href="${uri}"`), uri);
		}
		assert.match(html, /<link rel="stylesheet" href="[^"]*codicon\.css" id="vscode-codicon-stylesheet">/);
		assert.doesNotMatch(html, /<style|style=/);
		assert.match(html, /<main id="app"/);
	});

	it('escapes attribute values and the title', () => {
		const html = renderWebviewHtml({
			...options,
			scriptUri: 'x" onload="alert(1)',
			styleUris: ['a"><script>alert(1)</script>'],
			title: '<b>Achievements</b>',
		});
		assert.ok(html.includes('src="x&quot; onload=&quot;alert(1)"'));
		assert.ok(html.includes('href="a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
		assert.ok(html.includes('<title>&lt;b&gt;Achievements&lt;/b&gt;</title>'));
		assert.equal([...html.matchAll(/<script/g)].length, 2, 'the data block and the one nonce script');
	});

	it('embeds the initial state as an inert JSON block that text from the history cannot close', () => {
		const hostile = '</script><script>alert(1)</script>\u2028&';
		const html = renderWebviewHtml({ ...options, initialState: { model: null, resolvedAt: 42, note: hostile } as never });
		const block = /<script type="application\/json" id="initial-state">([\s\S]*?)<\/script>/.exec(html);
		assert.ok(block, 'the data block');
		assert.doesNotMatch(block[1], /<|>|&/);
		assert.deepEqual(JSON.parse(block[1]), { model: null, resolvedAt: 42, note: hostile });
		assert.equal([...html.matchAll(/<script/g)].length, 2, 'the data block and the one nonce script');
	});

	it('shows a skeleton before the script runs, so the view is never blank', () => {
		const html = renderWebviewHtml(options);
		assert.match(html, /<main id="app" aria-busy="true">\s*<div class="skeleton"/);
		assert.match(html, /Loading achievements…/);
	});
});
