// The whole extension in a real VS Code: the packaged .vsix installed into code-server, driven through
// headless Chromium like a user would, against a generated Hermes history that the test then changes
// (a new session, a broken database) while VS Code runs. The steps run in order, each waiting for its own state.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { appendSession, generateHistory } from '../../src/core/demo/historyGenerator.ts';
import type { Snapshot } from '../../src/core/model.ts';
import { launchBrowser } from '../../scripts/e2e/browser.ts';
import { codeServerEnv, installVsix, startCodeServer } from '../../scripts/e2e/codeServer.ts';
import { waitFor } from '../support/waitFor.ts';
import type { CodeServer } from '../../scripts/e2e/codeServer.ts';
import { makeRunDirs, removeRunDirs } from '../../scripts/e2e/runDirs.ts';
import type { RunDirs } from '../../scripts/e2e/runDirs.ts';
import { ensureE2eTools, projectRoot } from '../../scripts/e2e/tools.ts';
import { writeUserSettings } from '../../scripts/e2e/userSettings.ts';
import { scanWithCli, score } from './support/fixtureHome.ts';
import { screenshotFolder } from './support/screenshotFolder.ts';
import { domText, pickColorTheme, readableText, runFromPalette, statusItem, waitForWorkbench, webviewContent } from './support/workbench.ts';

const vsix = join(projectRoot, 'dist', 'hermes-achievements.vsix');
const screenshotsDir = screenshotFolder(projectRoot);
const darkTheme = 'Default Dark Modern';

