import type { Contribution, StatName } from '../model.ts';
import { statNames } from '../model.ts';
import { readJsonFile, writeJsonTextAtomic } from './jsonFile.ts';
import {
	InvalidShape, isFiniteNumber, isNullableNumber, isNullableString, isRecord, isStringArray,
} from './shapeChecks.ts';

export const checkpointSchemaVersion = 1;
/** Matches no store's content key. */
const unknownContentKey = '\u0000unknown';

export interface CheckpointEntry {
	/** `SessionInfo.fingerprint` when the contribution was computed. */
	readonly fingerprint: string;
	/**
	 * The session's content key when its messages were read (null for legacy files), compared with
	 * the store's now and then to catch edits in place.
	 */
	readonly contentKey: string | null;
	readonly contribution: Contribution;
}

export interface Checkpoint {
	readonly engineVersion: string;
	readonly sessions: ReadonlyMap<string, CheckpointEntry>;
	/** Unix ms of the last comparison of content keys (-Infinity: never, so the next refresh compares). */
	readonly contentCheckedAt: number;
	/** The history's change token when these entries were listed (null: unknown, list again). */
	readonly changeToken: string | null;
}

/**
 * A contribution on disk. Short keys and `st` as a bare array (in the file's `stat_names` order)
 * keep the file a fraction of the dashboard's per-session object, which is rewritten after every
 * refresh. `session_id` is the entry's key and is not repeated.
 */
interface CompactContribution {
	readonly t: string;
	readonly src: string | null;
	readonly sa: number | null;
	readonly la: number | null;
	readonly tn: readonly string[];
	readonly mn: readonly string[];
	readonly pc: 0 | 1;
	readonly st: readonly number[];
}

const statsTemplate = Object.fromEntries(statNames.map((name) => [name, 0])) as Record<StatName, number>;

type LoadedFile =
	| { readonly kind: 'current'; readonly checkpoint: Checkpoint }
	| { readonly kind: 'outdated'; readonly reason: string };

export async function loadCheckpoint(
	path: string,
	engineVersion: string,
): Promise<{ checkpoint: Checkpoint | undefined; problem: string | null }> {
	const read = await readJsonFile(path, parseCheckpointFile);
	switch (read.kind) {
		case 'missing':
			return { checkpoint: undefined, problem: 'no checkpoint yet' };
		case 'set-aside':
			return { checkpoint: undefined, problem: `checkpoint ${read.reason}; set aside as ${read.movedTo}` };
		case 'ok': {
			const loaded = read.value;
			if (loaded.kind === 'outdated') {
				return { checkpoint: undefined, problem: loaded.reason };
			}
			if (loaded.checkpoint.engineVersion !== engineVersion) {
				return {
					checkpoint: undefined,
					problem: `checkpoint was written by engine ${loaded.checkpoint.engineVersion}, this is ${engineVersion}`,
				};
			}
			return { checkpoint: loaded.checkpoint, problem: null };
		}
	}
}

/** Each entry's text as last written: an entry is replaced, never changed, when its session is read again. */
export type EntryTexts = WeakMap<CheckpointEntry, string>;

/**
 * `entryTexts`: kept between saves by a caller that saves the same entries again, so that only the
 * entries replaced since are serialized (a refresh changes one session of thousands).
 */
export function saveCheckpoint(path: string, checkpoint: Checkpoint, entryTexts?: EntryTexts): Promise<void> {
	let text: string;
	try {
		text = checkpointText(checkpoint, entryTexts);
	} catch (error) {
		return Promise.reject(error);
	}
	return writeJsonTextAtomic(path, text);
}

/** The file's JSON, as `JSON.stringify` would write it, with `sessions` assembled from each entry's text. */
function checkpointText(checkpoint: Checkpoint, entryTexts: EntryTexts | undefined): string {
	const head = JSON.stringify({
		schema_version: checkpointSchemaVersion,
		engine_version: checkpoint.engineVersion,
		saved_at: Math.floor(Date.now() / 1000),
		stat_names: statNames,
		content_checked_at: Number.isFinite(checkpoint.contentCheckedAt) ? checkpoint.contentCheckedAt : null,
		change_token: checkpoint.changeToken,
		sessions: {},
	});
	const parts: string[] = [];
	for (const [id, entry] of checkpoint.sessions) {
		let text = entryTexts?.get(entry);
		if (text === undefined) {
			text = JSON.stringify({ fingerprint: entry.fingerprint, k: entry.contentKey, c: compact(entry.contribution) });
			entryTexts?.set(entry, text);
		}
		parts.push(`${JSON.stringify(id)}:${text}`);
	}
	// `head` ends with the empty sessions object and the document's closing brace: `{}}`.
	return `${head.slice(0, -2)}${parts.join(',')}}}`;
}

