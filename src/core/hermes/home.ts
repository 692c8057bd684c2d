import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface ResolvedHome {
	/** The default root that holds `profiles/`. */
	readonly root: string;
	/** The home whose `state.db` and `sessions/` are read. */
	readonly home: string;
	readonly profile: string | null;
}

const profileNamePattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function isValidProfileName(name: string): boolean {
	return profileNamePattern.test(name);
}

/**
 * Finds the Hermes home the way Hermes does: the configured one (setting or `--home`), else `HERMES_HOME`,
 * else `~/.hermes` (on Windows `%LOCALAPPDATA%\hermes` when only that one exists).
 */
export function resolveHermesHome(options: {
	configuredHome?: string;
	profile?: string;
	env: Record<string, string | undefined>;
	platform: NodeJS.Platform;
	userHome: string;
}): ResolvedHome {
	const configured = nonBlank(options.configuredHome) ?? nonBlank(options.env.HERMES_HOME);
	let base: string;
	if (configured !== null) {
		base = resolve(expandTilde(configured, options.userHome));
	} else {
		base = platformDefault(options);
	}
	const profile = nonBlank(options.profile);
	const parent = dirname(base);
	const isProfileHome = basename(parent) === 'profiles' && isValidProfileName(basename(base));
	const root = isProfileHome ? dirname(parent) : base;
	if (profile === null || profile === 'default') {
		if (profile === 'default') {
			return { root, home: root, profile: null };
		}
		return { root, home: base, profile: isProfileHome ? basename(base) : null };
	}
	if (!isValidProfileName(profile)) {
		throw new RangeError(`"${profile}" is not a Hermes profile name (lowercase letters, digits, "_" and "-", at most 64, starting with a letter or digit).`);
	}
	return { root, home: join(root, 'profiles', profile), profile };
}

/** Named profiles under `<root>/profiles/`, sorted; tombstones such as `.deleted` are skipped. */
export function listProfiles(root: string): string[] {
	let names: string[];
	try {
		names = readdirSync(join(root, 'profiles'));
	} catch {
		return [];
	}
	return names
		.filter((name) => !name.startsWith('.') && isValidProfileName(name) && isDirectory(join(root, 'profiles', name)))
		.sort();
}

/** Paths use the host's separators: `platform` only chooses the rule, so it can be tested anywhere. */
function platformDefault(options: { env: Record<string, string | undefined>; platform: NodeJS.Platform; userHome: string }): string {
	const dotHermes = join(options.userHome, '.hermes');
	if (options.platform !== 'win32') {
		return dotHermes;
	}
	const localAppData = nonBlank(options.env.LOCALAPPDATA) ?? join(options.userHome, 'AppData', 'Local');
	const windowsHome = join(localAppData, 'hermes');
	if (!existsSync(dotHermes) && existsSync(windowsHome)) {
		return windowsHome;
	}
	return dotHermes;
}

function expandTilde(path: string, userHome: string): string {
	if (path === '~') {
		return userHome;
	}
	if (path.startsWith('~/') || path.startsWith('~\\')) {
		return join(userHome, path.slice(2));
	}
	return path;
}

function nonBlank(value: string | undefined): string | null {
	if (value === undefined) {
		return null;
	}
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

function isDirectory(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}
