import type { Snapshot } from '../model.ts';
import { readJsonFile, writeJsonAtomic } from './jsonFile.ts';
import { InvalidShape, isRecord } from './shapeChecks.ts';
import { checkSnapshot } from './snapshotShape.ts';

/** 2: earned dates (`earned_at`, `tier_history`, …) and `activity`. */
export const snapshotSchemaVersion = 2;

type LoadedFile =
	| { readonly kind: 'current'; readonly snapshot: Snapshot; readonly sourceToken: string | null }
	| { readonly kind: 'outdated'; readonly reason: string };

export interface LoadedSnapshot {
	readonly snapshot: Snapshot | undefined;
	/** The history's change token the snapshot was computed from (see `historyStamp`). */
	readonly sourceToken: string | null;
	readonly problem: string | null;
}

export async function loadSnapshot(path: string): Promise<LoadedSnapshot> {
	const read = await readJsonFile(path, parseSnapshotFile);
	switch (read.kind) {
		case 'missing':
			return { snapshot: undefined, sourceToken: null, problem: 'no snapshot yet' };
		case 'set-aside':
			return { snapshot: undefined, sourceToken: null, problem: `snapshot ${read.reason}; set aside as ${read.movedTo}` };
		case 'ok':
			return read.value.kind === 'current'
				? { snapshot: read.value.snapshot, sourceToken: read.value.sourceToken, problem: null }
				: { snapshot: undefined, sourceToken: null, problem: read.value.reason };
	}
}

/**
 * `sourceToken` lets another process tell, with a few file stats, whether this snapshot still
 * describes the history as it is now (and so whether it needs to scan at all).
 */
export function saveSnapshot(path: string, snapshot: Snapshot, sourceToken: string | null = null): Promise<void> {
	return writeJsonAtomic(path, { schema_version: snapshotSchemaVersion, source_token: sourceToken, ...snapshot });
}

/**
 * A snapshot of another schema version, or the dashboard plugin's own `scan_snapshot.json` at this
 * path (no `schema_version`), is outdated, not corrupt: it stays until the next save replaces it.
 */
function parseSnapshotFile(raw: unknown): LoadedFile {
	if (!isRecord(raw)) {
		throw new InvalidShape('snapshot is not a JSON object');
	}
	const { schema_version: version, source_token: sourceToken, ...rest } = raw;
	if (version === undefined) {
		return { kind: 'outdated', reason: 'snapshot was written by the dashboard plugin' };
	}
	if (version !== snapshotSchemaVersion) {
		return { kind: 'outdated', reason: `snapshot schema_version is ${String(version)}, expected ${snapshotSchemaVersion}` };
	}
	return { kind: 'current', snapshot: checkSnapshot(rest), sourceToken: typeof sourceToken === 'string' ? sourceToken : null };
}
