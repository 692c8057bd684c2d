// The user settings.json every run starts with: no welcome page, chat, tips, telemetry or update checks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const quietSettings: Readonly<Record<string, unknown>> = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'chat.disableAIFeatures': true,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'extensions.ignoreRecommendations': true,
	'git.enabled': false,
	'security.workspace.trust.enabled': false,
};

export function writeUserSettings(userDataDir: string, settings: Readonly<Record<string, unknown>>): void {
	const dir = join(userDataDir, 'User');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, '\t'));
}
