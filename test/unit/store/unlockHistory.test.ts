import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Evaluation, Evidence, TierName, UnlockRecord } from '../../../src/core/model.ts';
import { pluginPaths } from '../../../src/core/store/pluginPaths.ts';
import type { UnlockHistory } from '../../../src/core/store/unlockHistory.ts';
import {
	backupUnlockHistory, commitUnlockHistory, loadUnlockHistory, recordUnlocks,
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
	it('keeps our files in a folder of our own inside the dashboard plugin\'s durable data folder', () => {
		const home = join('some', 'hermes');
		const paths = pluginPaths(home);
		const data = join(home, 'plugin-data', 'hermes-achievements');
		assert.equal(paths.dataDir, data);
		assert.equal(paths.unlockState, join(data, 'state.json'));
		assert.equal(paths.dir, join(data, 'vscode'));
		for (const file of [paths.snapshot, paths.checkpoint, paths.status, paths.unlockCopy, paths.scanLock, paths.unlockLock, paths.announced]) {
			assert.equal(dirname(file), paths.dir, `${file} is ours alone`);
		}
		assert.equal(paths.legacyUnlockState, join(home, 'plugins', 'hermes-achievements', 'state.json'));
	});
});

/** Reads a state.json-shaped file the way a person would look at it. */
function unlocksIn(path: string): Record<string, { unlocked_at: number; first_tier: string | null }> {
	return (JSON.parse(readFileSync(path, 'utf8')) as { unlocks: Record<string, { unlocked_at: number; first_tier: string | null }> }).unlocks;
}

