import { join } from 'node:path';

export interface PluginPaths {
	/** `<home>/plugins/hermes-achievements`, shared with the original dashboard plugin. */
	readonly dir: string;
	readonly snapshot: string;
	readonly checkpoint: string;
	/** Where the unlock history is written. */
	readonly unlockState: string;
	/**
	 * Unlock histories to take over: the newer dashboard's data dir, then the install dir (which is
	 * also `unlockState`; readers de-duplicate).
	 */
	readonly legacyUnlockStates: readonly string[];
}

export function pluginPaths(home: string): PluginPaths {
	const dir = join(home, 'plugins', 'hermes-achievements');
	const unlockState = join(dir, 'state.json');
	return {
		dir,
		snapshot: join(dir, 'scan_snapshot.json'),
		checkpoint: join(dir, 'scan_checkpoint.json'),
		unlockState,
		legacyUnlockStates: [join(home, 'plugin-data', 'hermes-achievements', 'state.json'), unlockState],
	};
}
