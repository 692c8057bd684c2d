import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contribution, StatName } from '../../../src/core/model.ts';
import { statNames } from '../../../src/core/model.ts';
import type { Checkpoint, CheckpointEntry } from '../../../src/core/store/checkpointStore.ts';
import { checkpointSchemaVersion, loadCheckpoint, saveCheckpoint } from '../../../src/core/store/checkpointStore.ts';

function contribution(id: string, seed: number): Contribution {
	const stats = {} as Record<StatName, number>;
	statNames.forEach((name, i) => {
		stats[name] = (seed * 31 + i * 7) % 97;
	});
	return {
		session_id: id,
		title: `Session ${seed} — "quoted" \u2603`,
		source: seed % 2 === 0 ? 'cli' : null,
		started_at: seed % 3 === 0 ? null : 1757672130.41 + seed,
		last_active: 1757672901.2 + seed,
		tool_names: ['read_file', 'terminal'].slice(0, seed % 3),
		model_names: seed % 2 === 0 ? ['anthropic/claude-sonnet-4.6'] : [],
		port_conflict: seed % 5 === 0,
		stats,
	};
}

function checkpointOf(count: number, engineVersion = '1.2.3'): Checkpoint {
	const sessions = new Map<string, CheckpointEntry>();
	for (let i = 0; i < count; i++) {
		const id = i === 0 ? '__proto__' : `20260912_101530_${i.toString(16).padStart(6, '0')}`;
		sessions.set(id, { fingerprint: `fp-${i}`, contentKey: i % 4 === 3 ? null : `${i}:${i * 7}:120.0`, contribution: contribution(id, i) });
	}
	return { engineVersion, sessions, contentCheckedAt: 1_764_000_000_000 + count, changeToken: `12:${count}:34|-|-` };
}

