import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SeededRandom } from '../../../src/core/demo/random.ts';
import { loadCheckpoint } from '../../../src/core/store/checkpointStore.ts';
import { loadSnapshot } from '../../../src/core/store/snapshotFile.ts';

const storeUrl = (file: string): string => pathToFileURL(join(import.meta.dirname, '../../../src/core/store', file)).href;
const modelUrl = pathToFileURL(join(import.meta.dirname, '../../../src/core/model.ts')).href;

/** Rewrites a big checkpoint and a big snapshot forever; prints "ready" once both exist. */
const writerScript = `
import { statNames } from ${JSON.stringify(modelUrl)};
import { saveCheckpoint } from ${JSON.stringify(storeUrl('checkpointStore.ts'))};
import { saveSnapshot } from ${JSON.stringify(storeUrl('snapshotFile.ts'))};
const [dir] = process.argv.slice(-1);
const sessionCount = 2000;
const sessions = new Map();
for (let i = 0; i < sessionCount; i++) {
	const stats = {};
	statNames.forEach((name, k) => { stats[name] = (i + k) % 50; });
	const id = 'session_' + i;
	sessions.set(id, { fingerprint: 'fp-' + i, contentKey: null, contribution: {
		session_id: id, title: 'Session ' + i, source: 'cli', started_at: 1757672130 + i,
		last_active: 1757672901 + i, tool_names: ['read_file', 'terminal'], model_names: ['m'], port_conflict: false, stats } });
}
// Most of the time goes to writing, not to building new content.
function checkpoint(round) {
	const entry = sessions.get('session_' + (round % sessionCount));
	sessions.set('session_' + (round % sessionCount), { ...entry, fingerprint: 'fp-round-' + round });
	return { engineVersion: 'crash-test', sessions, contentCheckedAt: Date.now(), changeToken: null };
}
const achievements = [];
for (let i = 0; i < 400; i++) {
	achievements.push({ id: 'a' + i, name: 'Achievement ' + i, description: 'x'.repeat(2000), criteria: 'Requirement: ' + i,
		category: 'c', icon: 'i', kind: 'lifetime', secret: false, metric: 'm', metric_label: 'l', tiers: [1, 2, 3, 4, 5], requires: null,
		unlocked: false, discovered: true, state: 'discovered', tier: null, progress: i, progress_pct: 0, next_tier: 'Copper',
		next_threshold: 1, unlocked_at: null, unlocked_tier: null, evidence: null,
		earned_at: null, earned_session_id: null, earned_session_title: null, tier_history: [] });
}
function snapshot(round) {
	return { achievements, unlocked_count: 0, discovered_count: 400, secret_count: 0, total_count: 400, aggregate: { session_count: round },
		generated_at: 1757690000 + round, is_stale: false, scan_id: 'r' + round, error: null,
		scan_meta: { mode: 'full', sessions_total: 1, sessions_rescanned: 1, sessions_reused: 0, duration_ms: 1 }, home: 'h', partial: false,
		activity: { first_session_at: null, last_session_at: null, sessions_per_day: {} } };
}
for (let round = 0; ; round++) {
	await saveCheckpoint(dir + '/scan_checkpoint.json', checkpoint(round));
	await saveSnapshot(dir + '/scan_snapshot.json', snapshot(round));
	if (round === 0) process.stdout.write('ready\\n');
}
`;

function startWriter(dir: string): { child: ChildProcess; ready: Promise<void>; exited: Promise<void> } {
	const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', writerScript, dir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const ready = new Promise<void>((resolve, reject) => {
		child.stdout?.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('ready')) resolve();
		});
		child.once('exit', (code, signal) => reject(new Error(`writer exited early (${code ?? signal}): ${stderr}`)));
	});
	return { child, ready, exited };
}

describe('store: a writer killed mid-write', function () {
	this.timeout(120000);
	let dir: string;
	let running: ChildProcess | undefined;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'hermes-store-crash-'));
	});
	afterEach(() => {
		if (running !== undefined && running.exitCode === null && running.signalCode === null) {
			running.kill('SIGKILL');
		}
		rmSync(dir, { recursive: true, force: true });
	});

	it('never leaves a checkpoint or snapshot that fails to parse or validate', async () => {
		const rounds = 6;
		// The kill moments differ from run to run so that, over many runs, every phase of a write gets
		// hit. The seed is in every failure message; HERMES_TEST_SEED=<seed> replays the same delays.
		const seed = Number(process.env.HERMES_TEST_SEED ?? Date.now() % 2 ** 32);
		const random = new SeededRandom(seed);
		for (let round = 0; round < rounds; round++) {
			const killAfterMs = random.int(0, 399);
			const where = `seed ${seed}, round ${round}, killed ${killAfterMs} ms after the first write`;
			const { child, ready, exited } = startWriter(dir);
			running = child;
			await ready;
			await new Promise((resolve) => setTimeout(resolve, killAfterMs));
			child.kill('SIGKILL');
			await exited;
			assert.equal(child.signalCode, 'SIGKILL', `the writer was still writing when killed (${where})`);

			const checkpoint = await loadCheckpoint(join(dir, 'scan_checkpoint.json'), 'crash-test');
			assert.equal(checkpoint.problem, null, `${where}: ${checkpoint.problem}`);
			assert.equal(checkpoint.checkpoint?.sessions.size, 2000, where);
			const snapshot = await loadSnapshot(join(dir, 'scan_snapshot.json'));
			assert.equal(snapshot.problem, null, `${where}: ${snapshot.problem}`);
			assert.equal(snapshot.snapshot?.achievements.length, 400, where);
		}
		const names = readdirSync(dir);
		assert.deepEqual(names.filter((name) => name.includes('.corrupt-')), []);
		for (const name of names) {
			assert.match(name, /^scan_(checkpoint|snapshot)\.json(\.\d+\.[0-9a-f]+\.tmp)?$/, `unexpected file ${name}`);
		}
	});
});