describe('Hermes Achievements end to end (code-server + Chromium)', function () {
	let dirs: RunDirs | undefined;
	let server: CodeServer | undefined;
	let context: BrowserContext | undefined;
	let page: Page;
	let home: string;
	let expected: Snapshot;
	let failureShots = 0;
	const browserLog: string[] = [];

	async function shot(name: string, alsoForDocs = false): Promise<void> {
		assert.ok(dirs);
		const path = join(dirs.artifacts, name);
		await page.screenshot({ path });
		if (alsoForDocs) {
			mkdirSync(screenshotsDir, { recursive: true });
			// The committed pictures show a settled view, not a passing background refresh.
			const views = await page.locator('iframe.webview.ready').count();
			for (let index = 0; index < views; index++) {
				await webviewContent(page, index).locator('.status-text', { hasText: /^Updated / }).waitFor({ timeout: 60_000 });
			}
			await page.screenshot({ path });
			copyFileSync(path, join(screenshotsDir, name));
		}
	}

	function settings(theme: string): Record<string, unknown> {
		return { 'workbench.colorTheme': theme, 'hermesAchievements.notifyOnUnlock': true };
	}

	before(async function () {
		this.timeout(600_000);
		if (!existsSync(vsix)) {
			throw new Error(`${vsix} is missing: run \`npm run package\` first`);
		}
		const tools = ensureE2eTools();
		dirs = makeRunDirs('ui');
		home = join(dirs.root, 'hermes');
		generateHistory({ home, sessions: 60, seed: 7 });
		expected = scanWithCli(home);
		writeFileSync(join(dirs.artifacts, 'expected-initial.json'), JSON.stringify(expected, null, '\t'));
		writeUserSettings(dirs.userData, settings(darkTheme));
		const env = codeServerEnv(tools, dirs, { HERMES_HOME: home });
		installVsix(tools, dirs, vsix, env);
		server = await startCodeServer(tools, dirs, { env, folder: dirs.workspace });
		context = await launchBrowser(tools, dirs);
		page = context.pages()[0] ?? await context.newPage();
		page.on('console', (message) => browserLog.push(`[${message.type()}] ${message.text()}`));
		page.on('pageerror', (error) => browserLog.push(`[pageerror] ${error.message}`));
		await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`, { waitUntil: 'domcontentloaded' });
		await waitForWorkbench(page);
	});

	afterEach(async function () {
		if (this.currentTest?.state === 'failed' && dirs && context) {
			failureShots++;
			const path = join(dirs.artifacts, `failure-${failureShots}.png`);
			await page.screenshot({ path }).catch(() => undefined);
			console.log(`      screenshot of the failure: ${path}`);
		}
	});

	after(async function () {
		this.timeout(60_000);
		if (dirs) {
			writeFileSync(join(dirs.artifacts, 'browser-console.log'), browserLog.join('\n'));
		}
		await context?.close().catch(() => undefined);
		await server?.stop();
		if (dirs) {
			// VS Code's own logs (extension host, file watcher) outlive the run for diagnosis.
			const logs = join(dirs.userData, 'logs');
			if (existsSync(logs)) {
				cpSync(logs, join(dirs.artifacts, 'vscode-logs'), { recursive: true });
			}
			removeRunDirs(dirs);
		}
	});

	it('shows the score in the status bar', async function () {
		const item = statusItem(page);
		await item.filter({ hasText: score(expected) }).waitFor({ state: 'visible', timeout: 90_000 });
		// A background refresh may still spin; the settled item has no sync or warning icon.
		await item.filter({ hasNot: page.locator('.codicon-sync, .codicon-warning') }).waitFor({ timeout: 60_000 });
		assert.match(await readableText(item), new RegExp(`^${score(expected)}$`));
		assert.deepEqual(await iconsWithoutGlyph(item.locator('.codicon')), [], 'status bar icons that VS Code cannot draw');
	});

	it('opens the Hermes Achievements view from the activity bar with the expected counts and cards', async function () {
		await page.locator('#workbench\\.parts\\.activitybar').getByRole('tab', { name: /Hermes Achievements/ }).click();
		const view = webviewContent(page);
		const unlockedStat = view.locator('.stat').filter({ has: view.locator('.stat-label', { hasText: /^Unlocked$/ }) }).locator('.stat-value');
		await unlockedStat.filter({ hasText: `${expected.unlocked_count} / ${expected.total_count}` }).waitFor({ timeout: 60_000 });
		assert.equal(await view.locator('li.card').count(), expected.total_count);
		const known = expected.achievements.find((achievement) => achievement.unlocked && !achievement.secret);
		assert.ok(known, 'the fixture has no unlocked achievement');
		const card = view.locator(`li.card[data-id="${known.id}"]`);
		assert.equal(await domText(card.locator('.card-name')), known.name);
		assert.equal(await domText(card.locator('.badge-state')), 'Unlocked');
		assert.equal(await view.locator('li.card.state-unlocked').count(), expected.unlocked_count);
		assert.deepEqual(await iconsWithoutGlyph(view.locator('.codicon')), [], 'view icons the codicon font cannot draw');
		await shot('sidebar-dark.png', true);
	});

	it('Rescan Achievements from the command palette rebuilds and updates the scan time shown', async function () {
		const view = webviewContent(page);
		const statusText = view.locator('.status-text');
		await statusText.filter({ hasText: /^Updated / }).waitFor({ timeout: 60_000 });
		// Record every status line the view shows; the rebuild may be over in a fraction of a second.
		await statusText.evaluate((element) => {
			const seen: string[] = [element.textContent ?? ''];
			(window as unknown as { statusSeen: string[] }).statusSeen = seen;
			new MutationObserver(() => {
				const text = document.querySelector('.status-text')?.textContent ?? '';
				if (seen[seen.length - 1] !== text) {
					seen.push(text);
				}
			}).observe(document.body, { subtree: true, childList: true, characterData: true });
		});
		await runFromPalette(page, 'Hermes Achievements: Rescan Achievements');
		const seen = await waitFor('the view to show a rebuild and then a fresh scan time', async () => {
			const texts = await statusText.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
			const scanning = texts.findIndex((text) => /Rebuilding|Updating|Reading/.test(text));
			return scanning >= 0 && texts.slice(scanning + 1).some((text) => /^Updated just now/.test(text)) ? texts : undefined;
		}, 60_000);
		assert.ok(seen.length >= 3, JSON.stringify(seen));
		assert.match(await readableText(statusText), /^Updated just now · /);
		await shot('after-rescan.png');
	});

	it('notices a new Hermes session on disk, updates the view and announces the unlock', async function () {
		const target = expected.achievements.find((achievement) => achievement.id === 'toolchain_maxxer');
		assert.ok(target && target.next_tier !== null, 'the fixture has no next tier of Toolchain Maxxer to reach');
		appendSession(home, sessionWithDistinctTools(target.next_threshold));
		const after = scanWithCli(home);
		writeFileSync(join(dirs?.artifacts ?? '', 'expected-after-append.json'), JSON.stringify(after, null, '\t'));
		const reached = after.achievements.find((achievement) => achievement.id === target.id);
		assert.equal(reached?.tier, target.next_tier, 'the appended session does not reach the next tier by the CLI\'s count');

		const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /Achievements? unlocked/ });
		await toast.first().waitFor({ state: 'visible', timeout: 90_000 });
		assert.match(await readableText(toast.first()), new RegExp(`${target.name}|and \\d+ more`));
		const view = webviewContent(page);
		const unlockedStat = view.locator('.stat').filter({ has: view.locator('.stat-label', { hasText: /^Unlocked$/ }) }).locator('.stat-value');
		await unlockedStat.filter({ hasText: `${after.unlocked_count} / ${after.total_count}` }).waitFor({ timeout: 30_000 });
		await view.locator(`li.card[data-id="${target.id}"] .badge-tier`, { hasText: target.next_tier ?? '' }).waitFor({ timeout: 30_000 });
		await statusItem(page).filter({ hasText: score(after) }).waitFor({ timeout: 30_000 });
		await shot('unlock-notification.png');
		expected = after;
	});

	it('opens in an editor tab and follows the theme (screenshots)', async function () {
		await runFromPalette(page, 'Hermes Achievements: Open Achievements in Editor');
		await page.locator('iframe.webview.ready').nth(1).waitFor({ timeout: 30_000 });
		const editorView = webviewContent(page, 1);
		await editorView.locator('li.card').first().waitFor({ timeout: 30_000 });
		await runFromPalette(page, 'Notifications: Clear All Notifications');
		await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: 15_000 });
		await shot('editor-dark.png', true);

		await pickColorTheme(page, 'Light Modern', 'vscode-light');
		await editorView.locator('body.vscode-light').waitFor({ timeout: 30_000 });
		await webviewContent(page, 0).locator('body.vscode-light').waitFor({ timeout: 30_000 });
		await page.waitForTimeout(500);
		await shot('editor-light.png', true);
		await runFromPalette(page, 'View: Close All Editors');
		await page.locator('iframe.webview.ready').nth(1).waitFor({ state: 'detached', timeout: 30_000 });
		await shot('sidebar-light.png', true);
		await pickColorTheme(page, 'Dark Modern', 'vscode-dark');
		await webviewContent(page, 0).locator('body.vscode-dark').waitFor({ timeout: 30_000 });
	});

	it('keeps the last results and shows the error when the database becomes unreadable', async function () {
		const database = join(home, 'state.db');
		for (const sidecar of ['state.db-wal', 'state.db-shm']) {
			rmSync(join(home, sidecar), { force: true });
		}
		// Our own generated store: replaced by bytes SQLite cannot read.
		writeFileSync(database, Buffer.alloc(8192, 0x5a));
		const view = webviewContent(page);
		await view.locator('.status-error, .problem-unreadable').first().waitFor({ timeout: 90_000 });
		assert.match(await readableText(view.locator('.status-error, .problem-unreadable').first()), /fail|read/i);
		assert.equal(await view.locator('li.card').count(), expected.total_count, 'the cards of the last snapshot are gone');
		assert.equal(await view.locator('li.card.state-unlocked').count(), expected.unlocked_count);
		await statusItem(page).locator('.codicon-warning').waitFor({ timeout: 30_000 });
		assert.match(await readableText(statusItem(page)), new RegExp(score(expected)));
		await shot('unreadable-database.png');
	});
});

/** A new session whose one assistant turn calls `count` different tools (each answered). */
function sessionWithDistinctTools(count: number): Parameters<typeof appendSession>[1] {
	const names = Array.from({ length: count }, (_, index) => `e2e_probe_tool_${String(index + 1).padStart(2, '0')}`);
	return {
		id: `e2e_${Date.now()}`,
		title: 'End-to-end: many tools',
		model: null,
		source: 'cli',
		startedAt: Math.floor(Date.now() / 1000),
		messages: [
			{ role: 'user', content: 'Try every tool once.' },
			{ role: 'assistant', content: null, toolCalls: names.map((name) => ({ name, arguments: '{}' })) },
			...names.map((name) => ({ role: 'tool', content: 'ok', toolName: name })),
			{ role: 'assistant', content: 'Done.' },
		],
	};
}

/** The classes of codicons whose font has no glyph for them (they render as nothing). */
async function iconsWithoutGlyph(icons: Locator): Promise<string[]> {
	const found = await icons.evaluateAll((elements) => elements
		.filter((element) => ['none', 'normal', '""'].includes(getComputedStyle(element, '::before').content))
		.map((element) => element.className));
	return [...new Set(found)];
}

