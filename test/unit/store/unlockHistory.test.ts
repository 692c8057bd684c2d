import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Evaluation, Evidence, TierName, UnlockRecord } from '../../../src/core/model.ts';
import { pluginPaths } from '../../../src/core/store/pluginPaths.ts';
import type { UnlockHistory } from '../../../src/core/store/unlockHistory.ts';
import {
	backupUnlockHistory, loadUnlockHistory, recordUnlocks, saveUnlockHistory,
} from '../../../src/core/store/unlockHistory.ts';

function evaluation(id: string, unlocked: boolean, tier: TierName | null = unlocked ? 'Copper' : null): Evaluation {
	return {
		id, unlocked, discovered: true, state: unlocked ? 'unlocked' : 'discovered', tier,
		progress: 1, progress_pct: 1, next_tier: null, next_threshold: 1,
	};
}

function writeJson(path: string, value: unknown): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, JSON.stringify(value, null, 2));
}

const evidence: Evidence = { session_id: '20260912_101530_a1b2c3', title: 'Fix flaky test', value: 212 };

describe('store/pluginPaths', () => {
	it('names the plugin folder, its three files, and the unlock histories to take over', () => {
		const home = join('some', 'hermes');
		const paths = pluginPaths(home);
		const dir = join(home, 'plugins', 'hermes-achievements');
		assert.equal(paths.dir, dir);
		assert.equal(paths.snapshot, join(dir, 'scan_snapshot.json'));
		assert.equal(paths.checkpoint, join(dir, 'scan_checkpoint.json'));
		assert.equal(paths.unlockState, join(dir, 'state.json'));
		assert.deepEqual(paths.legacyUnlockStates, [
			join(home, 'plugin-data', 'hermes-achievements', 'state.json'),
			join(dir, 'state.json'),
		]);
	});
});

