// One real VS Code for a test file: the packaged .vsix installed into a fresh code-server, a headless
// Chromium on it, the workbench loaded; and, at the end, the browser log and VS Code's own logs kept
// in the run's artifacts folder before everything else is removed.
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../../scripts/e2e/browser.ts';
import { codeServerEnv, installVsix, startCodeServer } from '../../../scripts/e2e/codeServer.ts';
import type { CodeServer } from '../../../scripts/e2e/codeServer.ts';
import { makeRunDirs, removeRunDirs } from '../../../scripts/e2e/runDirs.ts';
import type { RunDirs } from '../../../scripts/e2e/runDirs.ts';
import { ensureE2eTools, projectRoot } from '../../../scripts/e2e/tools.ts';
import { writeUserSettings } from '../../../scripts/e2e/userSettings.ts';
import { waitForWorkbench } from './workbench.ts';

export const vsix = join(projectRoot, 'dist', 'hermes-achievements.vsix');

export interface WorkbenchSetup {
	/** HERMES_HOME for the extension host. */
	readonly home: string;
	readonly settings: Readonly<Record<string, unknown>>;
}

export interface WorkbenchSession {
	readonly dirs: RunDirs;
	readonly server: CodeServer;
	readonly context: BrowserContext;
	readonly page: Page;
	/** The page's console and errors, written to the artifacts when the session closes. */
	readonly browserLog: string[];
	/** The workbench URL of the run's workspace folder. */
	readonly url: string;
	/** A screenshot of the page in the artifacts when `test` has just failed. */
	captureFailure(test: Mocha.Runnable | undefined): Promise<void>;
	close(): Promise<void>;
}

/**
 * `prepare` makes what the run needs before VS Code starts (a history, the settings); `whileLoading`
 * does slow work of its own while the workbench loads.
 */
export async function openWorkbench(name: string, prepare: (dirs: RunDirs) => WorkbenchSetup, whileLoading?: (dirs: RunDirs) => void): Promise<WorkbenchSession> {
	if (!existsSync(vsix)) {
		throw new Error(`${vsix} is missing: run \`npm run package\` first`);
	}
	const tools = ensureE2eTools();
	const dirs = makeRunDirs(name);
	const { home, settings } = prepare(dirs);
	writeUserSettings(dirs.userData, settings);
	const env = codeServerEnv(tools, dirs, { HERMES_HOME: home });
	installVsix(tools, dirs, vsix, env);
	const server = await startCodeServer(tools, dirs, { env, folder: dirs.workspace });
	const context = await launchBrowser(tools, dirs);
	const page = context.pages()[0] ?? await context.newPage();
	const browserLog: string[] = [];
	page.on('console', (message) => browserLog.push(`[${message.type()}] ${message.text()}`));
	page.on('pageerror', (error) => browserLog.push(`[pageerror] ${error.message}`));
	const url = `${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`;
	await page.goto(url, { waitUntil: 'domcontentloaded' });
	whileLoading?.(dirs);
	await waitForWorkbench(page);
	let failures = 0;
	return {
		dirs, server, context, page, browserLog, url,
		async captureFailure(test) {
			if (test?.state !== 'failed') {
				return;
			}
			failures++;
			const path = join(dirs.artifacts, `failure-${failures}-${test.title.slice(0, 40).replace(/\W+/g, '-')}.png`);
			await page.screenshot({ path }).catch(() => undefined);
			console.log(`      screenshot of the failure: ${path}`);
		},
		async close() {
			writeFileSync(join(dirs.artifacts, 'browser-console.log'), browserLog.join('\n'));
			await context.close().catch(() => undefined);
			await server.stop();
			// VS Code's own logs (extension host, file watcher) outlive the run for diagnosis.
			const logs = join(dirs.userData, 'logs');
			if (existsSync(logs)) {
				cpSync(logs, join(dirs.artifacts, 'vscode-logs'), { recursive: true });
			}
			removeRunDirs(dirs);
		},
	};
}
