import { statSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { readFile, rename, stat } from 'node:fs/promises';
import type { Evaluation, Evidence, UnlockRecord } from '../model.ts';
import { fileStamp } from './fileStamp.ts';
import type { PluginPaths } from './pluginPaths.ts';
import { fallbackLockPath } from './pluginPaths.ts';
import { readJsonFile, writeJsonAtomic } from './jsonFile.ts';
import { ProcessLock } from './processLock.ts';
import { InvalidShape, isFiniteNumber, isRecord } from './shapeChecks.ts';
import { isEvidence } from './snapshotShape.ts';
import { isTierName } from '../../shared/tiers.ts';

/** Achievement id → its first unlock. */
export type UnlockHistory = ReadonlyMap<string, UnlockRecord>;

/**
 * state.json as the dashboard plugin writes it: `{"unlocks": {"<id>": {"unlocked_at": <int Unix
 * seconds>, "first_tier": <tier>|null, "evidence": {session_id, title, value}|null}}}`, keys sorted,
 * indented by 2. Other top-level keys are kept when we rewrite it; ours is `reset_at`.
 */
interface StateFile {
	readonly unlocks: ReadonlyMap<string, UnlockRecord>;
	/** Set by a history reset: unlocks dated before it (in any file) are not taken over again. */
	readonly resetAt: number | null;
	readonly otherKeys: Readonly<Record<string, unknown>>;
}

/** What the files hold right now, merged, and whether the shared file lacks any of it. */
export interface LoadedUnlocks {
	readonly history: UnlockHistory;
	/** True when `state.json` or our copy is missing a record (or has a later date) than the merge. */
	readonly behind: boolean;
	readonly problems: readonly string[];
}

/** Like the dashboard (`indent=2`, sorted keys): small, and readable for people who open it. */
const dashboardStyle = { indent: 2 };
/**
 * The dashboard writes state.json in place, without a temporary file: a file that does not parse and
 * changed this recently is most likely being written right now, and is left alone until later.
 */
const inFlightWriteMs = 10_000;
/** How long a writer waits for another process's read-merge-write (a few milliseconds in practice). */
const lockWaitMs = 5_000;

/** Changes whenever any file the unlock history is read from changes (stat calls only). */
export function unlockFilesStamp(paths: PluginPaths): string {
	return [paths.unlockState, paths.unlockCopy, paths.legacyUnlockState].map((path) => fileStamp(path)).join('|');
}

/**
 * Every unlock any tool recorded: the shared `state.json`, our own copy of it (the last good
 * merge, which survives a torn or overwritten shared file) and the old install folder's file.
 * For each achievement the earliest record wins. Reads only: nothing is written or set aside.
 */
export async function loadUnlockHistory(paths: PluginPaths, inMemory: UnlockHistory = new Map()): Promise<LoadedUnlocks> {
	const problems: string[] = [];
	const shared = await readStateUnlessUnchanged(paths.unlockState, problems);
	const copy = await readStateUnlessUnchanged(paths.unlockCopy, problems);
	const legacy = await readStateUnlessUnchanged(paths.legacyUnlockState, problems);
	const history = mergeStates([shared, copy, legacy], inMemory);
	const behind = lacksAny(shared, history) || lacksAny(copy, history);
	return { history, behind, problems };
}

/**
 * Read-merge-write under a lock shared by every process: the files are read again inside the lock,
 * merged with `history` (earliest record wins, nothing is dropped), and both the shared file and our
 * copy are replaced atomically. Returns the merged history. Throws when it cannot be written.
 */
export async function commitUnlockHistory(paths: PluginPaths, history: UnlockHistory): Promise<UnlockHistory> {
	return withUnlockLock(paths, async () => {
		const problems: string[] = [];
		const shared = await readState(paths.unlockState, problems);
		const copy = await readState(paths.unlockCopy, problems);
		const legacy = await readState(paths.legacyUnlockState, problems);
		const merged = mergeStates([shared, copy, legacy], history);
		const resetAt = maxResetAt([shared, copy]);
		const otherKeys = shared.kind === 'ok' ? shared.value.otherKeys : {};
		await writeJsonAtomic(paths.unlockCopy, stateDocument(merged, {}, resetAt), dashboardStyle);
		if (await mayReplaceShared(paths.unlockState, shared)) {
			await writeJsonAtomic(paths.unlockState, stateDocument(merged, otherKeys, resetAt), dashboardStyle);
		}
		return merged;
	});
}

/**
 * Adds a record for each achievement unlocked now and never recorded before; an existing record is
 * never changed (its date, tier and evidence are the first ones). `now` is Unix seconds.
 */
export function recordUnlocks(
	history: UnlockHistory,
	evaluations: readonly Evaluation[],
	evidenceFor: (id: string) => Evidence | null,
	now: number,
): { history: UnlockHistory; added: string[] } {
	const added: string[] = [];
	let next: Map<string, UnlockRecord> | undefined;
	for (const evaluation of evaluations) {
		if (!evaluation.unlocked || history.has(evaluation.id) || next?.has(evaluation.id)) {
			continue;
		}
		next ??= new Map(history);
		next.set(evaluation.id, { unlocked_at: Math.floor(now), tier: evaluation.tier, evidence: evidenceFor(evaluation.id) });
		added.push(evaluation.id);
	}
	return { history: next ?? history, added };
}

/**
 * The one way records are removed. The shared file moves to `state.json.reset-<timestamp>.bak` (a
 * copy is written when there is none) and both files start again empty, marked with the reset time,
 * so that unlocks dated before it, in any file, are not taken over again. Returns the backup path.
 */
export async function backupUnlockHistory(paths: PluginPaths): Promise<string> {
	return withUnlockLock(paths, async () => {
		const now = new Date();
		const backup = `${paths.unlockState}.reset-${now.toISOString().replace(/[:.]/g, '-')}.bak`;
		const problems: string[] = [];
		const shared = await readState(paths.unlockState, problems);
		const copy = await readState(paths.unlockCopy, problems);
		const otherKeys = shared.kind === 'ok' ? shared.value.otherKeys : {};
		if (shared.kind === 'missing' || shared.kind === 'bad') {
			// Keep the best record of what is being reset: our copy of the merged history.
			const kept = copy.kind === 'ok' ? copy.value.unlocks : new Map<string, UnlockRecord>();
			await writeJsonAtomic(backup, stateDocument(kept, {}, null), dashboardStyle);
		} else {
			await rename(paths.unlockState, backup);
		}
		const resetAt = Math.floor(now.getTime() / 1000);
		await writeJsonAtomic(paths.unlockState, stateDocument(new Map(), otherKeys, resetAt), dashboardStyle);
		await writeJsonAtomic(paths.unlockCopy, stateDocument(new Map(), {}, resetAt), dashboardStyle);
		return backup;
	});
}

async function withUnlockLock<T>(paths: PluginPaths, work: () => Promise<T>): Promise<T> {
	const lock = new ProcessLock(() => [paths.unlockLock, fallbackLockPath(paths.dataDir, 'unlocks.lock')], lockWaitMs);
	try {
		if (!lock.tryAcquire()) {
			throw new Error('another process held the unlock history for more than 5 s');
		}
		return await work();
	} finally {
		lock.dispose();
	}
}

type StateRead =
	| { readonly kind: 'ok'; readonly value: StateFile }
	| { readonly kind: 'missing' }
	/** Present but unusable (torn, corrupt, unreadable): left as it is. */
	| { readonly kind: 'bad' };

async function readState(path: string, problems: string[]): Promise<StateRead> {
	// Never set aside: the shared file belongs to the dashboard too, and our copy is rewritten whole.
	const read = await readJsonFile(path, parseStateFile, { setAside: false });
	if (read.kind === 'set-aside') {
		problems.push(`unlock history ${path}: ${read.reason}; ignored`);
		return { kind: 'bad' };
	}
	return read;
}

/**
 * The unlock files as last read, by path. Every refresh loads them, and they change only when an
 * unlock is recorded: a stat is far cheaper than reading and parsing three files each time.
 */
const lastReads = new Map<string, { readonly stamp: string; readonly read: StateRead }>();
/**
 * A file modified this recently could be written again within the same timestamp tick at the same
 * size (the dashboard rewrites state.json in place): its read is not reused.
 */
const settledAfterMs = 2_000;

/** `readState`, or its last result while the file's identity, size and modification time stay the same. */
async function readStateUnlessUnchanged(path: string, problems: string[]): Promise<StateRead> {
	let stats: BigIntStats | undefined;
	try {
		stats = statSync(path, { bigint: true, throwIfNoEntry: false });
	} catch {
		// Unreadable: reading says why, each time.
		return readState(path, problems);
	}
	const stamp = stats === undefined ? '-' : `${stats.ino}:${stats.size}:${stats.mtimeNs}`;
	const last = lastReads.get(path);
	if (last !== undefined && last.stamp === stamp) {
		return last.read;
	}
	const read = await readState(path, problems);
	// A bad file is read (and reported) each time; its writer may just not have finished.
	const settled = stats === undefined || Date.now() - Number(stats.mtimeMs) > settledAfterMs;
	if (read.kind !== 'bad' && settled) {
		lastReads.set(path, { stamp, read });
	} else {
		lastReads.delete(path);
	}
	return read;
}

/** A torn shared file that is still being written is left to its writer; an old one is repaired. */
async function mayReplaceShared(path: string, read: StateRead): Promise<boolean> {
	if (read.kind !== 'bad') {
		return true;
	}
	const info = await stat(path).catch(() => undefined);
	if (info === undefined) {
		return true;
	}
	// Read once more: the writer may have finished since.
	const text = await readFile(path, 'utf8').catch(() => '');
	try {
		parseStateFile(JSON.parse(text.replace(/^\uFEFF/, '')));
		return true;
	} catch {
		return Date.now() - info.mtimeMs > inFlightWriteMs;
	}
}

function mergeStates(reads: readonly StateRead[], inMemory: UnlockHistory): UnlockHistory {
	const states = reads.flatMap((read) => (read.kind === 'ok' ? [read.value] : []));
	const resetAt = maxResetAt(reads);
	const merged = new Map<string, UnlockRecord>();
	const take = (id: string, record: UnlockRecord): void => {
		if (record.unlocked_at < resetAt) {
			return;
		}
		const known = merged.get(id);
		if (known === undefined || record.unlocked_at < known.unlocked_at) {
			merged.set(id, record);
		}
	};
	for (const state of states) {
		for (const [id, record] of state.unlocks) {
			take(id, record);
		}
	}
	for (const [id, record] of inMemory) {
		take(id, record);
	}
	return merged;
}

function maxResetAt(reads: readonly StateRead[]): number {
	return Math.max(0, ...reads.map((read) => (read.kind === 'ok' ? (read.value.resetAt ?? 0) : 0)));
}

function lacksAny(read: StateRead, history: UnlockHistory): boolean {
	if (history.size === 0) {
		return false;
	}
	if (read.kind !== 'ok') {
		return true;
	}
	for (const [id, record] of history) {
		if (read.value.unlocks.get(id)?.unlocked_at !== record.unlocked_at) {
			return true;
		}
	}
	return false;
}

function stateDocument(history: UnlockHistory, otherKeys: Readonly<Record<string, unknown>>, resetAt: number | null): unknown {
	const unlocks: Record<string, unknown> = Object.create(null);
	for (const id of [...history.keys()].sort()) {
		const record = history.get(id);
		if (record !== undefined) {
			unlocks[id] = sortKeys({ evidence: record.evidence, first_tier: record.tier, unlocked_at: record.unlocked_at });
		}
	}
	const document: Record<string, unknown> = Object.create(null);
	Object.assign(document, otherKeys);
	document.unlocks = unlocks;
	if (resetAt !== null && resetAt > 0) {
		document.reset_at = resetAt;
	}
	return sortKeys(document);
}

function sortKeys(record: Record<string, unknown>): Record<string, unknown> {
	const sorted: Record<string, unknown> = Object.create(null);
	for (const key of Object.keys(record).sort()) {
		sorted[key] = record[key];
	}
	return sorted;
}

/**
 * The structure must hold (an object with an `unlocks` object whose records have a numeric
 * `unlocked_at`); an unknown tier or malformed evidence only loses that detail.
 */
function parseStateFile(raw: unknown): StateFile {
	if (!isRecord(raw) || !isRecord(raw.unlocks)) {
		throw new InvalidShape('state.json has no "unlocks" object');
	}
	const unlocks = new Map<string, UnlockRecord>();
	for (const [id, record] of Object.entries(raw.unlocks)) {
		if (!isRecord(record) || !isFiniteNumber(record.unlocked_at) || record.unlocked_at <= 0) {
			throw new InvalidShape(`state.json unlock ${id} has no valid unlocked_at`);
		}
		unlocks.set(id, {
			unlocked_at: record.unlocked_at,
			tier: isTierName(record.first_tier) ? record.first_tier : null,
			evidence: isEvidence(record.evidence) ? record.evidence : null,
		});
	}
	const { unlocks: _unlocks, reset_at: resetAt, ...otherKeys } = raw;
	return { unlocks, resetAt: isFiniteNumber(resetAt) ? resetAt : null, otherKeys };
}
