import type { Snapshot } from '../model.ts';
import { readJsonFile, writeJsonAtomic } from './jsonFile.ts';
import { InvalidShape, isRecord } from './shapeChecks.ts';
import { checkSnapshot } from './snapshotShape.ts';

/** 2: earned dates (`earned_at`, `tier_history`, …) and `activity`. */
export const snapshotSchemaVersion = 2;

type LoadedFile =
	| { readonly kind: 'current'; readonly snapshot: Snapshot }
	| { readonly kind: 'outdated'; readonly reason: string };

export async function loadSnapshot(path: string): Promise<{ snapshot: Snapshot | undefined; problem: string | null }> {
	const read = await readJsonFile(path, parseSnapshotFile);
	switch (read.kind) {
		case 'missing':
			return { snapshot: undefined, problem: 'no snapshot yet' };
		case 'set-aside':
			return { snapshot: undefined, problem: `snapshot ${read.reason}; set aside as ${read.movedTo}` };
		case 'ok':
			return read.value.kind === 'current'
				? { snapshot: read.value.snapshot, problem: null }
				: { snapshot: undefined, problem: read.value.reason };
	}
}

export function saveSnapshot(path: string, snapshot: Snapshot): Promise<void> {
	return writeJsonAtomic(path, { schema_version: snapshotSchemaVersion, ...snapshot });
}

/**
 * A snapshot of another schema version, or the dashboard plugin's own `scan_snapshot.json` at this
 * path (no `schema_version`), is outdated, not corrupt: it stays until the next save replaces it.
 */
function parseSnapshotFile(raw: unknown): LoadedFile {
	if (!isRecord(raw)) {
		throw new InvalidShape('snapshot is not a JSON object');
	}
	const { schema_version: version, ...rest } = raw;
	if (version === undefined) {
		return { kind: 'outdated', reason: 'snapshot was written by the dashboard plugin' };
	}
	if (version !== snapshotSchemaVersion) {
		return { kind: 'outdated', reason: `snapshot schema_version is ${String(version)}, expected ${snapshotSchemaVersion}` };
	}
	return { kind: 'current', snapshot: checkSnapshot(rest) };
}
