import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AchievementView, Snapshot } from '../../../src/core/model.ts';
import { loadSnapshot, saveSnapshot, snapshotSchemaVersion } from '../../../src/core/store/snapshotFile.ts';

function achievement(i: number): AchievementView {
	const unlocked = i % 3 === 0;
	return {
		id: `achievement_${i}`, name: `Achievement ${i}`, description: 'Does a thing.', criteria: 'Requirement: things.',
		category: 'Tool Mastery', icon: 'terminal', kind: i % 4 === 0 ? 'multi_condition' : 'lifetime', secret: i % 5 === 0,
		metric: i % 4 === 0 ? null : 'total_tool_calls', metric_label: i % 4 === 0 ? null : 'lifetime Hermes tool calls',
		tiers: i % 4 === 0 ? [] : [10, 20, 40, 80, 160], requires: i % 4 === 0 ? { total_errors: 5, git_events: 2 } : null,
		unlocked, discovered: true, state: unlocked ? 'unlocked' : 'discovered', tier: unlocked && i % 4 !== 0 ? 'Silver' : null,
		progress: 25, progress_pct: 25, next_tier: i % 4 === 0 ? null : 'Gold', next_threshold: 40,
		unlocked_at: unlocked ? 1757690000 + i : null, unlocked_tier: unlocked && i % 4 !== 0 ? 'Copper' : null,
		evidence: unlocked ? { session_id: `s${i}`, title: `Session ${i}`, value: 212 } : null,
		earned_at: unlocked ? 1757600000 + i : null, earned_session_id: unlocked ? `s${i}` : null,
		earned_session_title: unlocked ? `Session ${i}` : null,
		tier_history: unlocked ? [{ tier: i % 4 === 0 ? null : 'Copper', earned_at: 1757600000 + i, session_id: `s${i}`, session_title: `Session ${i}` }] : [],
	};
}

function snapshot(count = 60): Snapshot {
	const achievements = Array.from({ length: count }, (_, i) => achievement(i));
	return {
		achievements,
		unlocked_count: achievements.filter((a) => a.unlocked).length,
		discovered_count: achievements.filter((a) => a.state === 'discovered').length,
		secret_count: 0,
		total_count: count,
		aggregate: { session_count: 30, total_tool_calls: 25, max_messages_in_session: 14 },
		generated_at: 1757690000,
		is_stale: false,
		scan_id: 'scan-1',
		error: null,
		scan_meta: { mode: 'full', sessions_total: 30, sessions_rescanned: 30, sessions_reused: 0, duration_ms: 812 },
		home: 'example-hermes-home',
		partial: false,
		activity: { first_session_at: 1757000000, last_session_at: 1757600000, sessions_per_day: { '2025-09-04': 3, '2025-09-11': 1 } },
	};
}

describe('store/snapshotFile', () => {
	let dir: string;
	let path: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'hermes-store-snapshot-'));
		path = join(dir, 'scan_snapshot.json');
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	const corruptBackups = (): string[] => readdirSync(dir).filter((name) => name.includes('.corrupt-'));

	it('round-trips a snapshot and marks the file with its schema version', async () => {
		await saveSnapshot(path, snapshot());
		assert.equal((JSON.parse(readFileSync(path, 'utf8')) as { schema_version: unknown }).schema_version, snapshotSchemaVersion);
		const loaded = await loadSnapshot(path);
		assert.equal(loaded.problem, null);
		assert.deepEqual(loaded.snapshot, snapshot());
	});

	it('reports a missing snapshot', async () => {
		const loaded = await loadSnapshot(path);
		assert.equal(loaded.snapshot, undefined);
		assert.match(loaded.problem ?? '', /no snapshot/);
	});

	const broken: ReadonlyArray<readonly [string, (file: Record<string, unknown>) => unknown]> = [
		['achievements that are not a list', (file) => ({ ...file, achievements: {} })],
		['a text count', (file) => ({ ...file, unlocked_count: '3' })],
		['an aggregate with a text value', (file) => ({ ...file, aggregate: { session_count: 'many' } })],
		['no scan_meta', (file) => ({ ...file, scan_meta: undefined })],
		['an unknown scan mode', (file) => ({ ...file, scan_meta: { ...(file.scan_meta as object), mode: 'warp' } })],
		['an achievement with a text progress', (file) => ({
			...file, achievements: (file.achievements as Record<string, unknown>[]).map((a, i) => (i === 7 ? { ...a, progress: '25' } : a)),
		})],
		['an achievement with an unknown tier', (file) => ({
			...file, achievements: (file.achievements as Record<string, unknown>[]).map((a, i) => (i === 9 ? { ...a, tier: 'Platinum' } : a)),
		})],
		['an achievement with broken evidence', (file) => ({
			...file, achievements: (file.achievements as Record<string, unknown>[]).map((a, i) => (i === 3 ? { ...a, evidence: { session_id: 3 } } : a)),
		})],
		['a null achievement', (file) => ({ ...file, achievements: [null, ...(file.achievements as unknown[])] })],
	];
	for (const [label, damage] of broken) {
		it(`sets aside a snapshot with ${label}`, async () => {
			await saveSnapshot(path, snapshot());
			const damaged = JSON.stringify(damage(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>));
			writeFileSync(path, damaged);
			const loaded = await loadSnapshot(path);
			assert.equal(loaded.snapshot, undefined);
			assert.match(loaded.problem ?? '', /set aside/);
			assert.equal(existsSync(path), false);
			assert.equal(corruptBackups().length, 1);
		});
	}

	it('sets aside a truncated snapshot, and the next save is read back', async () => {
		await saveSnapshot(path, snapshot());
		writeFileSync(path, readFileSync(path, 'utf8').slice(0, 500));
		const loaded = await loadSnapshot(path);
		assert.equal(loaded.snapshot, undefined);
		assert.equal(corruptBackups().length, 1);
		await saveSnapshot(path, snapshot(3));
		assert.equal((await loadSnapshot(path)).snapshot?.total_count, 3);
	});

	it('ignores the dashboard plugin\'s snapshot (no schema_version) and leaves it in place', async () => {
		const dashboard = { achievements: [], sessions: [], aggregate: {}, scan_meta: { mode: 'full' }, error: null, generated_at: 1 };
		writeFileSync(path, JSON.stringify(dashboard));
		const loaded = await loadSnapshot(path);
		assert.equal(loaded.snapshot, undefined);
		assert.match(loaded.problem ?? '', /dashboard/);
		assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), dashboard);
	});

	it('ignores a snapshot of another schema version', async () => {
		await saveSnapshot(path, snapshot());
		const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
		writeFileSync(path, JSON.stringify({ ...file, schema_version: snapshotSchemaVersion + 1 }));
		const loaded = await loadSnapshot(path);
		assert.equal(loaded.snapshot, undefined);
		assert.match(loaded.problem ?? '', /schema_version/);
		assert.deepEqual(corruptBackups(), []);
	});
});
