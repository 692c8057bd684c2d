// The whole extension in a real VS Code: the packaged .vsix installed into code-server, driven through
// headless Chromium like a user would, against a generated Hermes history that the test then changes
// (a new session, a broken database) while VS Code runs. The steps run in order, each waiting for its own state.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { appendMessages, appendSession, generateHistory } from '../../src/core/demo/historyGenerator.ts';
import type { Snapshot } from '../../src/core/model.ts';
import { pluginPaths } from '../../src/core/store/pluginPaths.ts';
import { HistoryEditor } from '../support/historyEdits.ts';
import { waitFor } from '../support/waitFor.ts';
import type { RunDirs } from '../../scripts/e2e/runDirs.ts';
import { projectRoot } from '../../scripts/e2e/tools.ts';
import { axeViolations } from './support/axe.ts';
import { scanWithCli, score } from './support/fixtureHome.ts';
import { screenshotFolder } from './support/screenshotFolder.ts';
import { Measures } from './support/measures.ts';
import { installProbes, readProbes } from './support/viewProbes.ts';
import {
	domText, pickColorTheme, readableText, resizeSideBar, runFromPalette, statusItem, webviewContent, webviewFrame,
} from './support/workbench.ts';
import { openWorkbench } from './support/workbenchSession.ts';
import type { WorkbenchSession } from './support/workbenchSession.ts';

const screenshotsDir = screenshotFolder(projectRoot);
const darkTheme = 'Default Dark Modern';

