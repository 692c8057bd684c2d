import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { analyzeSession } from '../../src/core/analysis/analyzeSession.ts';
import { generateHistory } from '../../src/core/demo/historyGenerator.ts';
import { SeededRandom } from '../../src/core/demo/random.ts';
import { Aggregate } from '../../src/core/engine/aggregate.ts';
import { EarnedDates } from '../../src/core/engine/earnedDates.ts';
import { buildSnapshot } from '../../src/core/engine/snapshot.ts';
import { openHistory } from '../../src/core/hermes/history.ts';
import type { Contribution, Snapshot } from '../../src/core/model.ts';
import { ScanEngine, engineVersion } from '../../src/core/scan/scanEngine.ts';
import { pluginPaths } from '../../src/core/store/pluginPaths.ts';
import { HistoryEditor, randomTurns } from '../support/historyEdits.ts';
import { makeTempDir, removeDir, unpackParityHome } from '../support/fixtures.ts';

/** The evaluation fields a view reads; the incremental and the from-scratch scan must agree on all. */
function evaluations(snapshot: Snapshot) {
	return snapshot.achievements.map((a) => ({
		id: a.id, state: a.state, tier: a.tier, progress: a.progress, progress_pct: a.progress_pct,
		next_tier: a.next_tier, next_threshold: a.next_threshold, unlocked: a.unlocked, discovered: a.discovered,
	}));
}

/** When each tier was earned, and by which session; a rebuild must give the very same answer. */
function earnedDates(snapshot: Snapshot) {
	return {
		achievements: snapshot.achievements.map((a) => ({
			id: a.id, earned_at: a.earned_at, earned_session_id: a.earned_session_id,
			earned_session_title: a.earned_session_title, tier_history: a.tier_history,
		})),
		activity: snapshot.activity,
	};
}

/**
 * The answer from scratch: every session read and added to a new aggregate, evaluated, nothing
 * cached and nothing written (so the engine's own files are not disturbed).
 */
function scanFromScratch(home: string): Snapshot {
	const history = openHistory(home);
	try {
		const aggregate = new Aggregate();
		const sessions = history.listSessions();
		const contributions = new Map<string, { contribution: Contribution }>();
		for (const session of sessions) {
			const contribution = analyzeSession(session, history.readMessages(session));
			aggregate.add(contribution);
			contributions.set(session.id, { contribution });
		}
		const earned = new EarnedDates();
		earned.update(contributions);
		return buildSnapshot({
			values: aggregate.values(),
			unlocks: new Map(),
			home,
			scanId: 'scratch',
			meta: { mode: 'full', sessions_total: sessions.length, sessions_rescanned: sessions.length, sessions_reused: 0, duration_ms: 0 },
			generatedAt: 0,
			partial: false,
			earned,
		});
	} finally {
		history.close();
	}
}

const models = ['anthropic/claude-sonnet-4', 'openai/gpt-5', 'gemini-2.5-pro', 'qwen3:32b', 'ollama/llama3', 'None', 'mistral-large'];
const operations = ['add', 'extend', 'rewind', 'archive', 'delete', 'title', 'model', 'blank', 'restore'] as const;
type Operation = (typeof operations)[number];

/**
 * Applies one random change and returns how many sessions an incremental scan must read again:
 * added or changed ones; archived and deleted sessions are only subtracted.
 */
function applyRandomChange(editor: HistoryEditor, rng: SeededRandom, tag: string): { operation: Operation; touched: number } {
	const ids = editor.sessionIds();
	const operation: Operation = ids.length < 6 ? 'add' : rng.pick(operations);
	const target = ids[rng.int(0, ids.length - 1)]!;
	switch (operation) {
		case 'add':
			editor.addSession({
				id: `prop_${tag}`,
				startedAt: 1_757_000_000 + rng.int(0, 5_000_000) + rng.next(),
				model: rng.chance(0.2) ? null : rng.pick(models),
				title: rng.chance(0.3) ? null : `Property session ${tag}`,
				source: rng.pick(['cli', 'telegram', 'cron']),
			}, randomTurns(rng, rng.int(1, 8)));
			return { operation, touched: 1 };
		case 'extend':
			editor.appendMessages(target, randomTurns(rng, rng.int(1, 4)));
			return { operation, touched: 1 };
		case 'rewind': {
			if (editor.activeMessageCount(target) === 0) {
				editor.appendMessages(target, randomTurns(rng, 2));
			}
			editor.rewind(target, rng.int(1, 3));
			return { operation, touched: 1 };
		}
		case 'archive':
			editor.archive(target);
			return { operation, touched: 0 };
		case 'delete':
			editor.deleteSession(target);
			return { operation, touched: 0 };
		case 'title':
			editor.setTitle(target, `Renamed ${tag}`);
			return { operation, touched: 1 };
		case 'model': {
			const current = editor.model(target);
			let model = rng.pick(models);
			if (model === current) {
				model = models[(models.indexOf(model) + 1) % models.length]!;
			}
			editor.setModel(target, model);
			return { operation, touched: 1 };
		}
		// Edits in place: nothing listed moves, so only the content check can see them.
		case 'blank':
			return { operation, touched: editor.blankAssistantText(target, rng.int(1, 3)) > 0 ? 1 : 0 };
		case 'restore':
			return { operation, touched: editor.restoreRewound(target) > 0 ? 1 : 0 };
	}
}

