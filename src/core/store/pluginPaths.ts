import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where our files live. The dashboard plugin's data folder survives `hermes plugins remove/update`
 * (its install folder does not), and `state.json` in it is the one unlock history both tools share.
 * Everything only we understand sits in a folder of its own inside it, so neither tool ever reads
 * the other's caches under its own file names.
 */
export interface PluginPaths {
	/** `<home>/plugin-data/hermes-achievements`: the dashboard plugin's durable data folder. */
	readonly dataDir: string;
	/** The shared unlock history, in the dashboard's format. */
	readonly unlockState: string;
	/** `<dataDir>/vscode`: ours alone. */
	readonly dir: string;
	readonly snapshot: string;
	readonly checkpoint: string;
	readonly status: string;
	/** Our own copy of the merged unlock history: survives a torn or overwritten `state.json`. */
	readonly unlockCopy: string;
	/** Serializes read-merge-write of the unlock history across processes. */
	readonly unlockLock: string;
	/** Held by the one process that scans this home. */
	readonly scanLock: string;
	/** One file per announced unlock: whoever creates it first shows the notification. */
	readonly announced: string;
	/** The original dashboard plugin's install folder, where older versions (ours and its) kept files. */
	readonly legacyDir: string;
	/** Unlock dates recorded there by an older dashboard plugin (or by us before): merged in, never written. */
	readonly legacyUnlockState: string;
}

export function pluginPaths(home: string): PluginPaths {
	const dataDir = join(home, 'plugin-data', 'hermes-achievements');
	const dir = join(dataDir, 'vscode');
	const legacyDir = join(home, 'plugins', 'hermes-achievements');
	return {
		dataDir,
		unlockState: join(dataDir, 'state.json'),
		dir,
		snapshot: join(dir, 'snapshot.json'),
		checkpoint: join(dir, 'checkpoint.json'),
		status: join(dir, 'status.json'),
		unlockCopy: join(dir, 'unlocks.json'),
		unlockLock: join(dir, 'unlocks.lock'),
		scanLock: join(dir, 'scan.lock'),
		announced: join(dir, 'announced'),
		legacyDir,
		legacyUnlockState: join(legacyDir, 'state.json'),
	};
}

/**
 * A stand-in for a lock file when our folder cannot be written (a read-only home, another user's
 * home, a full disk): the OS temporary folder, keyed by the home's real path so that every process
 * looking at the same home, by whatever path, meets at the same file.
 */
export function fallbackLockPath(home: string, name: string): string {
	let real = home;
	try {
		real = realpathSync(home);
	} catch {
		// A home that does not exist yet is keyed by the path as given.
	}
	const key = createHash('sha256').update(real).digest('hex').slice(0, 16);
	return join(tmpdir(), `hermes-achievements-${key}-${name}`);
}
