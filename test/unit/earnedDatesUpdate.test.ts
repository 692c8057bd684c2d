// The earned-dates bookkeeping on its own: which kind of update each change takes, that every update
// equals a fresh computation, and that the running prefix equals the aggregate it stands in for.
// Contributions come from a committed fixture history (real SQLite), analysed once.
import assert from 'node:assert/strict';
import { analyzeSession } from '../../src/core/analysis/analyzeSession.ts';
import { SeededRandom } from '../../src/core/demo/random.ts';
import { Aggregate } from '../../src/core/engine/aggregate.ts';
import { EarnedDates, historyOrder } from '../../src/core/engine/earnedDates.ts';
import { PrefixAggregate } from '../../src/core/engine/prefixAggregate.ts';
import { catalog } from '../../src/core/catalog/catalog.ts';
import { openHistory } from '../../src/core/hermes/history.ts';
import type { Contribution } from '../../src/core/model.ts';
import { removeDir, unpackParityHome } from '../support/fixtures.ts';

type Sessions = Map<string, { contribution: Contribution }>;

function held(contributions: readonly Contribution[]): Sessions {
	return new Map(contributions.map((contribution) => [contribution.session_id, { contribution }]));
}

function everyHistory(earned: EarnedDates) {
	return { tiers: catalog.map((entry) => earned.tierHistory(entry.id)), activity: earned.activity() };
}

function fresh(sessions: Sessions) {
	const earned = new EarnedDates();
	earned.update(sessions);
	return everyHistory(earned);
}

/** A session with more of everything than any other, so it reaches tiers wherever it sits. */
function heavy(base: Contribution, id: string, startedAt: number | null): Contribution {
	const stats = Object.fromEntries(Object.entries(base.stats).map(([name, value]) => [name, value * 40 + 500])) as Contribution['stats'];
	return { ...base, session_id: id, title: `Heavy ${id}`, started_at: startedAt, stats };
}

describe('earned dates bookkeeping', function () {
	this.timeout(60_000);
	let contributions: Contribution[];

	before(() => {
		const home = unpackParityHome('seed7-s100-v17');
		const history = openHistory(home);
		try {
			contributions = history.listSessions().map((session) => analyzeSession(session, history.readMessages(session)));
		} finally {
			history.close();
			removeDir(home);
		}
	});

	it('keeps the running prefix equal to the full aggregate of the same sessions, at every step', () => {
		const prefix = new PrefixAggregate();
		const aggregate = new Aggregate();
		for (const contribution of [...contributions].sort(historyOrder)) {
			prefix.add(contribution);
			aggregate.add(contribution);
			assert.deepEqual(prefix.values(), aggregate.values(), contribution.session_id);
		}
	});

	it('takes one step for a new or changed newest session, replays for anything else, and always equals a fresh computation', () => {
		const seed = Date.now() % 100_000;
		const rng = new SeededRandom(seed);
		console.log(`      seed ${seed}`);
		const sessions = held(contributions);
		const earned = new EarnedDates();
		assert.equal(earned.update(sessions), 'appended', 'the first update of an empty history');
		assert.equal(earned.update(sessions), 'unchanged');
		const newest = Math.max(...contributions.map((c) => c.started_at ?? 0));
		for (let step = 0; step < 30; step++) {
			const ids = [...sessions.keys()];
			const target = sessions.get(rng.pick(ids))!.contribution;
			const kind = rng.pick(['newest', 'older', 'replace', 'grow-newest', 'remove'] as const);
			const newestHeld = [...sessions.values()].map((entry) => entry.contribution).sort(historyOrder).at(-1)!;
			let expected: string;
			if (kind === 'newest') {
				sessions.set(`new_${step}`, { contribution: heavy(target, `new_${step}`, newest + 60 * (step + 1)) });
				expected = 'appended';
			} else if (kind === 'older') {
				sessions.set(`old_${step}`, { contribution: heavy(target, `old_${step}`, 1_000 + step) });
				expected = 'replayed';
			} else if (kind === 'replace') {
				sessions.set(target.session_id, { contribution: heavy(target, target.session_id, target.started_at) });
				expected = target.session_id === newestHeld.session_id ? 'newest-redone' : 'replayed';
			} else if (kind === 'grow-newest') {
				// Hermes appending to the session in progress.
				sessions.set(newestHeld.session_id, { contribution: heavy(newestHeld, newestHeld.session_id, newestHeld.started_at) });
				expected = 'newest-redone';
			} else {
				sessions.delete(target.session_id);
				expected = 'replayed';
			}
			assert.equal(earned.update(sessions), expected, `seed ${seed}, step ${step} (${kind})`);
			assert.deepEqual(everyHistory(earned), fresh(sessions), `seed ${seed}, step ${step} (${kind})`);
		}
	});

	it('keeps the activity it computed when only the newest session grew (same session, same start)', () => {
		const sessions = held(contributions);
		const earned = new EarnedDates();
		earned.update(sessions);
		const before = earned.activity();
		const newest = [...contributions].sort(historyOrder).at(-1)!;
		sessions.set(newest.session_id, { contribution: heavy(newest, newest.session_id, newest.started_at) });
		assert.equal(earned.update(sessions), 'newest-redone');
		assert.equal(earned.activity(), before, 'the same object, not computed again');
		assert.deepEqual(earned.activity(), fresh(sessions).activity);
		const older = [...contributions].sort(historyOrder)[0]!;
		sessions.set(older.session_id, { contribution: heavy(older, older.session_id, (older.started_at ?? 0) - 86_400 * 400) });
		assert.equal(earned.update(sessions), 'replayed');
		assert.notEqual(earned.activity(), before);
		assert.deepEqual(earned.activity(), fresh(sessions).activity);
	});

	it('never changes a tier history it has handed out', () => {
		const sessions = held(contributions);
		const earned = new EarnedDates();
		earned.update(sessions);
		const before = catalog.map((entry) => earned.tierHistory(entry.id));
		const copies = before.map((list) => [...list]);
		const newest = Math.max(...contributions.map((c) => c.started_at ?? 0));
		sessions.set('newest', { contribution: heavy(contributions[0]!, 'newest', newest + 1) });
		assert.equal(earned.update(sessions), 'appended');
		assert.ok(catalog.some((entry, i) => earned.tierHistory(entry.id).length > before[i]!.length), 'the heavy session reached nothing');
		assert.deepEqual(before, copies);
	});

	it('orders by start time, then id, with sessions without one last and undated', () => {
		const [base] = contributions;
		const sessions = held([heavy(base!, 'b', 100), heavy(base!, 'a', 100), heavy(base!, 'undated', null)]);
		const earned = new EarnedDates();
		earned.update(sessions);
		const first = earned.tierHistory('let_him_cook')[0];
		assert.deepEqual(first, { tier: 'Copper', earned_at: 100, session_id: 'a', session_title: 'Heavy a' });
		const onlyUndated = new EarnedDates();
		onlyUndated.update(held([heavy(base!, 'undated', null)]));
		assert.equal(onlyUndated.tierHistory('let_him_cook')[0]?.earned_at, null);
		assert.deepEqual(onlyUndated.activity(), { first_session_at: null, last_session_at: null, sessions_per_day: {} });
	});
});
