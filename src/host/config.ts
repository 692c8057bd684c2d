import { contributionIds } from './commandIds.ts';

/** The `hermesAchievements.*` settings, validated; package.json `contributes.configuration` declares them. */
export interface HermesAchievementsConfig {
	/** The Hermes home folder; `""` means `HERMES_HOME`, else the platform default (`~/.hermes`). */
	readonly hermesHome: string;
	/** A named Hermes profile (`<root>/profiles/<name>`); `""` means the root home. */
	readonly profile: string;
	/** Seconds after which a snapshot is stale and refreshed in the background (at least 5). */
	readonly ttlSeconds: number;
	/** Show a notification when a refresh unlocks an achievement or raises its tier. */
	readonly notifyOnUnlock: boolean;
	/** Show the score in the status bar. */
	readonly showStatusBar: boolean;
	/** Threads reading the history during a large scan; 0: automatic (every core but one). */
	readonly scanWorkers: number;
}

export const defaultConfig: HermesAchievementsConfig = {
	hermesHome: '',
	profile: '',
	ttlSeconds: 120,
	notifyOnUnlock: true,
	showStatusBar: true,
	scanWorkers: 0,
};

export const minimumTtlSeconds = 5;

/** What `vscode.workspace.getConfiguration(section)` offers; kept minimal so the reader runs without VS Code. */
export interface ConfigSource {
	get(key: string): unknown;
}

export const configSection = contributionIds.configSection;

/** Reads the settings; a value of the wrong type (hand-edited settings.json) falls back to its default. */
export function readConfig(source: ConfigSource): HermesAchievementsConfig {
	return {
		hermesHome: readString(source.get('hermesHome'), defaultConfig.hermesHome),
		profile: readString(source.get('profile'), defaultConfig.profile),
		ttlSeconds: readTtl(source.get('ttlSeconds')),
		notifyOnUnlock: readBoolean(source.get('notifyOnUnlock'), defaultConfig.notifyOnUnlock),
		showStatusBar: readBoolean(source.get('showStatusBar'), defaultConfig.showStatusBar),
		scanWorkers: readScanWorkers(source.get('scanWorkers')),
	};
}

/** True when the change needs a new service (another home, profile, TTL or thread count) rather than a repaint. */
export function serviceInputsChanged(before: HermesAchievementsConfig, after: HermesAchievementsConfig): boolean {
	return before.hermesHome !== after.hermesHome || before.profile !== after.profile || before.ttlSeconds !== after.ttlSeconds
		|| before.scanWorkers !== after.scanWorkers;
}

function readString(value: unknown, fallback: string): string {
	return typeof value === 'string' ? value.trim() : fallback;
}

function readBoolean(value: unknown, fallback: boolean): boolean {
	return typeof value === 'boolean' ? value : fallback;
}

function readTtl(value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		return defaultConfig.ttlSeconds;
	}
	return Math.max(minimumTtlSeconds, value);
}

function readScanWorkers(value: unknown): number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? Math.min(value, 64) : defaultConfig.scanWorkers;
}