/** The twenty smallest sessions keep many from-scratch scans fast; every kind of change still applies. */
function smallParityHome(): string {
	const home = unpackParityHome('seed7-s100-v17');
	new HistoryEditor(home).keepSmallest(20);
	return home;
}

describe('incremental scan (property test)', function () {
	this.timeout(120_000);
	let home: string;

	beforeEach(() => {
		home = smallParityHome();
	});

	afterEach(() => {
		removeDir(home);
	});

	for (const seed of [11, 2024, 90210, 4242]) {
		it(`equals a from-scratch scan after every random change (seed ${seed})`, async () => {
			const rng = new SeededRandom(seed);
			const editor = new HistoryEditor(home);
			assert.ok(editor.hasColumn('messages', 'active'), 'the v17 fixture must have messages.active for rewinds');
			const engine = new ScanEngine(home);
			const first = await engine.scan(false);
			assert.equal(first.scan_meta.mode, 'full');
			const seen = new Set<Operation>();
			for (let step = 0; step < 25; step++) {
				const { operation, touched } = applyRandomChange(editor, rng, `${seed}_${step}`);
				seen.add(operation);
				const context = `seed ${seed}, step ${step} (${operation})`;
				const incremental = await engine.scan(false);
				const scratch = scanFromScratch(home);
				assert.equal(incremental.scan_meta.mode, 'incremental', context);
				assert.equal(incremental.scan_meta.sessions_rescanned, touched, `${context}: sessions read`);
				assert.equal(incremental.scan_meta.sessions_total, scratch.scan_meta.sessions_total, context);
				assert.equal(incremental.scan_meta.sessions_reused, incremental.scan_meta.sessions_total - touched, context);
				assert.deepEqual(incremental.aggregate, scratch.aggregate, `${context}: aggregate`);
				assert.deepEqual(evaluations(incremental), evaluations(scratch), `${context}: evaluations`);
				assert.equal(incremental.unlocked_count, scratch.unlocked_count, context);
				assert.deepEqual(earnedDates(incremental), earnedDates(scratch), `${context}: earned dates`);
			}
			assert.ok(seen.size >= 6, `the sequence exercised only ${[...seen].join(', ')}`);
		});
	}

	it('reads nothing when nothing changed', async () => {
		const engine = new ScanEngine(home);
		const first = await engine.scan(false);
		const second = await engine.scan(false);
		assert.equal(second.scan_meta.mode, 'incremental');
		assert.equal(second.scan_meta.sessions_rescanned, 0);
		assert.equal(second.scan_meta.sessions_reused, first.scan_meta.sessions_total);
		assert.deepEqual(second.aggregate, first.aggregate);
		assert.notEqual(second.scan_id, first.scan_id);
		// A new engine (a restarted worker) trusts the checkpoint and reads nothing either.
		const restarted = await new ScanEngine(home).scan(false);
		assert.equal(restarted.scan_meta.mode, 'incremental');
		assert.equal(restarted.scan_meta.sessions_rescanned, 0);
		assert.deepEqual(restarted.aggregate, first.aggregate);
	});

	it('writes a refresh checkpoint later or at a flush; a restart before that reads only those sessions again', async () => {
		const editor = new HistoryEditor(home);
		const engine = new ScanEngine(home);
		await engine.scan(false);
		const path = pluginPaths(home).checkpoint;
		const written = readFileSync(path, 'utf8');
		const target = editor.sessionIds()[0]!;
		editor.appendMessages(target, randomTurns(new SeededRandom(5), 2));
		const refreshed = await engine.scan(false);
		assert.equal(refreshed.scan_meta.sessions_rescanned, 1);
		assert.equal(readFileSync(path, 'utf8'), written, 'the checkpoint waits');
		// A process that stops now loses nothing but that one read.
		const restarted = await new ScanEngine(home).scan(false);
		assert.equal(restarted.scan_meta.sessions_rescanned, 1);
		assert.deepEqual(restarted.aggregate, refreshed.aggregate);
		await engine.flushCheckpoint();
		assert.notEqual(readFileSync(path, 'utf8'), written);
		const afterFlush = await new ScanEngine(home).scan(false);
		assert.equal(afterFlush.scan_meta.sessions_rescanned, 0);
		assert.deepEqual(afterFlush.aggregate, refreshed.aggregate);
	});

	for (const [what, change] of [
		['another engine version', (file: Record<string, unknown>) => ({ ...file, engine_version: `${engineVersion}-older` })],
		['another schema version', (file: Record<string, unknown>) => ({ ...file, schema_version: 999 })],
	] as const) {
		it(`rebuilds from scratch when the checkpoint is from ${what}`, async () => {
			const first = await new ScanEngine(home).scan(false);
			const path = pluginPaths(home).checkpoint;
			const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
			writeFileSync(path, JSON.stringify(change(file)));
			const rebuilt = await new ScanEngine(home).scan(false);
			assert.equal(rebuilt.scan_meta.mode, 'full');
			assert.equal(rebuilt.scan_meta.sessions_rescanned, first.scan_meta.sessions_total);
			assert.deepEqual(rebuilt.aggregate, first.aggregate);
			// The rebuild wrote a current checkpoint: the next engine trusts it again.
			const again = await new ScanEngine(home).scan(false);
			assert.equal(again.scan_meta.mode, 'incremental');
			assert.equal(again.scan_meta.sessions_rescanned, 0);
		});
	}
});

