import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { createAchievementsService, scanThreads } from '../../src/core/coordinator.ts';
import type { Snapshot } from '../../src/core/model.ts';
import type { AchievementsService, CoordinatorState, ServiceChange, UnlockNotice } from '../../src/core/service.ts';
import { pluginPaths } from '../../src/core/store/pluginPaths.ts';
import { snapshotSchemaVersion } from '../../src/core/store/snapshotFile.ts';
import { HistoryEditor } from '../support/historyEdits.ts';
import type { NewMessage } from '../support/historyEdits.ts';
import type { ParityFixture } from '../support/fixtures.ts';
import { removeDir, unpackParityHome } from '../support/fixtures.ts';
import { waitFor } from '../support/waitFor.ts';

const workerScript = resolve(import.meta.dirname, '..', '..', 'src', 'core', 'scan', 'scanWorker.ts');
const quiet: ParityFixture = 'seed11-s30-v11-quiet';
const hour = 3_600_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Resolves with the first change that satisfies `test` (checked synchronously in the listener). */
function nextChange(service: AchievementsService, test: (change: ServiceChange) => boolean): Promise<ServiceChange> {
	return new Promise((done) => {
		const subscription = service.onDidChange((change) => {
			if (test(change)) {
				subscription.dispose();
				done(change);
			}
		});
	});
}

/** A live worker thread holds a MessagePort open in the parent; a terminated one does not. */
function liveWorkerPorts(): number {
	return process.getActiveResourcesInfo().filter((resource) => resource === 'MessagePort').length;
}

function garbage(path: string): void {
	writeFileSync(path, Buffer.from('this is not a SQLite database at all, just bytes \u0000\u0001\u0002'.repeat(64)));
}

describe('scanThreads', () => {
	it('takes the asked count, else leaves one core to the editor, and is never below one', () => {
		assert.equal(scanThreads(3), 3);
		assert.equal(scanThreads(2.7), 2);
		assert.equal(scanThreads(undefined), Math.max(1, availableParallelism() - 1));
		assert.equal(scanThreads(0), Math.max(1, availableParallelism() - 1));
		assert.equal(scanThreads(Number.NaN), Math.max(1, availableParallelism() - 1));
	});
});