function compact(contribution: Contribution): CompactContribution {
	const stats = new Array<number>(statNames.length);
	for (let i = 0; i < statNames.length; i++) {
		stats[i] = contribution.stats[statNames[i]];
	}
	return {
		t: contribution.title,
		src: contribution.source,
		sa: contribution.started_at,
		la: contribution.last_active,
		tn: contribution.tool_names,
		mn: contribution.model_names,
		pc: contribution.port_conflict ? 1 : 0,
		st: stats,
	};
}

/**
 * A file of another schema version, or one the dashboard plugin wrote at this same path (it has no
 * `engine_version`), is outdated rather than corrupt: it is left in place for the next save to replace.
 */
function parseCheckpointFile(raw: unknown): LoadedFile {
	if (!isRecord(raw)) {
		throw new InvalidShape('checkpoint is not a JSON object');
	}
	if (raw.schema_version !== checkpointSchemaVersion) {
		return { kind: 'outdated', reason: `checkpoint schema_version is ${String(raw.schema_version)}, expected ${checkpointSchemaVersion}` };
	}
	if (raw.engine_version === undefined) {
		return { kind: 'outdated', reason: 'checkpoint was written by the dashboard plugin' };
	}
	if (typeof raw.engine_version !== 'string') {
		throw new InvalidShape('checkpoint engine_version is not a string');
	}
	if (!isStringArray(raw.stat_names)) {
		throw new InvalidShape('checkpoint stat_names is not a list of names');
	}
	const positions = statPositions(raw.stat_names);
	if (positions === undefined) {
		return { kind: 'outdated', reason: 'checkpoint stat names differ from this engine' };
	}
	if (!isRecord(raw.sessions)) {
		throw new InvalidShape('checkpoint sessions is not an object');
	}
	const width = raw.stat_names.length;
	const sessions = new Map<string, CheckpointEntry>();
	for (const [id, entry] of Object.entries(raw.sessions)) {
		if (!isRecord(entry) || typeof entry.fingerprint !== 'string') {
			throw new InvalidShape(`checkpoint entry ${id} has no fingerprint`);
		}
		const contribution = expand(id, entry.c, positions, width);
		if (contribution === undefined) {
			throw new InvalidShape(`checkpoint entry ${id} has an invalid contribution`);
		}
		// A missing key (an older file) never matches: the first content check reads that session again.
		const contentKey = typeof entry.k === 'string' || entry.k === null ? entry.k : unknownContentKey;
		sessions.set(id, { fingerprint: entry.fingerprint, contentKey, contribution });
	}
	const contentCheckedAt = isFiniteNumber(raw.content_checked_at) ? raw.content_checked_at : -Infinity;
	const changeToken = typeof raw.change_token === 'string' ? raw.change_token : null;
	return { kind: 'current', checkpoint: { engineVersion: raw.engine_version, sessions, contentCheckedAt, changeToken } };
}

/** Where each of this engine's stats sits in the file's array, or undefined when one is missing. */
function statPositions(fileNames: readonly string[]): readonly number[] | undefined {
	const index = new Map(fileNames.map((name, i) => [name, i]));
	const positions: number[] = [];
	for (const name of statNames) {
		const position = index.get(name);
		if (position === undefined) {
			return undefined;
		}
		positions.push(position);
	}
	return positions;
}

function expand(id: string, raw: unknown, positions: readonly number[], width: number): Contribution | undefined {
	if (!isRecord(raw)) {
		return undefined;
	}
	const { t, src, sa, la, tn, mn, pc, st } = raw;
	if (
		typeof t !== 'string' || !isNullableString(src) || !isNullableNumber(sa) || !isNullableNumber(la)
		|| !isStringArray(tn) || !isStringArray(mn) || (pc !== 0 && pc !== 1)
		|| !Array.isArray(st) || st.length !== width
	) {
		return undefined;
	}
	// Cloning a template gives every stats object one shape; adding 54 keys one by one is several times slower.
	const stats: Record<StatName, number> = { ...statsTemplate };
	for (let i = 0; i < statNames.length; i++) {
		const value: unknown = st[positions[i]];
		if (!isFiniteNumber(value)) {
			return undefined;
		}
		stats[statNames[i]] = value;
	}
	return {
		session_id: id,
		title: t,
		source: src,
		started_at: sa,
		last_active: la,
		tool_names: tn,
		model_names: mn,
		port_conflict: pc === 1,
		stats,
	};
}
