import { homedir } from 'node:os';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { pngSize } from '../core/pngHeader.ts';
import type { AchievementsPanels } from './achievementsPanel.ts';
import type { ServiceSlot } from './serviceSlot.ts';

/** The size social sites use for link previews; the webview draws exactly this. */
export const shareCardSize = { width: 1200, height: 630 } as const;

/**
 * "Export Achievements Card": the editor tab's webview draws the card in the current theme (PNG and
 * SVG); this writes both, side by side. `targetArg` (a .png Uri) skips the save dialog, for tests.
 */
export async function exportShareCard(slot: ServiceSlot, panels: AchievementsPanels, targetArg?: unknown): Promise<vscode.Uri | undefined> {
	const snapshot = slot.service.current() ?? (await slot.service.request());
	if (snapshot.achievements.length === 0) {
		void vscode.window.showWarningMessage(`Nothing to put on a card yet${snapshot.error === null ? '.' : `: ${snapshot.error}`}`);
		return undefined;
	}
	const target = targetArg instanceof vscode.Uri
		? targetArg
		: await vscode.window.showSaveDialog({
			title: 'Export Achievements Card',
			saveLabel: 'Export Card',
			defaultUri: vscode.Uri.joinPath(defaultFolder(), 'hermes-achievements-card.png'),
			filters: { 'PNG image (an SVG is written next to it)': ['png'] },
		});
	if (target === undefined) {
		return undefined;
	}
	const card = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: 'Drawing the achievements card' },
		() => panels.requestCard(),
	);
	const png = Buffer.from(card.png, 'base64');
	const size = pngSize(png);
	if (size?.width !== shareCardSize.width || size.height !== shareCardSize.height) {
		throw new Error(`the card came back as ${size ? `${size.width}x${size.height}` : 'something other than a PNG'}`);
	}
	const pngTarget = target.path.toLowerCase().endsWith('.png') ? target : target.with({ path: `${target.path}.png` });
	const svgTarget = pngTarget.with({ path: pngTarget.path.replace(/\.png$/i, '.svg') });
	await vscode.workspace.fs.writeFile(pngTarget, png);
	await vscode.workspace.fs.writeFile(svgTarget, new TextEncoder().encode(card.svg));
	vscode.window.setStatusBarMessage(`$(check) Achievements card saved as ${basename(pngTarget.path)} and ${basename(svgTarget.path)}`, 5000);
	return pngTarget;
}

function defaultFolder(): vscode.Uri {
	return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir());
}
