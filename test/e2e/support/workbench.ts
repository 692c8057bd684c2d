// Playwright helpers for the VS Code web workbench served by code-server.
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';

export const statusItemDomId = 'hermes-achievements.hermes-achievements.hermesAchievements.status';

export function statusItem(page: Page): Locator {
	return page.locator(`[id="${statusItemDomId}"]`);
}

/** The n-th webview's content document (outer iframe, then VS Code's inner `active-frame`). */
export function webviewContent(page: Page, index = 0): FrameLocator {
	return page.locator('iframe.webview.ready').nth(index).contentFrame().locator('iframe#active-frame').contentFrame();
}

export async function waitForWorkbench(page: Page): Promise<void> {
	await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
	await page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout: 120_000 });
}

/** Runs a command by its full palette label ("Category: Title"), the way a user does: F1, type, pick. */
export async function runFromPalette(page: Page, title: string, opensAnotherPicker = false): Promise<void> {
	// The page needs keyboard focus: click an inert spot of the status bar first.
	await page.locator('#workbench\\.parts\\.statusbar').click({ position: { x: 700, y: 10 } });
	const quickInput = page.locator('.quick-input-widget');
	await page.keyboard.press('F1');
	await quickInput.waitFor({ state: 'visible', timeout: 15_000 });
	await page.keyboard.type(title, { delay: 15 });
	// Similar commands can rank first ("Browse Color Themes…"): pick the row whose label is exactly the title.
	const exactLabel = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
	const row = quickInput.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactLabel }) }).first();
	await row.waitFor({ state: 'visible', timeout: 15_000 });
	await row.click();
	if (!opensAnotherPicker) {
		await quickInput.waitFor({ state: 'hidden', timeout: 15_000 });
	}
}

/**
 * Picks a color theme through "Preferences: Color Theme", as a user switches themes. `label` is what the
 * picker shows ("Light Modern"; the setting calls it "Default Light Modern").
 */
export async function pickColorTheme(page: Page, label: string, bodyClass: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast'): Promise<void> {
	await runFromPalette(page, 'Preferences: Color Theme', true);
	const quickInput = page.locator('.quick-input-widget');
	await quickInput.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 15_000 });
	await page.keyboard.type(label, { delay: 15 });
	await quickInput.locator('.monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible', timeout: 15_000 });
	await page.keyboard.press('Enter');
	await quickInput.waitFor({ state: 'hidden', timeout: 15_000 });
	const workbenchClass = { 'vscode-light': 'vs', 'vscode-dark': 'vs-dark', 'vscode-high-contrast': 'hc-black' }[bodyClass];
	await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 30_000 });
}

/** Text as a person reads it in the DOM (whitespace collapsed; CSS text-transform not applied). */
export async function domText(locator: Locator): Promise<string> {
	return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Text with runs of whitespace collapsed, as a person reads it. */
export async function readableText(locator: Locator): Promise<string> {
	return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** The n-th webview's content document as a Frame, for `evaluate` (CDP evaluation is not bound by the webview's CSP). */
export async function webviewFrame(page: Page, index = 0): Promise<Frame> {
	const outer = await page.locator('iframe.webview.ready').nth(index).elementHandle({ timeout: 30_000 });
	const outerFrame = await outer?.contentFrame();
	const inner = await outerFrame?.locator('iframe#active-frame').elementHandle({ timeout: 30_000 });
	const frame = await inner?.contentFrame();
	if (!frame) {
		throw new Error(`webview ${index} has no content frame`);
	}
	await frame.locator('#app').waitFor({ state: 'attached', timeout: 30_000 });
	return frame;
}

/** Drags the side bar's edge until the side bar is `width` CSS pixels wide. */
export async function resizeSideBar(page: Page, width: number): Promise<void> {
	const sideBar = page.locator('#workbench\\.parts\\.sidebar');
	const box = await sideBar.boundingBox();
	if (!box) {
		throw new Error('the side bar is not visible');
	}
	// The sash is VS Code's own drag handle, a few pixels wide, centred on the side bar's edge.
	const edge = box.x + box.width;
	let handleX: number | undefined;
	for (const sash of await page.locator('.monaco-sash.vertical').all()) {
		const handle = await sash.boundingBox();
		if (handle && handle.height > box.height / 2 && Math.abs(handle.x + handle.width / 2 - edge) <= 4) {
			handleX = handle.x + handle.width / 2;
		}
	}
	if (handleX === undefined) {
		throw new Error('no sash on the side bar\'s edge');
	}
	const y = box.y + box.height / 2;
	await page.mouse.move(handleX, y);
	await page.mouse.down();
	await page.mouse.move(handleX + (width - box.width) / 2, y, { steps: 4 });
	await page.mouse.move(box.x + width, y, { steps: 4 });
	await page.mouse.up();
	const after = await sideBar.boundingBox();
	if (!after || Math.abs(after.width - width) > 3) {
		throw new Error(`the side bar is ${after?.width ?? 0} px wide, not ${width}`);
	}
}