describe('coordinator (real worker, real fixture home)', function () {
	this.timeout(60_000);
	const homes: string[] = [];
	const services: AchievementsService[] = [];

	function home(fixture: ParityFixture = quiet): string {
		const made = unpackParityHome(fixture);
		homes.push(made);
		return made;
	}

	function service(home: string, ttlMs = hour): AchievementsService {
		const made = createAchievementsService({ home, ttlMs, workerScript });
		services.push(made);
		return made;
	}

	afterEach(() => {
		services.splice(0).forEach((s) => s.dispose());
		homes.splice(0).forEach(removeDir);
	});

	it('goes EMPTY → SCANNING (bootstrap) → FRESH → STALE, and a stale request starts one background refresh', async () => {
		const ttlMs = 1500;
		const coordinator = service(home(), ttlMs);
		const states: CoordinatorState[] = [];
		const kinds: string[] = [];
		coordinator.onDidChange(({ status }) => {
			states.push(status.state);
			if (status.scanning) kinds.push(status.scanning.kind);
		});
		assert.equal(coordinator.status().state, 'EMPTY');
		assert.equal(coordinator.current(), undefined);

		const first = await coordinator.request();
		assert.equal(first.error, null);
		assert.equal(first.partial, false);
		assert.ok(states.includes('SCANNING'));
		assert.equal(kinds[0], 'bootstrap');
		assert.equal(coordinator.status().state, 'FRESH');
		assert.equal(coordinator.status().counters.scans_run, 1);

		// Fresh: served from memory, no scan.
		const again = await coordinator.request();
		assert.equal(again.scan_id, first.scan_id);
		assert.equal(again.is_stale, false);
		assert.equal(coordinator.status().counters.scans_run, 1);

		await sleep(ttlMs + 100);
		assert.equal(coordinator.status().state, 'STALE');
		const refreshed = nextChange(coordinator, ({ status }) => status.state !== 'SCANNING' && status.counters.scans_run === 2);
		const stale = await coordinator.request();
		assert.equal(stale.scan_id, first.scan_id, 'the old snapshot is served at once');
		assert.equal(stale.is_stale, true);
		const status = coordinator.status();
		assert.equal(status.state, 'SCANNING');
		assert.equal(status.scanning?.kind, 'refresh');
		assert.equal(status.counters.stale_served, 1);

		const done = await refreshed;
		assert.equal(done.status.state, 'FRESH');
		assert.notEqual(coordinator.current()?.scan_id, first.scan_id);
		assert.equal(coordinator.current()?.scan_meta.sessions_rescanned, 0);
		assert.equal(coordinator.status().counters.scans_run, 2, 'exactly one background refresh');
	});

	it('serves the last good snapshot, marked stale with the error, when a refresh fails', async () => {
		const dir = home();
		const coordinator = service(dir);
		const good = await coordinator.request();
		rmSync(join(dir, 'state.db-wal'), { force: true });
		rmSync(join(dir, 'state.db-shm'), { force: true });
		garbage(join(dir, 'state.db'));
		const served = await coordinator.refresh();
		assert.equal(served.scan_id, good.scan_id);
		assert.deepEqual(served.aggregate, good.aggregate);
		assert.equal(served.is_stale, true);
		assert.equal(typeof served.error, 'string');
		assert.ok(served.error!.length > 0);
		const status = coordinator.status();
		assert.equal(status.state, 'STALE');
		assert.equal(status.last_error, served.error);
		assert.equal(status.counters.failures, 1);
		assert.equal(coordinator.current()?.is_stale, true);
	});

	it('gives an explicit error result and FAILED when the first scan fails', async () => {
		const dir = home();
		garbage(join(dir, 'state.db'));
		const coordinator = service(dir);
		const result = await coordinator.request();
		assert.equal(typeof result.error, 'string');
		assert.ok(result.error!.length > 0);
		assert.equal(result.scan_meta.mode, 'failed');
		assert.equal(result.unlocked_count, 0);
		assert.ok(result.achievements.every((a) => !a.unlocked && a.unlocked_at === null));
		assert.equal(coordinator.status().state, 'FAILED');
		assert.equal(coordinator.status().last_error, result.error);
		assert.equal(coordinator.status().counters.failures, 1);
	});

	it('runs exactly one scan for 100 simultaneous requests on a cold home', async () => {
		const coordinator = service(home());
		const results = await Promise.all(Array.from({ length: 100 }, () => coordinator.request()));
		const counters = coordinator.status().counters;
		assert.equal(counters.scans_run, 1);
		assert.equal(counters.requests_joined, 99);
		assert.equal(new Set(results.map((r) => r.scan_id)).size, 1);
		assert.equal(results[0]!.error, null);
	});

	it('coalesces refreshes during a scan into one follow-up that sees changes made meanwhile', async () => {
		const dir = home();
		const coordinator = service(dir);
		const editor = new HistoryEditor(dir);
		// Progress is reported only after the listing, so a session added now is unknown to this scan.
		const listed = nextChange(coordinator, ({ status }) => (status.scanning?.sessions_total ?? 0) > 0);
		const first = coordinator.request();
		await listed;
		editor.addSession({ id: 'added_during_scan', startedAt: 1_757_000_000, model: 'openai/gpt-5', title: 'Added during the scan' }, [
			{ role: 'user', content: 'hello' },
			{ role: 'assistant', content: 'hi' },
		]);
		const refreshes = Array.from({ length: 5 }, () => coordinator.refresh());
		const bootstrap = await first;
		const followUps = await Promise.all(refreshes);
		assert.equal(bootstrap.scan_meta.sessions_total, 30);
		assert.equal(coordinator.status().counters.scans_run, 2);
		assert.equal(new Set(followUps.map((r) => r.scan_id)).size, 1);
		assert.notEqual(followUps[0]!.scan_id, bootstrap.scan_id);
		assert.equal(followUps[0]!.scan_meta.sessions_total, 31);
		assert.equal(followUps[0]!.scan_meta.sessions_rescanned, 1);
		assert.equal(followUps[0]!.aggregate.session_count, 31);
	});

	it('never runs two scans at once, however often a stale view is opened', async () => {
		const ttlMs = 300;
		const coordinator = service(home(), ttlMs);
		let scanning: number | null = null;
		let overlaps = 0;
		const starts = new Set<number>();
		coordinator.onDidChange(({ status }) => {
			const startedAt = status.scanning?.started_at ?? null;
			if (startedAt !== null && scanning !== null && startedAt !== scanning) {
				overlaps++;
			}
			if (startedAt !== null) starts.add(startedAt);
			scanning = startedAt;
		});
		await coordinator.request();
		await sleep(ttlMs + 100);
		const before = coordinator.status().counters.scans_run;
		// A burst of opens at once, then more, one by one, for as long as the refresh runs.
		const served: Snapshot[] = await Promise.all(Array.from({ length: 20 }, () => coordinator.request()));
		assert.equal(coordinator.status().state, 'SCANNING');
		while (coordinator.status().scanning) {
			served.push(await coordinator.request());
			await sleep(2);
		}
		assert.ok(served.every((s) => s.is_stale && s.scan_id === served[0]!.scan_id));
		assert.equal(overlaps, 0);
		assert.equal(coordinator.status().counters.scans_run - before, 1, 'one refresh for all the stale opens');
		assert.equal(starts.size, 2);
	});

	it('rebuilds everything on rescan()', async () => {
		const coordinator = service(home());
		const first = await coordinator.request();
		await sleep(20);
		const rebuilt = await coordinator.rescan();
		assert.equal(rebuilt.scan_meta.mode, 'full');
		assert.equal(rebuilt.scan_meta.sessions_rescanned, rebuilt.scan_meta.sessions_total);
		assert.equal(rebuilt.scan_meta.sessions_total, 30);
		assert.notEqual(rebuilt.scan_id, first.scan_id);
		assert.ok(rebuilt.generated_at > first.generated_at);
		assert.deepEqual(rebuilt.aggregate, first.aggregate);
		assert.equal(coordinator.status().counters.scans_run, 2);
	});

	it('serves the persisted snapshot after a restart without scanning', async () => {
		const dir = home();
		const before = service(dir);
		const first = await before.request();
		await before.flush(); // results are persisted after they are delivered
		before.dispose();
		const after = service(dir);
		const served = await after.request();
		assert.equal(served.scan_id, first.scan_id);
		assert.deepEqual(served.aggregate, first.aggregate);
		assert.equal(after.status().counters.scans_run, 0);
		assert.equal(after.status().state, 'FRESH');
	});

	describe('damaged files', () => {
		const truncate = (path: string) => writeFileSync(path, readFileSync(path, 'utf8').slice(0, 200));
		const scramble = (path: string) => writeFileSync(path, Buffer.from([0xff, 0xfe, 0x00, 0x42, 0x13, 0x37]));
		const damages: readonly (readonly [string, (path: string) => void, (path: string) => void])[] = [
			['a truncated snapshot and a garbage checkpoint', truncate, scramble],
			['a garbage snapshot and a half-written checkpoint', scramble, truncate],
		];
		for (const [what, damageSnapshot, damageCheckpoint] of damages) {
			it(`sets ${what} aside and rebuilds`, async () => {
				const dir = home();
				const paths = pluginPaths(dir);
				const original = service(dir);
				const first = await original.request();
				await original.flush(); // results are persisted after they are delivered
				original.dispose();
				damageSnapshot(paths.snapshot);
				damageCheckpoint(paths.checkpoint);
				const restarted = service(dir);
				const result = await restarted.request();
				assert.equal(result.error, null);
				assert.notEqual(result.scan_id, first.scan_id);
				assert.deepEqual(result.aggregate, first.aggregate);
				assert.equal(result.scan_meta.mode, 'full', 'an unreadable checkpoint means reading everything again');
				const names = readdirSync(paths.dir);
				assert.ok(names.some((name) => name.startsWith('snapshot.json.corrupt-')), names.join(', '));
				assert.ok(names.some((name) => name.startsWith('checkpoint.json.corrupt-')), names.join(', '));
				// The rebuilt files are good again: a further restart serves them without scanning.
				await restarted.flush(); // results are persisted after they are delivered
				restarted.dispose();
				const third = service(dir);
				assert.equal((await third.request()).scan_id, result.scan_id);
				assert.equal(third.status().counters.scans_run, 0);
			});
		}

		it('replaces files of another schema version without trusting them', async () => {
			const dir = home();
			const paths = pluginPaths(dir);
			const original = service(dir);
			const first = await original.request();
			await original.flush(); // results are persisted after they are delivered
			original.dispose();
			for (const path of [paths.snapshot, paths.checkpoint]) {
				const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
				writeFileSync(path, JSON.stringify({ ...file, schema_version: 99 }));
			}
			const restarted = service(dir);
			const result = await restarted.request();
			assert.notEqual(result.scan_id, first.scan_id);
			assert.equal(result.scan_meta.mode, 'full');
			assert.deepEqual(result.aggregate, first.aggregate);
			await restarted.flush();
			assert.equal((JSON.parse(readFileSync(paths.snapshot, 'utf8')) as { schema_version: number }).schema_version, snapshotSchemaVersion);
		});
	});

	it('never records unlocks from the partial snapshots of a cold scan', async () => {
		const dir = home('seed7-s100-v11');
		// Twice the history, so the cold scan lasts long enough to stream partial results.
		new HistoryEditor(dir).duplicateSessions('copy_');
		const statePath = pluginPaths(dir).unlockState;
		const coordinator = service(dir);
		const partials: Snapshot[] = [];
		let stateWrittenDuringPartial = false;
		coordinator.onDidChange(({ snapshot }) => {
			if (snapshot?.partial) {
				partials.push(snapshot);
				stateWrittenDuringPartial ||= existsSync(statePath);
			}
		});
		const result = await coordinator.request();
		assert.ok(partials.length > 0, 'the cold scan streamed no partial snapshot');
		assert.equal(stateWrittenDuringPartial, false);
		for (const partial of partials) {
			assert.equal(partial.scan_meta.mode, 'in_progress');
			assert.ok(partial.achievements.every((a) => a.unlocked_at === null));
			assert.ok(partial.aggregate.session_count! <= result.aggregate.session_count!);
		}
		assert.equal(result.partial, false);
		assert.equal(result.aggregate.session_count, 200);
		assert.ok(existsSync(statePath));
		assert.ok(result.unlocked_count > 0);
		assert.ok(result.achievements.filter((a) => a.unlocked).every((a) => typeof a.unlocked_at === 'number'));
	});

	it('announces an unlock after a refresh, never after the first scan', async () => {
		const dir = home();
		const coordinator = service(dir);
		const notices: (readonly UnlockNotice[])[] = [];
		coordinator.onDidUnlock((n) => notices.push(n));
		const first = await coordinator.request();
		assert.ok(first.unlocked_count > 0);
		assert.equal(notices.length, 0, 'the first scan announces nothing');

		// The cheapest locked achievement one new session can unlock.
		const reachable = first.achievements
			.filter((a) => !a.unlocked && a.kind !== 'multi_condition' && a.metric !== null)
			.flatMap((a) => {
				const metric = a.metric!;
				if (metric === 'max_messages_in_session') return [{ a, messages: a.next_threshold, calls: 0 }];
				if (metric === 'max_tool_calls_in_session') return [{ a, messages: 1, calls: a.next_threshold }];
				if (metric === 'total_tool_calls') return [{ a, messages: 1, calls: a.next_threshold - a.progress }];
				return [];
			})
			.sort((x, y) => x.messages + x.calls - (y.messages + y.calls));
		const target = reachable[0];
		assert.ok(target, 'the fixture has no locked message or tool-call achievement to reach');
		const messages: NewMessage[] = Array.from({ length: Math.max(0, target.messages - 1) }, () => ({ role: 'user', content: 'hello again' }));
		const calls = Array.from({ length: target.calls }, (_, i) => ({ id: `c${i}`, type: 'function', function: { name: 'noop_probe', arguments: '{}' } }));
		messages.push({ role: 'assistant', content: '', toolCalls: JSON.stringify(calls) });
		new HistoryEditor(dir).addSession({ id: 'unlocking_session', startedAt: 1_757_100_000, model: null, title: 'Unlocking session' }, messages);

		const refreshed = await coordinator.refresh();
		const unlocked = refreshed.achievements.find((a) => a.id === target.a.id)!;
		assert.equal(unlocked.unlocked, true);
		assert.equal(typeof unlocked.unlocked_at, 'number');
		assert.equal(notices.length, 1);
		const notice = notices[0]!.find((n) => n.id === target.a.id);
		assert.ok(notice, JSON.stringify(notices));
		assert.equal(notice.previous_tier, null);
		assert.equal(notice.tier, unlocked.tier);

		// Nothing new: no further announcement.
		await coordinator.refresh();
		assert.equal(notices.length, 1);
	});

	it('keeps the first unlock time across rescans, and resetHistory() backs it up and records afresh', async () => {
		const dir = home();
		const statePath = pluginPaths(dir).unlockState;
		const original = service(dir);
		await original.request();
		await original.flush(); // results are persisted after they are delivered
		original.dispose();
		// Backdate the recorded unlocks, so "kept" and "recorded afresh" are told apart by value.
		const longAgo = 1_600_000_000;
		const state = JSON.parse(readFileSync(statePath, 'utf8')) as { unlocks: Record<string, { unlocked_at: number }> };
		const ids = Object.keys(state.unlocks);
		assert.ok(ids.length > 0);
		for (const id of ids) state.unlocks[id]!.unlocked_at = longAgo;
		writeFileSync(statePath, JSON.stringify(state));

		const coordinator = service(dir);
		const rebuilt = await coordinator.rescan();
		for (const id of ids) {
			assert.equal(rebuilt.achievements.find((a) => a.id === id)?.unlocked_at, longAgo, id);
		}

		const startedReset = Math.floor(Date.now() / 1000);
		const backup = await coordinator.resetHistory();
		assert.ok(existsSync(backup), backup);
		const saved = JSON.parse(readFileSync(backup, 'utf8')) as { unlocks: Record<string, { unlocked_at: number }> };
		assert.equal(saved.unlocks[ids[0]!]?.unlocked_at, longAgo);
		const afresh = coordinator.current()!;
		const unlockedNow = afresh.achievements.filter((a) => a.unlocked);
		assert.ok(unlockedNow.length > 0);
		for (const a of unlockedNow) {
			assert.ok(a.unlocked_at !== null && a.unlocked_at >= startedReset, `${a.id}: ${String(a.unlocked_at)}`);
		}
		const rewritten = JSON.parse(readFileSync(statePath, 'utf8')) as { unlocks: Record<string, { unlocked_at: number }> };
		assert.ok(Object.values(rewritten.unlocks).every((u) => u.unlocked_at >= startedReset));
	});

	it('cancels cleanly when disposed during a scan', async () => {
		const rejections: unknown[] = [];
		const onRejection = (reason: unknown) => void rejections.push(reason);
		process.on('unhandledRejection', onRejection);
		try {
			const dir = home('seed7-s100-v11');
			const coordinator = service(dir);
			const scanning = nextChange(coordinator, ({ status }) => (status.scanning?.sessions_done ?? 0) > 0);
			const pending = coordinator.request();
			await scanning;
			const workersBefore = liveWorkerPorts();
			assert.ok(workersBefore > 0, 'the scan worker should be alive mid-scan');
			coordinator.dispose();
			const settled = await Promise.race([pending.then(() => 'settled', () => 'settled'), sleep(5000).then(() => 'hung')]);
			assert.equal(settled, 'settled');
			const result = await pending;
			assert.equal(result.partial, false);
			assert.ok(result.error, 'a cancelled bootstrap resolves with an error result');
			assert.equal(result.scan_meta.mode, 'failed');
			// Termination is asynchronous: wait for the worker's port to close, not for a fixed time.
			await waitFor('the scan worker to be terminated', () => (liveWorkerPorts() === workersBefore - 1 ? true : undefined), 5000, liveWorkerPorts);
			assert.deepEqual(rejections, []);
		} finally {
			process.off('unhandledRejection', onRejection);
		}
	});

	it('answers in the shape of the dashboard’s /achievements payload', async () => {
		const result = await service(home()).request();
		for (const key of ['achievements', 'unlocked_count', 'discovered_count', 'secret_count', 'total_count', 'aggregate', 'generated_at', 'is_stale', 'scan_id', 'error', 'scan_meta']) {
			assert.ok(key in result, key);
		}
		assert.deepEqual(Object.keys(result.scan_meta).sort(), ['duration_ms', 'joined', 'mode', 'sessions_rescanned', 'sessions_reused', 'sessions_total', 'skipped']);
		assert.equal(result.total_count, result.achievements.length);
		assert.equal(result.total_count, 60);
		assert.equal(result.unlocked_count + result.discovered_count + result.secret_count, result.total_count);
		assert.equal(typeof result.generated_at, 'number');
		assert.ok(Math.abs(result.generated_at - Date.now() / 1000) < 120, 'generated_at is Unix seconds');
		for (const a of result.achievements) {
			for (const key of ['id', 'name', 'description', 'category', 'icon', 'tier', 'progress', 'next_tier', 'next_threshold', 'progress_pct', 'unlocked', 'discovered', 'state', 'criteria', 'unlocked_at', 'evidence']) {
				assert.ok(key in a, `${a.id}.${key}`);
			}
			assert.ok(['unlocked', 'discovered', 'secret'].includes(a.state));
		}
		// The wire form survives JSON, as it does through the dashboard's HTTP endpoint.
		assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
	});
});