describe('store/checkpointStore', () => {
	let dir: string;
	let path: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'hermes-store-checkpoint-'));
		path = join(dir, 'scan_checkpoint.json');
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	const corruptBackups = (): string[] => readdirSync(dir).filter((name) => name.includes('.corrupt-'));
	const onDisk = (): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

	it('round-trips every field of every entry, including an id named __proto__', async () => {
		const original = checkpointOf(40);
		await saveCheckpoint(path, original);
		const { checkpoint, problem } = await loadCheckpoint(path, '1.2.3');
		assert.equal(problem, null);
		assert.ok(checkpoint);
		assert.equal(checkpoint.engineVersion, '1.2.3');
		assert.deepEqual([...checkpoint.sessions.keys()], [...original.sessions.keys()]);
		assert.deepEqual(checkpoint.sessions, original.sessions);
		assert.equal(checkpoint.contentCheckedAt, original.contentCheckedAt);
		assert.equal(checkpoint.changeToken, original.changeToken);
	});

	it('stores the compact form described in its header', async () => {
		await saveCheckpoint(path, checkpointOf(3));
		const file = onDisk();
		assert.equal(file.schema_version, checkpointSchemaVersion);
		assert.equal(file.engine_version, '1.2.3');
		assert.equal(typeof file.saved_at, 'number');
		assert.deepEqual(file.stat_names, [...statNames]);
		const entry = (file.sessions as Record<string, { fingerprint: string; c: Record<string, unknown> }>)['20260912_101530_000002'];
		assert.equal(entry.fingerprint, 'fp-2');
		assert.ok(Array.isArray(entry.c.st));
		assert.deepEqual(entry.c.st, statNames.map((name) => contribution('x', 2).stats[name]));
		assert.equal(entry.c.pc, 0);
		assert.equal('session_id' in entry.c, false);
	});

	it('reports a missing checkpoint without a file appearing', async () => {
		const loaded = await loadCheckpoint(path, '1.2.3');
		assert.equal(loaded.checkpoint, undefined);
		assert.match(loaded.problem ?? '', /no checkpoint/);
		assert.deepEqual(readdirSync(dir), []);
	});

	const broken: ReadonlyArray<readonly [string, (text: string) => string]> = [
		['truncated', (text) => text.slice(0, Math.floor(text.length / 2))],
		['garbage', () => 'PK\u0003\u0004 binary junk'],
		['a JSON array', () => '[1, 2, 3]'],
		['sessions as a list', (text) => text.replace(/"sessions":\{.*\}\}$/s, '"sessions":[]}')],
		['one entry without a fingerprint', (text) => text.replace('"fingerprint":"fp-7"', '"fingerprint":7')],
		['one entry with a short stats array', (text) => text.replace(/("st":\[)\d+,/, '$1')],
		['one entry with a text stat', (text) => text.replace(/("st":\[)\d+/, '$1"12"')],
		['one entry with a null stat', (text) => text.replace(/("st":\[)\d+/, '$1null')],
		['one entry with a bad port flag', (text) => text.replace('"pc":0', '"pc":true')],
		['one entry with a numeric tool name', (text) => text.replace('"tn":["read_file"]', '"tn":[5]')],
		['a non-string engine version', (text) => text.replace('"engine_version":"1.2.3"', '"engine_version":123')],
	];
	for (const [label, damage] of broken) {
		it(`sets aside a checkpoint with ${label}, and a rebuild proceeds`, async () => {
			await saveCheckpoint(path, checkpointOf(12));
			const damaged = damage(readFileSync(path, 'utf8'));
			assert.notEqual(damaged, readFileSync(path, 'utf8'), 'the damage must change the file');
			writeFileSync(path, damaged);

			const loaded = await loadCheckpoint(path, '1.2.3');
			assert.equal(loaded.checkpoint, undefined);
			assert.match(loaded.problem ?? '', /set aside/);
			assert.equal(existsSync(path), false);
			const backups = corruptBackups();
			assert.equal(backups.length, 1);
			assert.equal(readFileSync(join(dir, backups[0]), 'utf8'), damaged);

			await saveCheckpoint(path, checkpointOf(5));
			const rebuilt = await loadCheckpoint(path, '1.2.3');
			assert.equal(rebuilt.problem, null);
			assert.equal(rebuilt.checkpoint?.sessions.size, 5);
		});
	}

	it('ignores a checkpoint of another engine version, then replaces it on the next save', async () => {
		await saveCheckpoint(path, checkpointOf(4, '1.0.0'));
		const loaded = await loadCheckpoint(path, '1.2.3');
		assert.equal(loaded.checkpoint, undefined);
		assert.match(loaded.problem ?? '', /1\.0\.0/);
		assert.deepEqual(corruptBackups(), []);
		await saveCheckpoint(path, checkpointOf(2));
		assert.equal((await loadCheckpoint(path, '1.2.3')).checkpoint?.sessions.size, 2);
	});

	it('ignores a checkpoint of another schema version', async () => {
		await saveCheckpoint(path, checkpointOf(4));
		writeFileSync(path, JSON.stringify({ ...onDisk(), schema_version: 2 }));
		const loaded = await loadCheckpoint(path, '1.2.3');
		assert.equal(loaded.checkpoint, undefined);
		assert.match(loaded.problem ?? '', /schema_version/);
		assert.equal(existsSync(path), true);
	});

	it('ignores the dashboard plugin\'s own checkpoint at the same path without renaming it', async () => {
		const dashboard = {
			generated_at: 1757690000, schema_version: 1,
			sessions: { s1: { fingerprint: { last_active: 1.5, model: null, started_at: 1, title: 'x' }, stats: { message_count: 3 } } },
		};
		writeFileSync(path, JSON.stringify(dashboard));
		const loaded = await loadCheckpoint(path, '1.2.3');
		assert.equal(loaded.checkpoint, undefined);
		assert.match(loaded.problem ?? '', /dashboard/);
		assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), dashboard);
	});

	it('reads stats by name when the file lists them in another order', async () => {
		const original = checkpointOf(6);
		await saveCheckpoint(path, original);
		const file = onDisk();
		const order = [...statNames].reverse();
		const sessions = file.sessions as Record<string, { c: { st: number[] } }>;
		for (const entry of Object.values(sessions)) {
			entry.c.st = [...entry.c.st].reverse();
		}
		writeFileSync(path, JSON.stringify({ ...file, stat_names: order, sessions }));
		const { checkpoint, problem } = await loadCheckpoint(path, '1.2.3');
		assert.equal(problem, null);
		assert.deepEqual(checkpoint?.sessions, original.sessions);
	});

	it('ignores a checkpoint that lacks one of this engine\'s stats', async () => {
		await saveCheckpoint(path, checkpointOf(3));
		const file = onDisk();
		writeFileSync(path, JSON.stringify({ ...file, stat_names: [...statNames.slice(1), 'retired_stat'] }));
		const loaded = await loadCheckpoint(path, '1.2.3');
		assert.equal(loaded.checkpoint, undefined);
		assert.match(loaded.problem ?? '', /stat names/);
	});

	it('does not let concurrent saves interleave: the last one wins, whole', async () => {
		const saves = Array.from({ length: 12 }, (_, i) => saveCheckpoint(path, checkpointOf(200 + i)));
		await Promise.all(saves);
		const { checkpoint, problem } = await loadCheckpoint(path, '1.2.3');
		assert.equal(problem, null);
		assert.equal(checkpoint?.sessions.size, 211);
		assert.deepEqual(readdirSync(dir), ['scan_checkpoint.json']);
	});
	it('with the entries\' texts kept, writes what it writes without them and serializes again only replaced entries', async () => {
		const texts = new WeakMap<CheckpointEntry, string>();
		const original = checkpointOf(30);
		const withoutSavedAt = (): string => readFileSync(path, 'utf8').replace(/"saved_at":\d+,/, '');
		await saveCheckpoint(path, original);
		const plain = withoutSavedAt();
		await saveCheckpoint(path, original, texts);
		assert.equal(withoutSavedAt(), plain);

		const sessions = new Map(original.sessions);
		const [replacedId, replaced] = [...sessions][5]!;
		sessions.set(replacedId, { ...replaced, fingerprint: 'fp-read-again', contribution: contribution(replacedId, 77) });
		// An entry is never changed in place; one that is anyway shows whether its kept text was used.
		const [keptId, kept] = [...sessions][6]!;
		(kept as { fingerprint: string }).fingerprint = 'changed in place';
		await saveCheckpoint(path, { ...original, sessions }, texts);
		const { checkpoint } = await loadCheckpoint(path, '1.2.3');
		assert.equal(checkpoint?.sessions.get(replacedId)?.fingerprint, 'fp-read-again');
		assert.deepEqual(checkpoint?.sessions.get(replacedId)?.contribution, contribution(replacedId, 77));
		assert.equal(checkpoint?.sessions.get(keptId)?.fingerprint, 'fp-6');
		assert.deepEqual([...checkpoint!.sessions.keys()], [...sessions.keys()]);
	});
});
