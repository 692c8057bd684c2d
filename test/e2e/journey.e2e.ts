// "When you earned it" in a real VS Code: the packaged .vsix in code-server, driven through headless
// Chromium. The Journey timeline opened from the command palette, its details on hover and keyboard
// focus, the earned evidence on a card (which opens the transcript), and the share card exported as a
// PNG (decoded here, 1200x630) and an SVG, in the dark and the light theme.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { generateHistory } from '../../src/core/demo/historyGenerator.ts';
import type { Snapshot } from '../../src/core/model.ts';
import type { RunDirs } from '../../scripts/e2e/runDirs.ts';
import { projectRoot } from '../../scripts/e2e/tools.ts';
import { waitFor } from '../support/waitFor.ts';
import { scanWithCli, score } from './support/fixtureHome.ts';
import { domText, pickColorTheme, readableText, runFromPalette, statusItem, webviewContent } from './support/workbench.ts';
import { screenshotFolder } from './support/screenshotFolder.ts';
import { openWorkbench } from './support/workbenchSession.ts';
import type { WorkbenchSession } from './support/workbenchSession.ts';

const screenshotsDir = screenshotFolder(projectRoot);
const day = 86_400;

describe('Journey timeline and share card end to end (code-server + Chromium)', function () {
	let session: WorkbenchSession | undefined;
	let dirs: RunDirs | undefined;
	let page: Page;
	let home: string;
	let expected: Snapshot;

	async function shot(name: string, forDocs: boolean): Promise<void> {
		assert.ok(dirs);
		const path = join(dirs.artifacts, name);
		await page.screenshot({ path });
		if (forDocs) {
			mkdirSync(screenshotsDir, { recursive: true });
			copyFileSync(path, join(screenshotsDir, name));
		}
	}

	before(async function () {
		this.timeout(600_000);
		session = await openWorkbench('journey', (runDirs) => {
			home = join(runDirs.root, 'hermes');
			const now = Math.floor(Date.now() / 1000);
			generateHistory({ home, sessions: 60, seed: 7, now, minMessages: 40, maxMessages: 220 });
			spreadOverMonths(join(home, 'state.db'));
			expected = scanWithCli(home);
			writeFileSync(join(runDirs.artifacts, 'expected.json'), JSON.stringify(expected, null, '\t'));
			return { home, settings: { 'workbench.colorTheme': 'Default Dark Modern', 'hermesAchievements.notifyOnUnlock': false } };
		});
		({ dirs, page } = session);
		// The extension is up (and its commands are in the palette) once its score shows in the status bar.
		await statusItem(page).filter({ hasText: score(expected) }).waitFor({ state: 'visible', timeout: 120_000 });
	});

	afterEach(async function () {
		await session?.captureFailure(this.currentTest);
	});

	after(async function () {
		this.timeout(60_000);
		await session?.close();
	});

	it('"Show Achievements Timeline" opens the editor tab on the Journey: a marker per tier unlock and a year of days', async function () {
		this.timeout(180_000);
		await runFromPalette(page, 'Hermes Achievements: Show Achievements Timeline');
		const view = webviewContent(page);
		const dated = expected.achievements.flatMap((a) => a.tier_history).filter((t) => t.earned_at !== null);
		assert.ok(dated.length >= 10, `the fixture earned only ${dated.length} tiers`);
		const markers = view.locator('.journey .score-chart .marker');
		await waitFor(`${dated.length} markers on the score chart`, async () => (await markers.count()) === dated.length || undefined, 90_000);
		for (const tier of new Set(dated.map((t) => t.tier))) {
			const count = dated.filter((t) => t.tier === tier).length;
			assert.equal(await view.locator(`.journey .marker.${tier === null ? 'tier-none' : `tier-${tier.toLowerCase()}`}`).count(), count, `${tier} markers`);
		}
		const busyDays = Object.keys(expected.activity.sessions_per_day).length;
		assert.ok(busyDays > 20, `only ${busyDays} days with sessions`);
		const activeCells = await view.locator('.journey .heatmap .day:not(.level-0)').count();
		assert.equal(activeCells, busyDays, 'days with sessions in the heatmap');
		await view.locator('#journey-heading:focus').waitFor({ timeout: 15_000 });
		// The marker colours are the theme's tier colours, not a fixed palette.
		const fills = await markers.evaluateAll((elements) => [...new Set(elements.map((element) => getComputedStyle(element).fill))]);
		assert.ok(fills.length >= 2 && fills.every((fill) => fill !== 'none' && fill !== 'rgb(0, 0, 0)'), JSON.stringify(fills));
	});

	it('shows an unlock\'s details on hover and on keyboard focus, and moves between unlocks with the arrow keys', async function () {
		this.timeout(60_000);
		const view = webviewContent(page);
		const markers = view.locator('.journey .score-chart .marker');
		const tip = view.locator('.journey .journey-tip');
		await markers.nth(3).hover();
		await tip.waitFor({ state: 'visible', timeout: 10_000 });
		assert.equal(await domText(tip), await markers.nth(3).getAttribute('data-tip'));
		await markers.first().focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		const focusedTip = await view.locator('.journey .marker:focus').getAttribute('data-tip');
		assert.equal(focusedTip, await markers.nth(2).getAttribute('data-tip'));
		assert.equal(await domText(tip), focusedTip);
		assert.match(focusedTip ?? '', / on [A-Z][a-z]{2} \d{1,2}, \d{4}, in ".*"\. Score \d+\.$/);
		await view.locator('.journey .score-chart').scrollIntoViewIfNeeded();
		await shot('journey-dark.png', true);
		const heatmap = view.locator('.journey .heatmap');
		await heatmap.scrollIntoViewIfNeeded();
		await view.locator('.journey .heatmap .day:not(.level-0)').last().hover();
		await tip.waitFor({ state: 'visible', timeout: 10_000 });
		assert.match(await domText(tip), /^[A-Z][a-z]{2} \d{1,2}, \d{4}: \d+ sessions?$/);
		await shot('journey-heatmap-dark.png', true);
	});

	it('says on a card when and in which session it was earned, and opens that transcript', async function () {
		this.timeout(60_000);
		const view = webviewContent(page);
		const climber = expected.achievements.find((a) => a.tier_history.length >= 2 && a.earned_session_title);
		assert.ok(climber, 'no achievement climbed two tiers');
		const card = view.locator(`li.card[data-id="${climber.id}"]`);
		await card.scrollIntoViewIfNeeded();
		const line = await readableText(card.locator('.earned-line'));
		const date = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(climber.earned_at! * 1000));
		assert.ok(line.startsWith(`Earned ${date} in`), line);
		assert.ok(line.includes(climber.earned_session_title!.trim().slice(0, 20)), line);
		await card.locator('.tier-history summary').click();
		assert.equal(await card.locator('.tier-history-step').count(), climber.tier_history.length);
		await card.scrollIntoViewIfNeeded();
		await shot('earned-evidence-dark.png', true);
		await card.locator('.earned-link').click();
		const tab = page.locator('.tabs-container .tab', { hasText: `${climber.earned_session_id}.md` });
		await tab.waitFor({ timeout: 30_000 });
		await runFromPalette(page, 'View: Close Editor');
	});

	it('"Export Achievements Card" writes a 1200x630 PNG that decodes and an SVG without personal paths (dark and light)', async function () {
		this.timeout(180_000);
		assert.ok(dirs);
		for (const theme of ['dark', 'light'] as const) {
			if (theme === 'light') {
				await pickColorTheme(page, 'Light Modern', 'vscode-light');
				await webviewContent(page).locator('body.vscode-light').waitFor({ timeout: 30_000 });
			}
			const target = join(dirs.workspace, `card-${theme}.png`);
			await runFromPalette(page, 'Hermes Achievements: Export Achievements Card', true);
			// VS Code's own save dialog (the simple one, in the browser): replace the suggested path, then accept.
			const input = page.locator('.quick-input-widget input');
			await input.waitFor({ state: 'visible', timeout: 15_000 });
			// The dialog fills in its suggestion once it has listed the folder; typing before that gets mixed into it.
			await waitFor('the suggested file name', async () => (/hermes-achievements-card\.png$/.test(await input.inputValue()) || undefined), 15_000);
			await input.fill(target);
			await waitFor('the typed path to stay', async () => ((await input.inputValue()) === target || undefined), 5_000);
			await page.keyboard.press('Enter');
			const png = await waitFor(`${target} to be written`, async () => (existsSync(target) && existsSync(target.replace(/\.png$/, '.svg')) ? readFileSync(target) : undefined), 60_000);
			const decoded = decodePng(png);
			assert.deepEqual({ width: decoded.width, height: decoded.height }, { width: 1200, height: 630 });
			assert.ok(decoded.distinctColours > 8, `the card has only ${decoded.distinctColours} colours`);
			const svg = readFileSync(target.replace(/\.png$/, '.svg'), 'utf8');
			assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630"/);
			assert.ok(svg.includes(`/ ${expected.total_count} unlocked`), 'the score is not on the SVG');
			assert.ok(!svg.includes(home) && !svg.includes(dirs.root), 'a path is on the card');
			copyFileSync(target, join(dirs.artifacts, `share-card-${theme}.png`));
			mkdirSync(screenshotsDir, { recursive: true });
			copyFileSync(target, join(screenshotsDir, `share-card-${theme}.png`));
		}
		// The committed picture shows the settled tab: no progress toast, and the status-bar message (5 s) gone.
		await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: 30_000 }).catch(() => undefined);
		await webviewContent(page).locator('#journey-heading').scrollIntoViewIfNeeded();
		await page.waitForTimeout(5500);
		await shot('journey-light.png', true);
	});
});