describe('earned dates after incremental changes', function () {
	this.timeout(120_000);
	let home: string;

	beforeEach(() => {
		home = join(makeTempDir('hermes-earned-inc-'), 'home');
		generateHistory({ home, sessions: 40, seed: 5, schema: 'v17' });
	});

	afterEach(() => {
		removeDir(join(home, '..'));
	});

	it('appending sessions, extending the oldest one and rewinding it give the rebuild\'s tier_history', async () => {
		const editor = new HistoryEditor(home);
		const engine = new ScanEngine(home);
		const initial = await engine.scan(false);
		assert.deepEqual(earnedDates(initial), earnedDates(scanFromScratch(home)), 'first scan');
		const rng = new SeededRandom(31);
		const newest = Math.max(...initial.achievements.flatMap((a) => a.tier_history.map((h) => h.earned_at ?? 0)), initial.activity.last_session_at ?? 0);
		for (let i = 0; i < 3; i++) {
			editor.addSession({ id: `newer_${i}`, startedAt: newest + 3600 * (i + 1), model: 'openai/gpt-5', title: `Newer ${i}`, source: 'cli' }, randomTurns(rng, 40));
			const appended = await engine.scan(false);
			assert.deepEqual(earnedDates(appended), earnedDates(scanFromScratch(home)), `after appending session ${i}`);
		}

		// The oldest session alone now makes 250 tool calls: it earns Let Him Cook's Copper (200 in one session).
		const oldest = editor.sessionIds().at(-1)!;
		const calls = Array.from({ length: 250 }, (_, n) => ({ id: `bulk_${n}`, type: 'function', function: { name: 'terminal', arguments: '{"command": "ls"}' } }));
		editor.appendMessages(oldest, [{ role: 'assistant', content: '', toolCalls: JSON.stringify(calls) }]);
		const extended = await engine.scan(false);
		assert.equal(extended.scan_meta.sessions_rescanned, 1);
		assert.deepEqual(earnedDates(extended), earnedDates(scanFromScratch(home)), 'after extending the oldest session');
		const cook = extended.achievements.find((a) => a.id === 'let_him_cook')!;
		assert.equal(cook.tier_history[0]?.session_id, oldest, 'the oldest session did not take over the Copper tier');

		editor.rewind(oldest, 1);
		const rewound = await engine.scan(false);
		assert.deepEqual(earnedDates(rewound), earnedDates(scanFromScratch(home)), 'after the rewind');
		assert.notEqual(rewound.achievements.find((a) => a.id === 'let_him_cook')!.tier_history[0]?.session_id, oldest);
	});
});

