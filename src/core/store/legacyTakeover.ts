import { mkdir, readFile, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { PluginPaths } from './pluginPaths.ts';
import { isRecord } from './shapeChecks.ts';

/**
 * Earlier versions of this extension kept their files in the dashboard plugin's install folder
 * (`<home>/plugins/hermes-achievements/`), which `hermes plugins remove/update` deletes and where
 * the original dashboard plugin keeps files of the same names. Ours are recognised by content, moved
 * into our folder when it has none yet (so the first start after an upgrade is no cold scan), and
 * removed otherwise. The dashboard's files, `state.json` included, are never touched.
 * Returns what was done, one line each.
 */
export async function takeOverLegacyFiles(paths: PluginPaths): Promise<string[]> {
	const done: string[] = [];
	const moves: readonly { readonly name: string; readonly ours: (raw: Record<string, unknown>) => boolean; readonly to: string | null }[] = [
		{ name: 'scan_snapshot.json', ours: (raw) => 'schema_version' in raw && 'scan_id' in raw && 'home' in raw, to: paths.snapshot },
		{ name: 'scan_checkpoint.json', ours: (raw) => 'engine_version' in raw && 'stat_names' in raw, to: paths.checkpoint },
		{ name: 'scan_status.json', ours: (raw) => 'ttl_ms' in raw && 'counters' in raw && 'state' in raw, to: null },
	];
	for (const move of moves) {
		const from = join(paths.legacyDir, move.name);
		const raw = await readObject(from);
		if (raw === undefined || !move.ours(raw)) {
			continue;
		}
		if (move.to !== null && !(await exists(move.to))) {
			await mkdir(paths.dir, { recursive: true });
			await rename(from, move.to);
			done.push(`took over ${from}`);
		} else {
			await unlink(from);
			done.push(`removed ${from}`);
		}
	}
	if (done.length > 0) {
		// Empty now means it only ever held our files: an install of the dashboard plugin is never empty.
		await rmdir(paths.legacyDir).catch(() => undefined);
	}
	return done;
}

async function readObject(path: string): Promise<Record<string, unknown> | undefined> {
	try {
		const raw: unknown = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
		return isRecord(raw) ? raw : undefined;
	} catch {
		return undefined;
	}
}

async function exists(path: string): Promise<boolean> {
	return stat(path).then(() => true, () => false);
}