describe('store/unlockHistory', () => {
	let home: string;
	let paths: ReturnType<typeof pluginPaths>;
	let dashboardState: string;
	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'hermes-store-unlocks-'));
		paths = pluginPaths(home);
		dashboardState = join(home, 'plugin-data', 'hermes-achievements', 'state.json');
	});
	afterEach(() => rmSync(home, { recursive: true, force: true }));

	it('starts empty when no file exists, without creating one', async () => {
		const { history, problems } = await loadUnlockHistory(paths);
		assert.equal(history.size, 0);
		assert.deepEqual(problems, []);
		assert.equal(existsSync(paths.dir), false);
	});

	it('writes the dashboard plugin\'s state.json format and reads it back', async () => {
		const history: UnlockHistory = new Map<string, UnlockRecord>([
			['let_him_cook', { unlocked_at: 1757690000, tier: 'Copper', evidence }],
			['full_send', { unlocked_at: 1757680000, tier: null, evidence: null }],
		]);
		await saveUnlockHistory(paths.unlockState, history);
		const text = readFileSync(paths.unlockState, 'utf8');
		assert.deepEqual(JSON.parse(text), {
			unlocks: {
				full_send: { evidence: null, first_tier: null, unlocked_at: 1757680000 },
				let_him_cook: { evidence, first_tier: 'Copper', unlocked_at: 1757690000 },
			},
		});
		assert.ok(text.indexOf('"full_send"') < text.indexOf('"let_him_cook"'), 'ids are sorted like the dashboard writes them');
		assert.match(text, /^\{\n {2}"unlocks"/);
		const loaded = await loadUnlockHistory(paths);
		assert.deepEqual(loaded.problems, []);
		assert.deepEqual(loaded.history, history);
	});

	it('keeps unknown top-level keys of an existing state.json', async () => {
		writeJson(paths.unlockState, { unlocks: {}, dashboard_setting: { keep: true } });
		await saveUnlockHistory(paths.unlockState, new Map([['x', { unlocked_at: 5, tier: null, evidence: null }]]));
		const file = JSON.parse(readFileSync(paths.unlockState, 'utf8')) as Record<string, unknown>;
		assert.deepEqual(file.dashboard_setting, { keep: true });
		assert.deepEqual(Object.keys(file.unlocks as object), ['x']);
	});

	it('takes over the dashboard\'s plugin-data history, where an earlier date wins with its tier and evidence', async () => {
		writeJson(dashboardState, {
			unlocks: {
				let_him_cook: { unlocked_at: 1700000000, first_tier: 'Copper', evidence },
				autonomous_avalanche: { unlocked_at: 1800000000, first_tier: 'Gold', evidence: null },
				only_there: { unlocked_at: 1750000000, first_tier: null, evidence: null },
			},
		});
		writeJson(paths.unlockState, {
			unlocks: {
				let_him_cook: { unlocked_at: 1757690000, first_tier: 'Silver', evidence: { ...evidence, value: 999 } },
				autonomous_avalanche: { unlocked_at: 1757690000, first_tier: 'Copper', evidence: null },
			},
		});
		const { history, problems } = await loadUnlockHistory(paths);
		assert.deepEqual(problems, []);
		assert.deepEqual(history.get('let_him_cook'), { unlocked_at: 1700000000, tier: 'Copper', evidence });
		assert.deepEqual(history.get('autonomous_avalanche'), { unlocked_at: 1757690000, tier: 'Copper', evidence: null });
		assert.deepEqual(history.get('only_there'), { unlocked_at: 1750000000, tier: null, evidence: null });
		assert.equal(history.size, 3);
	});

	it('tolerates a BOM, an unknown tier and malformed evidence by dropping only those details', async () => {
		mkdirSync(dirname(dashboardState), { recursive: true });
		writeFileSync(dashboardState, '\uFEFF' + JSON.stringify({
			unlocks: { a: { unlocked_at: 1700000000.5, first_tier: 'Platinum', evidence: { session_id: 's', title: null, value: 3 } } },
		}));
		const { history, problems } = await loadUnlockHistory(paths);
		assert.deepEqual(problems, []);
		assert.deepEqual(history.get('a'), { unlocked_at: 1700000000.5, tier: null, evidence: null });
	});

	it('sets a corrupt state.json of ours aside and continues from the other file', async () => {
		writeJson(dashboardState, { unlocks: { kept: { unlocked_at: 1700000000, first_tier: 'Copper', evidence: null } } });
		mkdirSync(paths.dir, { recursive: true });
		writeFileSync(paths.unlockState, '{"unlocks": {"lost": {"unlocked_at": 17');
		const { history, problems } = await loadUnlockHistory(paths);
		assert.deepEqual([...history.keys()], ['kept']);
		assert.equal(problems.length, 1);
		assert.match(problems[0], /set aside/);
		assert.equal(existsSync(paths.unlockState), false);
		const backups = readdirSync(paths.dir).filter((name) => name.startsWith('state.json.corrupt-'));
		assert.equal(backups.length, 1, 'the corrupt history is kept, not deleted');
		assert.equal(readFileSync(join(paths.dir, backups[0]), 'utf8'), '{"unlocks": {"lost": {"unlocked_at": 17');
	});

	it('sets aside a state.json with the wrong shape', async () => {
		writeJson(paths.unlockState, { unlocks: { a: { unlocked_at: 'yesterday' } } });
		const { history, problems } = await loadUnlockHistory(paths);
		assert.equal(history.size, 0);
		assert.match(problems[0] ?? '', /set aside/);
		assert.equal(existsSync(paths.unlockState), false);
	});

	it('reports a corrupt dashboard history but leaves that file to the dashboard', async () => {
		mkdirSync(dirname(dashboardState), { recursive: true });
		writeFileSync(dashboardState, 'garbage');
		writeJson(paths.unlockState, { unlocks: { mine: { unlocked_at: 1757690000, first_tier: null, evidence: null } } });
		const { history, problems } = await loadUnlockHistory(paths);
		assert.deepEqual([...history.keys()], ['mine']);
		assert.equal(problems.length, 1);
		assert.match(problems[0], /ignored/);
		assert.equal(readFileSync(dashboardState, 'utf8'), 'garbage');
	});

	it('records only achievements unlocked now and not yet in the history', () => {
		const before: UnlockHistory = new Map([['old', { unlocked_at: 100, tier: 'Copper', evidence: null }]]);
		const asked: string[] = [];
		const { history, added } = recordUnlocks(
			before,
			[evaluation('old', true, 'Olympian'), evaluation('new', true, 'Gold'), evaluation('locked', false), evaluation('multi', true, null)],
			(id) => {
				asked.push(id);
				return id === 'new' ? evidence : null;
			},
			1757690000.9,
		);
		assert.deepEqual(added, ['new', 'multi']);
		assert.deepEqual(asked, ['new', 'multi']);
		assert.deepEqual(history.get('old'), { unlocked_at: 100, tier: 'Copper', evidence: null });
		assert.deepEqual(history.get('new'), { unlocked_at: 1757690000, tier: 'Gold', evidence });
		assert.deepEqual(history.get('multi'), { unlocked_at: 1757690000, tier: null, evidence: null });
		assert.equal(history.has('locked'), false);
		assert.equal(before.size, 1, 'the input history is not changed');
	});

	it('never overwrites a recorded unlock, however often it is seen again', () => {
		let history: UnlockHistory = new Map();
		history = recordUnlocks(history, [evaluation('a', true, 'Copper')], () => evidence, 1000).history;
		for (let now = 2000; now < 10000; now += 1000) {
			const result = recordUnlocks(history, [evaluation('a', true, 'Diamond')], () => null, now);
			assert.deepEqual(result.added, []);
			assert.equal(result.history, history);
		}
		assert.deepEqual(history.get('a'), { unlocked_at: 1000, tier: 'Copper', evidence });
	});

	it('records an id listed twice in one evaluation only once', () => {
		const { added } = recordUnlocks(new Map(), [evaluation('a', true), evaluation('a', true)], () => null, 1);
		assert.deepEqual(added, ['a']);
	});

	it('backs the history up for a reset, and the reset does not bring back older unlocks', async () => {
		writeJson(dashboardState, { unlocks: { from_dashboard: { unlocked_at: 1700000000, first_tier: 'Copper', evidence: null } } });
		await saveUnlockHistory(paths.unlockState, new Map([['mine', { unlocked_at: 1757690000, tier: null, evidence: null }]]));
		const saved = readFileSync(paths.unlockState, 'utf8');

		const backup = await backupUnlockHistory(paths.unlockState);
		assert.match(backup, /state\.json\.reset-.+\.bak$/);
		assert.equal(readFileSync(backup, 'utf8'), saved);
		const after = await loadUnlockHistory(paths);
		assert.deepEqual(after.problems, []);
		assert.equal(after.history.size, 0);

		const now = Math.floor(Date.now() / 1000) + 5;
		const recorded = recordUnlocks(after.history, [evaluation('mine', true)], () => null, now).history;
		await saveUnlockHistory(paths.unlockState, recorded);
		const reloaded = await loadUnlockHistory(paths);
		assert.deepEqual([...reloaded.history.keys()], ['mine']);
		assert.equal(reloaded.history.get('mine')?.unlocked_at, now);
	});

	it('returns a real backup path even when there was no history file', async () => {
		const backup = await backupUnlockHistory(paths.unlockState);
		assert.deepEqual(JSON.parse(readFileSync(backup, 'utf8')), { unlocks: {} });
		assert.equal((await loadUnlockHistory(paths)).history.size, 0);
	});
});
