import assert from 'node:assert/strict';
import { codiconFor, mappedCatalogIcons } from '../../../src/host/achievementIcons.ts';
import { quietRefreshMs, toViewModel } from '../../../src/host/viewModel.ts';
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
			partial: false, otherWindowScanning: false, unsavedMessage: null, skippedNote: null,
		});
	});

	it('reports the last scan that read something, so a check that found nothing changes nothing', () => {
		const lastRead = { at: 5_000, durationMs: 1200, sessionsRead: 120, sessionsTotal: 120, full: true };
		const read = toViewModel(snapshot(), status(), { lastRead, now: 10_000 });
		const checked = toViewModel(snapshot({
			generated_at: generatedAt + 60, scan_id: 'scan-2',
			scan_meta: { mode: 'incremental', sessions_total: 120, sessions_rescanned: 0, sessions_reused: 120, duration_ms: 3 },
		}), status(), { lastRead, now: 20_000 });
		assert.deepEqual(checked, read);
		assert.equal(read.scan.updatedAt, 5_000);
		assert.equal(read.scan.durationMs, 1200);
	});

	it('hides a background refresh during its first second: it reads as the state before it', () => {
		const scanning = { kind: 'refresh' as const, started_at: 50_000, sessions_done: 0, sessions_total: 0 };
		const before = toViewModel(snapshot(), status());
		const young = toViewModel(snapshot(), status({ state: 'SCANNING', scanning }), { now: 50_000 + quietRefreshMs - 1 });
		assert.deepEqual(young, before);
		const older = toViewModel(snapshot(), status({ state: 'SCANNING', scanning }), { now: 50_000 + quietRefreshMs });
		assert.equal(older.scan.phase, 'refresh');
		// A rebuild (the Rescan command) is shown at once.
		const rebuild = toViewModel(snapshot(), status({ state: 'SCANNING', scanning: { ...scanning, kind: 'rebuild' } }), { now: 50_000 });
		assert.equal(rebuild.scan.phase, 'rebuild');
	});

	it('maps another window\'s scan, an unsaved file and skipped sessions when the coordinator reports them', () => {
		const shared = { ...status(), other_scanner: { pid: 42, since: 1, sessions_done: 10, sessions_total: 120 }, unsaved: 'Could not save the snapshot: the folder is read-only.' };
		const meta = { mode: 'incremental' as const, sessions_total: 120, sessions_rescanned: 3, sessions_reused: 117, duration_ms: 840,
			skipped: [{ session_id: 'a', title: 'A', reason: 'too large' }, { session_id: 'b', title: 'B', reason: 'too large' }] };
		const scan = toViewModel(snapshot({ scan_meta: meta }), shared).scan;
		assert.equal(scan.otherWindowScanning, true);
		assert.equal(scan.unsavedMessage, 'Could not save the snapshot: the folder is read-only.');
		assert.equal(scan.skippedNote, '2 sessions skipped (too large)');
	});

	it('measures the progress bar as the text does: progress against the next threshold', () => {
		const model = toViewModel(snapshot(), status());
		const cook = model.achievements.find((a) => a.id === 'let_him_cook');
		assert.equal(cook?.progress, 640);
		assert.equal(cook?.nextThreshold, 1200);
		assert.equal(cook?.progressPct, 53);
		const maxed = model.achievements.find((a) => a.nextTier === null && a.requirements.length === 0 && a.state === 'unlocked');
		assert.equal(maxed?.progressPct, 100);
	});

	it('labels the demo and marks a streaming first scan as partial', () => {
		assert.equal(toViewModel(snapshot(), status(), { demo: true }).demo, true);
		assert.equal(toViewModel(snapshot(), status()).demo, false);
		const partial = toViewModel(snapshot({ partial: true }), status()).scan;
		assert.equal(partial.partial, true);
		assert.equal(partial.updatedAt, null);
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