describe('Hermes Achievements end to end (code-server + Chromium)', function () {
	let session: WorkbenchSession | undefined;
	let dirs: RunDirs | undefined;
	let page: Page;
	let home: string;
	let expected: Snapshot;
	const measures = new Measures('ui');

	/** A picture for docs/screenshots of one part of the workbench. */
	async function docShot(name: string, clip: { x: number; y: number; width: number; height: number }): Promise<void> {
		assert.ok(dirs);
		const path = join(dirs.artifacts, name);
		await page.screenshot({ path, clip });
		mkdirSync(screenshotsDir, { recursive: true });
		copyFileSync(path, join(screenshotsDir, name));
	}

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
		session = await openWorkbench('ui', (runDirs) => {
			home = join(runDirs.root, 'hermes');
			generateHistory({ home, sessions: 60, seed: 7 });
			expected = scanWithCli(home);
			writeFileSync(join(runDirs.artifacts, 'expected-initial.json'), JSON.stringify(expected, null, '\t'));
			return { home, settings: settings(darkTheme) };
		});
		({ dirs, page } = session);
	});

	afterEach(async function () {
		await session?.captureFailure(this.currentTest);
	});

	after(async function () {
		this.timeout(60_000);
		await session?.close();
	});

	it('shows the score in the status bar', async function () {
		const item = statusItem(page);
		await item.filter({ hasText: score(expected) }).waitFor({ state: 'visible', timeout: 90_000 });
		// A background refresh may still spin; the settled item has no sync or warning icon.
		await item.filter({ hasNot: page.locator('.codicon-sync, .codicon-warning') }).waitFor({ timeout: 60_000 });
		assert.match(await readableText(item), new RegExp(`^${score(expected)}$`));
		assert.deepEqual(await iconsWithoutGlyph(item.locator('.codicon')), [], 'status bar icons that VS Code cannot draw');
	});

	it('opens the Hermes Achievements view with the cached score painted at once, and the expected cards', async function () {
		await page.locator('#workbench\\.parts\\.activitybar').getByRole('tab', { name: /Hermes Achievements/ }).click();
		const view = webviewContent(page);
		await view.locator('.score').filter({ hasText: `${expected.unlocked_count} / ${expected.total_count} unlocked` }).waitFor({ timeout: 60_000 });
		const frame = await webviewFrame(page);
		const paint = await frame.evaluate(() => {
			const state = JSON.parse(document.getElementById('initial-state')?.textContent ?? '{}') as { resolvedAt?: number; model?: unknown };
			const mark = performance.getEntriesByName('hermes-achievements:score-painted')[0];
			const scriptStart = performance.getEntriesByName('hermes-achievements:script-start')[0];
			const firstContent = performance.getEntriesByName('first-contentful-paint')[0];
			return {
				resolvedAt: state.resolvedAt ?? NaN,
				embeddedModel: state.model !== null && state.model !== undefined,
				scorePaintedAt: mark ? performance.timeOrigin + mark.startTime : NaN,
				scriptStartAt: scriptStart ? performance.timeOrigin + scriptStart.startTime : NaN,
				firstContentAt: firstContent ? performance.timeOrigin + firstContent.startTime : NaN,
				documentStart: performance.timeOrigin,
			};
		});
		const resolveToScore = paint.scorePaintedAt - paint.resolvedAt;
		const scriptToScore = paint.scorePaintedAt - paint.scriptStartAt;
		measures.record('first paint', {
			'view resolving (host) -> webview document start (ms)': Math.round(paint.documentStart - paint.resolvedAt),
			'webview document start -> first content (ms)': Math.round(paint.firstContentAt - paint.documentStart),
			'webview document start -> cached score painted (ms)': Math.round(paint.scorePaintedAt - paint.documentStart),
			'view script start -> cached score painted (ms)': Math.round(scriptToScore),
			'view resolving (host) -> cached score painted (ms)': Math.round(resolveToScore),
		});
		assert.ok(paint.embeddedModel, 'the HTML carried the cached model');
		// The score needs no message from the host: the view's own work, from its script starting, is under 300 ms.
		// (Before the document starts, VS Code itself builds the webview's frames and service worker.)
		assert.ok(scriptToScore >= 0 && scriptToScore < 300, `the cached score took ${scriptToScore} ms from the view's script starting`);
		assert.ok(Number.isFinite(paint.firstContentAt), 'the view never painted any content');

		assert.equal(await view.locator('li.card').count(), expected.total_count);
		const known = expected.achievements.find((achievement) => achievement.unlocked && !achievement.secret);
		assert.ok(known, 'the fixture has no unlocked achievement');
		const card = view.locator(`li.card[data-id="${known.id}"]`);
		assert.equal(await domText(card.locator('.card-name')), known.name);
		assert.equal(await domText(card.locator('.badge-state')), 'Unlocked');
		assert.equal(await view.locator('li.card.state-unlocked').count(), expected.unlocked_count);
		assert.equal(await view.locator('[data-action="rescan"]').count(), 0, 'the one Rescan action is in the view title bar');
		assert.deepEqual(await iconsWithoutGlyph(view.locator('.codicon')), [], 'view icons the codicon font cannot draw');
	});

	it('takes Tab from the header to the toolbar to the grid (one stop) and out; / jumps to the search', async function () {
		const view = webviewContent(page);
		const frame = await webviewFrame(page);
		await view.locator('.status-line').click();
		const stops: string[] = [];
		for (let step = 0; step < 14; step++) {
			await page.keyboard.press('Tab');
			const stop = await frame.evaluate(() => {
				const active = document.activeElement;
				if (!active || active === document.body) {
					return 'out';
				}
				if (active.matches('li.card')) {
					return 'card';
				}
				const control = active.closest('[data-control], [data-action], [data-roving]');
				return control?.getAttribute('data-control') ?? control?.getAttribute('data-action') ?? active.tagName.toLowerCase();
			});
			stops.push(stop);
			if (stop === 'out' || (stops.includes('card') && stop !== 'card')) {
				break;
			}
		}
		measures.record('Tab stops from the top of the view', stops);
		const searchAt = stops.indexOf('search');
		assert.ok(searchAt >= 0 && searchAt <= 2, `the search is Tab number ${searchAt + 1}: ${stops.join(' → ')}`);
		assert.equal(stops.filter((stop) => stop === 'card').length, 1, `the grid is not one tab stop: ${stops.join(' → ')}`);
		assert.ok(stops.indexOf('card') > stops.indexOf('state-filter'), `the grid comes before the toolbar: ${stops.join(' → ')}`);
		// `/` from a card jumps back to the search.
		await view.locator('li.card').first().focus();
		await page.keyboard.press('/');
		assert.equal(await frame.evaluate(() => document.activeElement?.getAttribute('data-control')), 'search');
		// Enter on the card opens its details; Space closes them again.
		const first = view.locator('li.card').first();
		await first.focus();
		await page.keyboard.press('Enter');
		await first.locator('details.card-criteria[open]').waitFor({ timeout: 5000 });
		await page.keyboard.press(' ');
		await first.locator('details.card-criteria:not([open])').waitFor({ timeout: 5000 });
	});

	it('keeps open details, the search text, scroll position and its card elements through five refreshes; a refresh that changes nothing mutates nothing', async function () {
		this.timeout(240_000);
		const view = webviewContent(page);
		const frame = await webviewFrame(page);
		await view.locator('.status-text', { hasText: /^Updated / }).waitFor({ timeout: 60_000 });
		const search = view.locator('[data-control="search"]');
		await search.click();
		await page.keyboard.type('tool', { delay: 20 });
		await view.locator('.result-count', { hasText: /^Showing / }).waitFor({ timeout: 10_000 });
		const opened = await view.locator('li.card details.card-criteria summary').evaluateAll((summaries) => summaries.slice(0, 3).map((summary) => summary.closest('li')?.getAttribute('data-id') ?? ''));
		assert.equal(opened.length, 3);
		for (const id of opened) {
			await view.locator(`li.card[data-id="${id}"] details.card-criteria summary`).click();
			await view.locator(`li.card[data-id="${id}"] details.card-criteria[open]`).waitFor({ timeout: 5000 });
		}
		await frame.evaluate(() => {
			window.scrollTo(0, 120);
			for (const card of document.querySelectorAll('li.card')) {
				(card as HTMLElement & { e2eSameElement?: boolean }).e2eSameElement = true;
			}
		});
		const scrollBefore = await frame.evaluate(() => window.scrollY);
		const sessionId = new HistoryEditor(home).sessionIds()[0];
		assert.ok(sessionId);
		const rounds: Array<{ kind: string; mutations: number; models: number }> = [];
		for (const kind of ['no change', 'one message', 'no change', 'one message', 'no change'] as const) {
			await installProbes(frame);
			const since = Date.now();
			if (kind === 'no change') {
				// What a WAL checkpoint looks like from outside: the store's time changes, its sessions do not.
				const now = new Date();
				utimesSync(join(home, 'state.db'), now, now);
			} else {
				appendMessages(home, sessionId, [{ role: 'user', content: `One more question (${rounds.length}).` }]);
			}
			await waitFor(`the ${kind} refresh to finish`, () => (lastScanFinishedAt(home) > since ? true : undefined), 30_000, () => lastScanFinishedAt(home));
			if (kind === 'one message') {
				await view.locator('.status-text', { hasText: /1 new or changed session read/ }).waitFor({ timeout: 30_000 });
			}
			// Absence has no event: give a post the time it would take (throttle 0.3 s, quiet-refresh recheck 1 s).
			await page.waitForTimeout(1500);
			const records = await readProbes(frame);
			rounds.push({ kind, mutations: records.mutations.length, models: records.models.length });
			if (kind === 'no change') {
				assert.deepEqual(records.mutations, [], 'a refresh that changed nothing mutated the view');
				assert.equal(records.models.length, 0, 'a refresh that changed nothing posted a model');
			} else {
				assert.ok(records.models.length >= 1, 'a refresh that read a session posted no model');
			}
		}
		measures.record('five refreshes: mutations and model posts per refresh', rounds);
		for (const id of opened) {
			assert.equal(await view.locator(`li.card[data-id="${id}"] details.card-criteria`).evaluate((details) => (details as HTMLDetailsElement).open), true, `${id} closed`);
		}
		assert.equal(await search.evaluate((field) => (field as HTMLElement & { value: string }).value), 'tool');
		assert.equal(await frame.evaluate(() => window.scrollY), scrollBefore, 'the scroll position moved');
		const replaced = await frame.evaluate(() => [...document.querySelectorAll('li.card')]
			.filter((card) => !(card as HTMLElement & { e2eSameElement?: boolean }).e2eSameElement).length);
		assert.equal(replaced, 0, 'cards were rebuilt instead of updated');
		await search.click();
		for (let index = 0; index < 'tool'.length; index++) {
			await page.keyboard.press('Backspace');
		}
		await view.locator('.result-count', { hasText: /^\d+ achievements$/ }).waitFor({ timeout: 10_000 });
		for (const id of opened) {
			await view.locator(`li.card[data-id="${id}"] details.card-criteria summary`).click();
		}
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
		assert.match(await readableText(statusText), /^Updated just now · all \d+ sessions read in /);
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
		await view.locator('.score').filter({ hasText: `${after.unlocked_count} / ${after.total_count} unlocked` }).waitFor({ timeout: 30_000 });
		await view.locator(`li.card[data-id="${target.id}"] .badge-tier`, { hasText: target.next_tier ?? '' }).waitFor({ timeout: 30_000 });
		await statusItem(page).filter({ hasText: score(after) }).waitFor({ timeout: 30_000 });
		await shot('unlock-notification.png');
		const newlyRaised = raisedBetween(expected, after);
		expected = after;

		// "Show" brings the card into the middle of the view, focused and outlined.
		await toast.first().getByRole('button', { name: 'Show' }).click();
		const card = view.locator('li.card.revealed');
		await card.waitFor({ timeout: 15_000 });
		const revealed = await card.getAttribute('data-id') ?? '';
		assert.ok(newlyRaised.includes(revealed), `revealed ${revealed}, not one of ${newlyRaised.join(', ')}`);
		const frame = await webviewFrame(page);
		const place = await frame.evaluate((id) => {
			const element = document.querySelector(`li.card[data-id="${id}"]`) as HTMLElement;
			const rect = element.getBoundingClientRect();
			const room = document.documentElement.scrollHeight - window.innerHeight;
			return {
				focused: document.activeElement === element,
				outline: getComputedStyle(element).outlineStyle,
				top: rect.top, bottom: rect.bottom, height: window.innerHeight,
				middle: (rect.top + rect.bottom) / 2, scrollY: window.scrollY, room,
			};
		}, revealed);
		measures.record('reveal from a notification: card position', place);
		assert.equal(place.focused, true, 'the revealed card has focus');
		assert.notEqual(place.outline, 'none', 'the revealed card has no visible highlight');
		assert.ok(place.top >= 0 && place.bottom <= place.height, 'the revealed card is not wholly in view');
		if (place.scrollY > 0 && place.scrollY < place.room) {
			assert.ok(Math.abs(place.middle - place.height / 2) < place.height / 4, `the card is not in the middle (${place.middle} of ${place.height})`);
		}
	});

	it('fits a 260 px side bar and an editor tab in light, dark and high-contrast themes, with no axe violations (screenshots)', async function () {
		this.timeout(300_000);
		await runFromPalette(page, 'Notifications: Clear All Notifications');
		await resizeSideBar(page, 260);
		await runFromPalette(page, 'Hermes Achievements: Open Achievements in Editor');
		await page.locator('iframe.webview.ready').nth(1).waitFor({ timeout: 30_000 });
		await webviewContent(page, 1).locator('li.card').first().waitFor({ timeout: 30_000 });
		const themes = [
			{ name: 'dark', label: 'Dark Modern', bodyClass: 'vscode-dark' },
			{ name: 'light', label: 'Light Modern', bodyClass: 'vscode-light' },
			{ name: 'high-contrast', label: 'Dark High Contrast', bodyClass: 'vscode-high-contrast' },
		] as const;
		const violations: Record<string, unknown> = {};
		for (const theme of themes) {
			if (theme.name !== 'dark') {
				await pickColorTheme(page, theme.label, theme.bodyClass);
			}
			for (const index of [0, 1]) {
				await webviewContent(page, index).locator(`body.${theme.bodyClass}`).waitFor({ timeout: 30_000 });
				await webviewContent(page, index).locator('.status-text', { hasText: /^Updated / }).waitFor({ timeout: 60_000 });
			}
			for (const index of [0, 1]) {
				await (await webviewFrame(page, index)).evaluate(() => window.scrollTo(0, 0));
			}
			// The toolbar's search and selects are custom elements that render after the theme's style sheet applies.
			await page.waitForTimeout(300);
			const sideBar = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
			const editor = await page.locator('#workbench\\.parts\\.editor').boundingBox();
			assert.ok(sideBar && editor);
			await docShot(`sidebar-${theme.name}.png`, { x: 0, y: 0, width: sideBar.x + sideBar.width, height: sideBar.y + sideBar.height });
			await docShot(`editor-${theme.name}.png`, editor);
			for (const [index, surface] of [[0, 'sidebar'], [1, 'editor']] as const) {
				const found = await axeViolations(await webviewFrame(page, index));
				violations[`${theme.name} ${surface}`] = found.map((v) => v.id);
				assert.deepEqual(found, [], `axe violations in the ${surface} (${theme.name})`);
			}
			const overflow = await (await webviewFrame(page, 0)).evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			assert.ok(overflow <= 0, `the 260 px side bar scrolls sideways by ${overflow} px`);
		}
		measures.record('axe violations per theme and surface', violations);
		await runFromPalette(page, 'View: Close All Editors');
		await page.locator('iframe.webview.ready').nth(1).waitFor({ state: 'detached', timeout: 30_000 });
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


/** When the extension's last scan of `home` finished, from the status file it writes after every scan (0 before any). */
function lastScanFinishedAt(home: string): number {
	try {
		const status = JSON.parse(readFileSync(pluginPaths(home).status, 'utf8')) as { last_finished_at?: unknown };
		return typeof status.last_finished_at === 'number' ? status.last_finished_at : 0;
	} catch {
		return 0; // not written yet
	}
}

/** The achievements that `after` unlocked or raised a tier of, compared with `before`. */
function raisedBetween(before: Snapshot, after: Snapshot): string[] {
	const old = new Map(before.achievements.map((achievement) => [achievement.id, achievement]));
	return after.achievements
		.filter((achievement) => achievement.unlocked && (!old.get(achievement.id)?.unlocked || old.get(achievement.id)?.tier !== achievement.tier))
		.map((achievement) => achievement.id);
}
