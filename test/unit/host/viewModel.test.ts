import assert from 'node:assert/strict';
import { codiconFor, mappedCatalogIcons } from '../../../src/host/achievementIcons.ts';
import { toViewModel } from '../../../src/host/viewModel.ts';
import { catalog } from '../../../src/core/catalog/catalog.ts';
import { achievement, generatedAt, snapshot, status } from './snapshotBuilders.ts';

describe('toViewModel', () => {
	it('maps each achievement to a card, converting unlock times to milliseconds', () => {
		const model = toViewModel(snapshot(), status());
		const cook = model.achievements.find((a) => a.id === 'let_him_cook');
		assert.ok(cook);
		assert.equal(cook.unlockedAt, (generatedAt - 86_400 * 3) * 1000);
		assert.equal(cook.tier, 'Silver');
		assert.equal(cook.nextTier, 'Gold');
		assert.equal(cook.nextThreshold, 1200);
		assert.equal(cook.metricLabel, 'tool calls in one session');
		assert.equal(cook.icon, 'flame');
		assert.deepEqual(cook.evidence, { sessionId: '20260101_101010_abc123', title: 'Refactor the billing worker', value: 640 });
		assert.equal(model.achievements.length, 9);
	});

	it('summarises counts, the highest unlocked tier and the latest unlock', () => {
		const model = toViewModel(snapshot(), status());
		assert.deepEqual(
			{ ...model.summary, latestUnlock: undefined },
			{ unlocked: 3, total: 9, discovered: 4, secrets: 2, highestTier: 'Olympian', latestUnlock: undefined },
		);
		assert.deepEqual(model.summary.latestUnlock, {
			id: 'autonomous_avalanche', name: 'Autonomous Avalanche', tier: 'Olympian', at: (generatedAt - 3600) * 1000,
		});
		assert.deepEqual(model.categories, ['Agent Autonomy', 'Hermes Native', 'Debugging Chaos']);
	});

	it('gives away nothing about a hidden secret beyond its name ??? and hint', () => {
		const model = toViewModel(snapshot(), status());
		const hidden = model.achievements.find((a) => a.id === 'forgot_the_env_var');
		assert.ok(hidden);
		assert.equal(hidden.name, '???');
		assert.equal(hidden.nextThreshold, 0);
		assert.equal(hidden.nextTier, null);
		assert.equal(hidden.metricLabel, null);
		assert.deepEqual(hidden.requirements, []);
		assert.notEqual(hidden.icon, codiconFor('key'), 'the real icon hints at the trigger');
		// A secret that has shown a signal is an ordinary discovered card.
		const seen = model.achievements.find((a) => a.id === 'port_3000_taken');
		assert.equal(seen?.name, 'Port 3000 Is Taken');
		assert.equal(seen?.nextThreshold, 15);
	});

	it('labels each part of a multi-condition achievement with its value from the aggregate', () => {
		const model = toViewModel(snapshot(), status());
		const fullSend = model.achievements.find((a) => a.id === 'full_send');
		assert.deepEqual(fullSend?.requirements, [
			{ label: 'terminal calls in one session', value: 200, minimum: 180 },
			{ label: 'file tool calls in one session', value: 90, minimum: 120 },
			{ label: 'web and browser calls in one session', value: 15, minimum: 60 },
		]);
	});

	it('builds the scan status line from the snapshot meta and the coordinator status', () => {
		const scan = toViewModel(snapshot(), status()).scan;
		assert.deepEqual(scan, {
			state: 'FRESH', phase: 'idle', updatedAt: generatedAt * 1000, durationMs: 840, sessionsTotal: 120,
			sessionsRead: 3, sessionsReused: 117, progress: null, updatingInBackground: false, stale: false, error: null,
		});
	});

	it('reports a refresh behind a shown snapshot as updating in the background', () => {
		const scanning = { kind: 'refresh' as const, started_at: 1, sessions_done: 4, sessions_total: 10 };
		const scan = toViewModel(snapshot({ is_stale: true }), status({ state: 'SCANNING', scanning })).scan;
		assert.equal(scan.phase, 'refresh');
		assert.equal(scan.updatingInBackground, true);
		assert.equal(scan.stale, true);
		assert.deepEqual(scan.progress, { done: 4, total: 10 });
	});

	it('shows first-scan progress without claiming a background update', () => {
		const scanning = { kind: 'bootstrap' as const, started_at: 1, sessions_done: 40, sessions_total: 100 };
		const model = toViewModel(undefined, status({ state: 'SCANNING', scanning }));
		assert.equal(model.scan.phase, 'bootstrap');
		assert.equal(model.scan.updatingInBackground, false);
		assert.deepEqual(model.scan.progress, { done: 40, total: 100 });
		assert.equal(model.problem, null);
		assert.deepEqual(model.achievements, []);
	});

	it('keeps the last good snapshot and reports a failed refresh as a scan error, not a problem', () => {
		const model = toViewModel(snapshot(), status({ state: 'STALE', last_error: 'database is locked' }));
		assert.equal(model.scan.error, 'database is locked');
		assert.equal(model.problem, null);
		assert.equal(model.achievements.length, 9);
	});

	it('recognises a missing Hermes home', () => {
		const error = 'No Hermes home at /nowhere/.hermes (no state.db or sessions/ folder)';
		const model = toViewModel(undefined, status({ state: 'FAILED', last_error: error, home: '/nowhere/.hermes' }));
		assert.deepEqual(model.problem, { kind: 'no-home', home: '/nowhere/.hermes', message: error });
	});

	it('calls any other failure with nothing to show unreadable, giving the reason', () => {
		const failed = snapshot({
			error: 'file is not a database',
			scan_meta: { mode: 'failed', sessions_total: 0, sessions_rescanned: 0, sessions_reused: 0, duration_ms: 3 },
		});
		const model = toViewModel(failed, status({ state: 'STALE', last_error: 'file is not a database' }));
		assert.deepEqual(model.problem, { kind: 'unreadable', home: '/home/user/.hermes', message: 'file is not a database' });
	});

	it('reports a successful scan of an empty history as no sessions yet', () => {
		const empty = snapshot({
			achievements: [achievement({ id: 'let_him_cook' })],
			scan_meta: { mode: 'full', sessions_total: 0, sessions_rescanned: 0, sessions_reused: 0, duration_ms: 5 },
		});
		assert.equal(toViewModel(empty, status()).problem?.kind, 'no-sessions');
		const scanning = { kind: 'bootstrap' as const, started_at: 1, sessions_done: 0, sessions_total: 0 };
		assert.equal(toViewModel({ ...empty, partial: true }, status({ state: 'SCANNING', scanning })).problem, null);
	});
});

describe('codiconFor', () => {
	it('has a codicon for every icon the catalog uses', () => {
		const missing = [...new Set(catalog.map((entry) => entry.icon))].filter((name) => !mappedCatalogIcons.includes(name));
		assert.deepEqual(missing, []);
	});

	it('falls back to a neutral icon for names it does not know', () => {
		assert.equal(codiconFor('not-an-icon'), 'star-empty');
		assert.equal(codiconFor('toString'), 'star-empty');
	});
});
