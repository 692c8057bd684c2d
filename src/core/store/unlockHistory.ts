import { rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Evaluation, Evidence, UnlockRecord } from '../model.ts';
import type { PluginPaths } from './pluginPaths.ts';
import { readJsonFile, writeJsonAtomic } from './jsonFile.ts';
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

/** Like the dashboard (`indent=2`, sorted keys): small, and readable for people who open it. */
const dashboardStyle = { indent: 2 };

export async function loadUnlockHistory(paths: PluginPaths): Promise<{ history: UnlockHistory; problems: string[] }> {
	const problems: string[] = [];
	const own = resolve(paths.unlockState);
	const files = [...new Set([own, ...paths.legacyUnlockStates.map((path) => resolve(path))])];
	const states: StateFile[] = [];
	for (const path of files) {
		// Only our own file is renamed; the dashboard's is left to the dashboard.
		const read = await readJsonFile(path, parseStateFile, { setAside: path === own });
		if (read.kind === 'ok') {
			states.push(read.value);
		} else if (read.kind === 'set-aside') {
			problems.push(path === own
				? `unlock history ${path}: ${read.reason}; set aside as ${read.movedTo}`
				: `unlock history ${path}: ${read.reason}; ignored`);
		}
	}
	const resetAt = Math.max(0, ...states.map((state) => state.resetAt ?? 0));
	const history = new Map<string, UnlockRecord>();
	for (const state of states) {
		for (const [id, record] of state.unlocks) {
			if (record.unlocked_at < resetAt) {
				continue;
			}
			const known = history.get(id);
			if (known === undefined || record.unlocked_at < known.unlocked_at) {
				history.set(id, record);
			}
		}
	}
	return { history, problems };
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

export async function saveUnlockHistory(path: string, history: UnlockHistory): Promise<void> {
	const existing = await readJsonFile(path, parseStateFile);
	const otherKeys = existing.kind === 'ok' ? existing.value.otherKeys : {};
	const resetAt = existing.kind === 'ok' ? existing.value.resetAt : null;
	await writeJsonAtomic(path, stateDocument(history, otherKeys, resetAt), dashboardStyle);
}

/**
 * Moves state.json to `state.json.reset-<timestamp>.bak` and starts an empty history marked with
 * the reset time, so unlocks from the dashboard's files are not taken over again. Returns the backup
 * path; when there was no file, the backup records the empty history so the path always exists.
 */
export async function backupUnlockHistory(path: string): Promise<string> {
	const now = new Date();
	const backup = `${path}.reset-${now.toISOString().replace(/[:.]/g, '-')}.bak`;
	const existing = await readJsonFile(path, parseStateFile, { setAside: false });
	const otherKeys = existing.kind === 'ok' ? existing.value.otherKeys : {};
	if (existing.kind === 'missing') {
		await writeJsonAtomic(backup, stateDocument(new Map(), {}, null), dashboardStyle);
	} else {
		await rename(path, backup);
	}
	await writeJsonAtomic(path, stateDocument(new Map(), otherKeys, Math.floor(now.getTime() / 1000)), dashboardStyle);
	return backup;
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
	if (resetAt !== null) {
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