describe('incremental scan: edits in place', function () {
	this.timeout(120_000);
	let home: string;

	beforeEach(() => {
		home = smallParityHome();
	});

	afterEach(() => {
		removeDir(home);
	});

	function unpackCopy(from: string): string {
		const dir = makeTempDir();
		cpSync(from, dir, { recursive: true });
		return dir;
	}

	/** A session whose assistant text counts towards some value, so blanking it is visible. */
	function sessionWhoseTextCounts(editor: HistoryEditor, before: Snapshot): string {
		for (const id of editor.sessionIds()) {
			const copy = unpackCopy(home);
			try {
				new HistoryEditor(copy).blankAssistantText(id);
				if (!isDeepStrictEqual(scanFromScratch(copy).aggregate, before.aggregate)) {
					return id;
				}
			} finally {
				removeDir(copy);
			}
		}
		throw new Error('no session of the fixture has assistant text that counts');
	}

	it('In-place blanking and restoring of rewound rows: incremental equals rebuild.', async () => {
		const editor = new HistoryEditor(home);
		const engine = new ScanEngine(home);
		const first = await engine.scan(false);
		const target = sessionWhoseTextCounts(editor, first);

		assert.ok(editor.blankAssistantText(target) > 0);
		const blanked = await engine.scan(false);
		assert.notDeepEqual(blanked.aggregate, first.aggregate, 'the blanking must change some value');
		assert.equal(blanked.scan_meta.sessions_rescanned, 1);
		assert.deepEqual(blanked.aggregate, scanFromScratch(home).aggregate);
		assert.deepEqual(evaluations(blanked), evaluations(scanFromScratch(home)));

		// A rewind is listed (rewind_count); restoring the rows changes no listed column.
		const rewound = editor.sessionIds().find((id) => editor.activeMessageCount(id) >= 6)!;
		editor.rewind(rewound, 5);
		const afterRewind = await engine.scan(false);
		assert.equal(afterRewind.scan_meta.sessions_rescanned, 1);
		assert.equal(editor.restoreRewound(rewound), 5);
		const restored = await engine.scan(false);
		assert.equal(restored.scan_meta.sessions_rescanned, 1);
		assert.notDeepEqual(restored.aggregate, afterRewind.aggregate, 'restoring rows must change some value');
		assert.deepEqual(restored.aggregate, scanFromScratch(home).aggregate);

		// Nothing moved since: the next refresh reads nothing.
		assert.equal((await engine.scan(false)).scan_meta.sessions_rescanned, 0);
	});

	it('catches an edit made while no engine ran, from the checkpoint', async () => {
		const editor = new HistoryEditor(home);
		const first = await new ScanEngine(home).scan(false);
		const target = sessionWhoseTextCounts(editor, first);
		editor.blankAssistantText(target);
		const restarted = await new ScanEngine(home).scan(false);
		assert.equal(restarted.scan_meta.mode, 'incremental');
		assert.equal(restarted.scan_meta.sessions_rescanned, 1);
		assert.deepEqual(restarted.aggregate, scanFromScratch(home).aggregate);
	});

	it('compares content only when nothing listed explains a change, or when the slow cadence is due', async () => {
		const editor = new HistoryEditor(home);
		const first = await new ScanEngine(home).scan(false);
		const target = sessionWhoseTextCounts(editor, first);
		const other = editor.sessionIds().find((id) => id !== target)!;

		// An append elsewhere explains the change: the edit waits (the cadence is far away).
		const patient = new ScanEngine(home);
		await patient.scan(false);
		editor.blankAssistantText(target);
		editor.appendMessages(other, [{ role: 'user', content: 'one more thing' }]);
		const explained = await patient.scan(false);
		assert.equal(explained.scan_meta.sessions_rescanned, 1);
		assert.notDeepEqual(explained.aggregate, scanFromScratch(home).aggregate, 'the edit is not looked for yet');

		// A turn's bookkeeping on the sessions row (tokens, cost) explains a change just the same.
		const busy = new ScanEngine(home);
		await busy.scan(false);
		const third = editor.sessionIds().find((id) => id !== target && id !== other)!;
		const before = await busy.scan(false);
		editor.exec(`UPDATE messages SET content = '' WHERE session_id = '${target}' AND role = 'assistant'`);
		editor.exec(`UPDATE sessions SET api_call_count = COALESCE(api_call_count, 0) + 1, input_tokens = COALESCE(input_tokens, 0) + 900 WHERE id = '${third}'`);
		const bookkeeping = await busy.scan(false);
		assert.equal(bookkeeping.scan_meta.sessions_rescanned, 0);
		assert.deepEqual(bookkeeping.aggregate, before.aggregate, 'no content check after bookkeeping');
		// The next refresh with nothing else to explain it compares content.
		editor.exec(`INSERT OR REPLACE INTO state_meta (key, value) VALUES ('bench', '1')`);
		const quiet = await busy.scan(false);
		assert.deepEqual(quiet.aggregate, scanFromScratch(home).aggregate);

		// With the cadence due, the same situation is caught at once.
		const due = new ScanEngine(home, { contentCheckIntervalMs: 0 });
		await due.scan(false);
		editor.appendMessages(other, [{ role: 'user', content: 'and another' }]);
		editor.blankAssistantText(editor.sessionIds().find((id) => id !== other && id !== target)!);
		const caught = await due.scan(false);
		assert.deepEqual(caught.aggregate, scanFromScratch(home).aggregate);
	});
});