/**
 * The generator puts 60 sessions into one month; the heatmap is about a year. Moving each session back
 * by whole weeks (a fixed step per row) spreads the same sessions over ten months, keeping weekdays.
 */
function spreadOverMonths(database: string): void {
	const db = new DatabaseSync(database);
	try {
		db.exec(`UPDATE sessions SET started_at = started_at - (rowid % 10) * 4 * 7 * ${day}`);
		db.exec(`UPDATE messages SET timestamp = timestamp - ((SELECT rowid FROM sessions s WHERE s.id = messages.session_id) % 10) * 4 * 7 * ${day}`);
	} finally {
		db.close();
	}
}

/** A PNG decoded far enough to prove it is whole: chunks, inflated pixel rows, and how many colours they hold. */
function decodePng(bytes: Buffer): { width: number; height: number; distinctColours: number } {
	assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'not a PNG');
	let offset = 8;
	let width = 0;
	let height = 0;
	let colourType = -1;
	const data: Buffer[] = [];
	while (offset < bytes.length) {
		const length = bytes.readUInt32BE(offset);
		const type = bytes.toString('latin1', offset + 4, offset + 8);
		const body = bytes.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			assert.equal(body[8], 8, 'bit depth');
			colourType = body[9]!;
		} else if (type === 'IDAT') {
			data.push(body);
		}
		offset += 12 + length;
		if (type === 'IEND') {
			break;
		}
	}
	const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
	assert.ok(channels > 0, `unexpected colour type ${colourType}`);
	const pixels = inflateSync(Buffer.concat(data));
	assert.equal(pixels.length, height * (1 + width * channels), 'the pixel data does not fill the image');
	// Sample the raw bytes of every 16th row (filters aside, distinct byte runs show there is a picture).
	const colours = new Set<string>();
	for (let row = 0; row < height; row += 16) {
		const start = row * (1 + width * channels) + 1;
		for (let x = 0; x < width; x += 8) {
			colours.add(pixels.subarray(start + x * channels, start + x * channels + channels).toString('hex'));
		}
	}
	return { width, height, distinctColours: colours.size };
}
