// Bundles the five programs of the extension with esbuild: the extension host adapter, the scan
// worker, the demo-history worker, the webview (browser) and the command line. `--production` minifies, `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { cp, mkdir } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
	bundle: true,
	minify: production,
	sourcemap: !production,
	logLevel: 'warning',
	target: 'es2023',
};

const nodeCommon = { ...common, platform: 'node', format: 'cjs', external: ['vscode'] };

const builds = [
	{ ...nodeCommon, entryPoints: ['src/host/extension.ts'], outfile: 'dist/extension.js' },
	{ ...nodeCommon, entryPoints: ['src/core/scan/scanWorker.ts'], outfile: 'dist/scanWorker.js' },
	{ ...nodeCommon, entryPoints: ['src/core/demo/demoWorker.ts'], outfile: 'dist/demoWorker.js' },
	{ ...nodeCommon, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
	{ ...common, platform: 'browser', format: 'iife', entryPoints: ['webview/main.ts'], outfile: 'dist/webview/main.js' },
	{ ...common, platform: 'browser', entryPoints: ['webview/main.css'], outfile: 'dist/webview/main.css' },
];

await mkdir('dist/webview', { recursive: true });
// The codicon font is loaded by the webview from its own resource root (font-src cspSource).
await cp('node_modules/@vscode/codicons/dist/codicon.css', 'dist/webview/codicon.css');
await cp('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/webview/codicon.ttf');

/**
 * In watch mode the five builds are framed as one: "[watch] build started" when the first of them
 * starts, "[watch] build finished" when the last one is done, with errors printed as `file:line:column:`
 * in between, so the background task of .vscode/tasks.json knows when dist/ is complete and what failed.
 */
let building = 0;
const watchReport = {
	name: 'watch-report',
	setup(build) {
		build.onStart(() => {
			if (building++ === 0) {
				console.log('[watch] build started');
			}
		});
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}\n    ${location?.file}:${location?.line}:${location?.column}:`);
			}
			if (--building === 0) {
				console.log('[watch] build finished');
			}
		});
	},
};

if (watch) {
	for (const options of builds) {
		const context = await esbuild.context({ ...options, plugins: [watchReport] });
		await context.watch();
	}
} else {
	await Promise.all(builds.map((options) => esbuild.build(options)));
}