describe('store/unlockHistory', () => {
	let home: string;
	let paths: ReturnType<typeof pluginPaths>;
	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'hermes-store-unlocks-'));
		paths = pluginPaths(home);
	});
	afterEach(() => rmSync(home, { recursive: true, force: true }));

	it('starts empty when no file exists, without creating one', async () => {
		const { history, problems, behind } = await loadUnlockHistory(paths);
		assert.equal(history.size, 0);
		assert.equal(behind, false);
		assert.deepEqual(problems, []);
		assert.equal(existsSync(paths.dataDir), false);
	});

	it('writes the dashboard plugin\'s state.json format, and our copy, and reads them back', async () => {
		const history: UnlockHistory = new Map<string, UnlockRecord>([
			['let_him_cook', { unlocked_at: 1757690000, tier: 'Copper', evidence }],
			['full_send', { unlocked_at: 1757680000, tier: null, evidence: null }],
		]);
		await commitUnlockHistory(paths, history);
		const text = readFileSync(paths.unlockState, 'utf8');
		assert.deepEqual(JSON.parse(text), {
			unlocks: {
				full_send: { evidence: null, first_tier: null, unlocked_at: 1757680000 },
				let_him_cook: { evidence, first_tier: 'Copper', unlocked_at: 1757690000 },
			},
		});
		assert.ok(text.indexOf('"full_send"') < text.indexOf('"let_him_cook"'), 'ids are sorted like the dashboard writes them');
		assert.match(text, /^\{\n {2}"unlocks"/);
		assert.deepEqual(unlocksIn(paths.unlockCopy), unlocksIn(paths.unlockState));
		const loaded = await loadUnlockHistory(paths);
		assert.deepEqual(loaded.problems, []);
		assert.equal(loaded.behind, false);
		assert.deepEqual(loaded.history, history);
	});

	it('keeps unknown top-level keys of the dashboard\'s state.json', async () => {
		writeJson(paths.unlockState, { unlocks: {}, dashboard_setting: { keep: true } });
		await commitUnlockHistory(paths, new Map([['x', { unlocked_at: 5, tier: null, evidence: null }]]));
		const file = JSON.parse(readFileSync(paths.unlockState, 'utf8')) as Record<string, unknown>;
		assert.deepEqual(file.dashboard_setting, { keep: true });
		assert.deepEqual(Object.keys(file.unlocks as object), ['x']);
	});

	it('merges every file and memory: for each achievement the earliest record wins, with its tier and evidence', async () => {
		writeJson(paths.legacyUnlockState, {
			unlocks: {
				let_him_cook: { unlocked_at: 1700000000, first_tier: 'Copper', evidence },
				only_legacy: { unlocked_at: 1750000000, first_tier: null, evidence: null },
			},
		});
		writeJson(paths.unlockState, {
			unlocks: {
				let_him_cook: { unlocked_at: 1757690000, first_tier: 'Silver', evidence: { ...evidence, value: 999 } },
				autonomous_avalanche: { unlocked_at: 1757690000, first_tier: 'Copper', evidence: null },
			},
		});
		writeJson(paths.unlockCopy, { unlocks: { autonomous_avalanche: { unlocked_at: 1757000000, first_tier: 'Gold', evidence: null } } });
		const memory: UnlockHistory = new Map([['only_memory', { unlocked_at: 1760000000, tier: null, evidence: null }]]);
		const { history, problems, behind } = await loadUnlockHistory(paths, memory);
		assert.deepEqual(problems, []);
		assert.equal(behind, true, 'the shared file lacks records the merge holds');
		assert.deepEqual(history.get('let_him_cook'), { unlocked_at: 1700000000, tier: 'Copper', evidence });
		assert.deepEqual(history.get('autonomous_avalanche'), { unlocked_at: 1757000000, tier: 'Gold', evidence: null });
		assert.deepEqual(history.get('only_legacy'), { unlocked_at: 1750000000, tier: null, evidence: null });
		assert.deepEqual(history.get('only_memory'), { unlocked_at: 1760000000, tier: null, evidence: null });
		assert.equal(history.size, 4);

		const legacyBefore = readFileSync(paths.legacyUnlockState, 'utf8');
		await commitUnlockHistory(paths, history);
		assert.equal(readFileSync(paths.legacyUnlockState, 'utf8'), legacyBefore, 'the old install folder\'s file is never written');
		assert.deepEqual(Object.keys(unlocksIn(paths.unlockState)).sort(), ['autonomous_avalanche', 'let_him_cook', 'only_legacy', 'only_memory']);
		assert.equal(unlocksIn(paths.unlockState).let_him_cook?.unlocked_at, 1700000000);
		assert.equal((await loadUnlockHistory(paths)).behind, false);
	});

	it('tolerates a BOM, an unknown tier and malformed evidence by dropping only those details', async () => {
		mkdirSync(dirname(paths.unlockState), { recursive: true });
		writeFileSync(paths.unlockState, '\uFEFF' + JSON.stringify({
			unlocks: { a: { unlocked_at: 1700000000.5, first_tier: 'Platinum', evidence: { session_id: 's', title: null, value: 3 } } },
		}));
		const { history, problems } = await loadUnlockHistory(paths);
		assert.deepEqual(problems, []);
		assert.deepEqual(history.get('a'), { unlocked_at: 1700000000.5, tier: null, evidence: null });
	});

	it('a torn state.json never resets dates: our copy carries them, and the shared file is left to its writer', async () => {
		await commitUnlockHistory(paths, new Map([['kept', { unlocked_at: 1700000000, tier: 'Copper', evidence: null }]]));
		const torn = '{\n  "unlocks": {\n    "kept": {\n      "evidence": null,\n      "first_t';
		writeFileSync(paths.unlockState, torn);
		const { history, problems } = await loadUnlockHistory(paths);
		assert.deepEqual([...history.keys()], ['kept']);
		assert.equal(history.get('kept')?.unlocked_at, 1700000000);
		assert.match(problems[0] ?? '', /ignored/);
		assert.deepEqual(readdirSync(paths.dataDir).filter((name) => name.includes('corrupt')), [], 'never set aside');

		// Written a moment ago: most likely still being written, so it is not replaced yet.
		await commitUnlockHistory(paths, new Map([['new', { unlocked_at: 1800000000, tier: null, evidence: null }]]));
		assert.equal(readFileSync(paths.unlockState, 'utf8'), torn);
		assert.deepEqual(Object.keys(unlocksIn(paths.unlockCopy)).sort(), ['kept', 'new']);

		// Still torn long after: its writer died; the merge repairs it.
		const old = new Date(Date.now() - 60_000);
		utimesSync(paths.unlockState, old, old);
		await commitUnlockHistory(paths, new Map());
		assert.deepEqual(Object.keys(unlocksIn(paths.unlockState)).sort(), ['kept', 'new']);
	});

	it('puts back records the dashboard dropped when it rewrote state.json from its own memory', async () => {
		await commitUnlockHistory(paths, new Map([['ours', { unlocked_at: 1700000000, tier: 'Gold', evidence: null }]]));
		writeJson(paths.unlockState, { unlocks: { theirs: { unlocked_at: 1710000000, first_tier: null, evidence: null } } });
		const loaded = await loadUnlockHistory(paths);
		assert.equal(loaded.behind, true);
		await commitUnlockHistory(paths, loaded.history);
		assert.deepEqual(Object.keys(unlocksIn(paths.unlockState)).sort(), ['ours', 'theirs']);
	});

	it('merges under a lock: writers in several processes at once lose no record', async function () {
		this.timeout(60_000);
		const moduleUrl = pathToFileURL(join(import.meta.dirname, '..', '..', '..', 'src', 'core', 'store', 'unlockHistory.ts')).href;
		const pathsUrl = pathToFileURL(join(import.meta.dirname, '..', '..', '..', 'src', 'core', 'store', 'pluginPaths.ts')).href;
		const script = `
			import { commitUnlockHistory } from ${JSON.stringify(moduleUrl)};
			import { pluginPaths } from ${JSON.stringify(pathsUrl)};
			const [home, writer] = process.argv.slice(1);
			for (let i = 0; i < 15; i++) {
				await commitUnlockHistory(pluginPaths(home), new Map([[\`w\${writer}_\${i}\`, { unlocked_at: 1700000000 + i, tier: null, evidence: null }]]));
			}`;
		const writers = [0, 1, 2, 3].map((writer) => runNode(['--input-type=module', '-e', script, home, String(writer)]));
		const codes = await Promise.all(writers);
		assert.deepEqual(codes, [0, 0, 0, 0]);
		const ids = Object.keys(unlocksIn(paths.unlockState));
		assert.equal(ids.length, 60, `every record of 4 writers x 15 is there (got ${ids.length})`);
		assert.deepEqual(unlocksIn(paths.unlockCopy), unlocksIn(paths.unlockState));
	});

	it('reads an unlock file again only when its identity, size or time changed, or it had just been written', async () => {
		const record = (at: number) => ({ unlocks: { first_steps: { unlocked_at: at, first_tier: null, evidence: null } } });
		const dateOf = async (): Promise<number | undefined> => (await loadUnlockHistory(paths)).history.get('first_steps')?.unlocked_at;
		// Rewritten in place at the same size, with its time put back: only a re-read can tell.
		const rewriteKeepingTime = (at: number, seconds: number): void => {
			writeFileSync(paths.unlockState, JSON.stringify(record(at), null, 2));
			utimesSync(paths.unlockState, seconds, seconds);
		};
		writeJson(paths.unlockState, record(1_700_000_100));
		const now = Math.floor(Date.now() / 1000);
		utimesSync(paths.unlockState, now, now);
		assert.equal(await dateOf(), 1_700_000_100);
		rewriteKeepingTime(1_700_000_200, now);
		assert.equal(await dateOf(), 1_700_000_200, 'a file modified just now is read each time');

		const settled = 1_700_000_000;
		rewriteKeepingTime(1_700_000_300, settled);
		assert.equal(await dateOf(), 1_700_000_300);
		rewriteKeepingTime(1_700_000_400, settled);
		assert.equal(await dateOf(), 1_700_000_300, 'an unchanged settled file is not read again');
		utimesSync(paths.unlockState, settled + 1, settled + 1);
		assert.equal(await dateOf(), 1_700_000_400);
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

	it('backs the history up for a reset, and the reset does not bring back older unlocks from any file or memory', async () => {
		writeJson(paths.legacyUnlockState, { unlocks: { from_legacy: { unlocked_at: 1700000000, first_tier: 'Copper', evidence: null } } });
		await commitUnlockHistory(paths, new Map([['mine', { unlocked_at: 1757690000, tier: null, evidence: null }]]));
		const saved = readFileSync(paths.unlockState, 'utf8');

		const backup = await backupUnlockHistory(paths);
		assert.match(backup, /state\.json\.reset-.+\.bak$/);
		assert.equal(readFileSync(backup, 'utf8'), saved);
		const stale: UnlockHistory = new Map([['mine', { unlocked_at: 1757690000, tier: null, evidence: null }]]);
		const after = await loadUnlockHistory(paths, stale);
		assert.deepEqual(after.problems, []);
		assert.equal(after.history.size, 0, 'a window that still holds the old records in memory does not bring them back');

		const now = Math.floor(Date.now() / 1000) + 5;
		const recorded = recordUnlocks(after.history, [evaluation('mine', true)], () => null, now).history;
		await commitUnlockHistory(paths, recorded);
		const reloaded = await loadUnlockHistory(paths);
		assert.deepEqual([...reloaded.history.keys()], ['mine']);
		assert.equal(reloaded.history.get('mine')?.unlocked_at, now);
	});

	it('returns a real backup path even when there was no history file', async () => {
		const backup = await backupUnlockHistory(paths);
		assert.deepEqual(JSON.parse(readFileSync(backup, 'utf8')), { unlocks: {} });
		assert.equal((await loadUnlockHistory(paths)).history.size, 0);
	});
});

function runNode(args: readonly string[]): Promise<number | null> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
		child.on('close', (code) => resolve(code));
	});
}
