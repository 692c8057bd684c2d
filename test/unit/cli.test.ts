// The command line as users run it: the bundled dist/cli.js with its worker, on real files.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sha256File } from '../support/hermesStores.ts';
import { makeTempDir, removeDir, unpackParityHome } from '../support/fixtures.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');

interface CliRun {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

function runCli(...args: string[]): CliRun {
	const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', cli, ...args], {
		encoding: 'utf8',
		env: { ...process.env, TZ: 'UTC' },
		timeout: 60_000,
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function unlockStatePath(home: string): string {
	return join(home, 'plugin-data', 'hermes-achievements', 'state.json');
}

describe('command line', function () {
	this.timeout(120_000);
	let home: string;

	before(() => {
		execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' });
	});
	beforeEach(() => {
		home = unpackParityHome('seed11-s30-v11-quiet');
	});
	afterEach(() => removeDir(home));

	it('prints a readable summary and exits 0', () => {
		const run = runCli('scan', '--home', home);
		assert.equal(run.status, 0, run.stderr);
		assert.match(run.stdout, /Unlocked \d+\/60/);
		assert.match(run.stdout, /By category/);
		assert.match(run.stdout, /Closest next/);
		assert.match(run.stdout, /Scanned 30 sessions \(30 read, 0 reused\)/);
	});

	it('prints the snapshot as JSON with the dashboard payload keys, and reuses its files next time', () => {
		const first = JSON.parse(runCli('scan', '--home', home, '--json').stdout);
		for (const key of ['achievements', 'unlocked_count', 'discovered_count', 'secret_count', 'total_count', 'aggregate', 'generated_at', 'is_stale', 'scan_id', 'error', 'scan_meta']) {
			assert.ok(key in first, `missing ${key}`);
		}
		assert.equal(first.scan_meta.sessions_rescanned, 30);
		const second = JSON.parse(runCli('scan', '--home', home, '--json').stdout);
		assert.equal(second.scan_meta.mode, 'incremental');
		assert.equal(second.scan_meta.sessions_reused, 30);
		assert.equal(second.unlocked_count, first.unlocked_count);
		const full = JSON.parse(runCli('scan', '--home', home, '--full', '--json').stdout);
		assert.equal(full.scan_meta.mode, 'full');
		assert.equal(full.scan_meta.sessions_rescanned, 30);
	});

	it('lists the unlocks in earned order with their sessions, readable and as JSON', () => {
		const snapshot = JSON.parse(runCli('scan', '--home', home, '--json').stdout);
		const tierEntries = snapshot.achievements.flatMap((a: { tier_history: unknown[] }) => a.tier_history);
		assert.ok(tierEntries.length > 0, 'the fixture earned nothing');
		const timeline = JSON.parse(runCli('timeline', '--home', home, '--json').stdout);
		assert.equal(timeline.unlocks.length, tierEntries.length);
		const dates = timeline.unlocks.map((u: { earned_at: number }) => u.earned_at);
		assert.deepEqual(dates, [...dates].sort((a, b) => a - b));
		assert.equal(timeline.unlocks.at(-1).unlocked_count, snapshot.unlocked_count);
		assert.equal(timeline.first_session_at, snapshot.activity.first_session_at);
		const first = timeline.unlocks[0];
		const text = runCli('timeline', '--home', home);
		assert.equal(text.status, 0, text.stderr);
		const firstLine = text.stdout.split('\n').find((line) => line.includes(`[${first.session_id}]`));
		assert.ok(firstLine?.includes(new Date(first.earned_at * 1000).toISOString().slice(0, 10)), text.stdout);
		assert.ok(firstLine?.includes(first.name), text.stdout);
	});

	it('reports the scan status, readable and as JSON', () => {
		assert.match(runCli('status', '--home', home).stdout, /No scan has run/);
		runCli('scan', '--home', home);
		const status = JSON.parse(runCli('status', '--home', home, '--json').stdout);
		assert.equal(status.state, 'FRESH');
		assert.equal(status.counters.scans_run, 1);
		assert.match(runCli('status', '--home', home).stdout, /State: FRESH/);
	});

	it('exits 2 with the usage on bad usage', () => {
		for (const args of [['frobnicate'], ['timeline', '--full'], ['scan', '--bogus'], ['scan', '--home'], ['status', '--full'], ['scan', '--profile', 'Not A Name']]) {
			const run = runCli(...args);
			assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
			assert.match(run.stderr, /Usage:/);
		}
	});

	it('exits 1 with a one-line reason when there is no Hermes home, and creates nothing', () => {
		const missing = join(home, 'does-not-exist');
		const run = runCli('scan', '--home', missing);
		assert.equal(run.status, 1);
		assert.match(run.stderr.trim(), /^hermes-achievements: No Hermes home at .*does-not-exist/);
		assert.equal(run.stderr.trim().split('\n').length, 1);
		// The remedy is worded for the command line, not for VS Code's settings.
		assert.match(run.stderr, /--home DIR or set HERMES_HOME/);
		assert.doesNotMatch(run.stderr, /hermesAchievements\./);
		assert.equal(existsSync(missing), false);
	});

	it('treats a home without state.db as an empty history', () => {
		const empty = makeTempDir();
		try {
			const run = runCli('scan', '--home', empty, '--json');
			assert.equal(run.status, 0, run.stderr);
			assert.equal(JSON.parse(run.stdout).scan_meta.sessions_total, 0);
		} finally {
			removeDir(empty);
		}
	});

	describe('a history that stops being readable', () => {
		const damages: readonly [string, (db: string) => void, RegExp][] = [
			['a file that is not SQLite', (db) => writeFileSync(db, 'this is not a database\n'.repeat(400)), /not an SQLite database/],
			['a truncated database', (db) => truncateSync(db, 70_000), /damaged|corrupt|malformed|truncated/i],
		];
		for (const [label, damage, reason] of damages) {
			it(`${label}: exits 1 with the reason, keeps the unlock history and serves the last snapshot as stale`, () => {
				const good = JSON.parse(runCli('scan', '--home', home, '--json').stdout);
				const history = readFileSync(unlockStatePath(home));
				damage(join(home, 'state.db'));
				const damagedSum = sha256File(join(home, 'state.db'));
				const run = runCli('scan', '--home', home, '--json');
				assert.equal(run.status, 1);
				assert.match(run.stderr, reason);
				const stale = JSON.parse(run.stdout);
				assert.equal(stale.is_stale, true);
				assert.match(stale.error, reason);
				assert.equal(stale.unlocked_count, good.unlocked_count);
				assert.deepEqual(readFileSync(unlockStatePath(home)), history, 'unlock history changed');
				assert.equal(sha256File(join(home, 'state.db')), damagedSum, 'state.db was written to');
			});
		}
	});

	it('never modifies state.db', () => {
		const before = sha256File(join(home, 'state.db'));
		runCli('scan', '--home', home);
		runCli('scan', '--home', home, '--full');
		assert.equal(sha256File(join(home, 'state.db')), before);
	});

	it('repairs a corrupt state.json left behind long ago from its own copy, without setting it aside', () => {
		assert.equal(runCli('scan', '--home', home).status, 0);
		const recorded = Object.keys(JSON.parse(readFileSync(unlockStatePath(home), 'utf8')).unlocks as object).sort();
		assert.ok(recorded.length > 0, 'the fixture unlocks something');
		writeFileSync(unlockStatePath(home), '{"unlocks": {"let_him_cook": ');
		const longAgo = new Date(Date.now() - 3_600_000);
		utimesSync(unlockStatePath(home), longAgo, longAgo);
		const run = runCli('scan', '--home', home, '--json');
		assert.equal(run.status, 0, run.stderr);
		const files = readdirSync(dirname(unlockStatePath(home)));
		assert.ok(!files.some((f) => f.includes('corrupt')), files.join(', '));
		assert.deepEqual(Object.keys(JSON.parse(readFileSync(unlockStatePath(home), 'utf8')).unlocks as object).sort(), recorded);
	});

	it('waits for a locked database, then fails with a clear reason instead of hanging', async () => {
		const locker = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '-e', `
			const { DatabaseSync } = require('node:sqlite');
			const db = new DatabaseSync(process.argv[1]);
			db.exec('PRAGMA journal_mode=DELETE; BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock_probe(x);');
			process.stdout.write('locked\\n');
			setTimeout(() => {}, 60000);
		`, join(home, 'state.db')], { stdio: ['ignore', 'pipe', 'inherit'] });
		try {
			await new Promise<void>((ready, fail) => {
				locker.stdout.once('data', () => ready());
				locker.once('exit', (code) => fail(new Error(`the locking process exited (${code})`)));
			});
			const started = Date.now();
			const run = runCli('scan', '--home', home);
			assert.equal(run.status, 1);
			assert.match(run.stderr, /lock|busy/i);
			assert.ok(Date.now() - started < 30_000);
		} finally {
			locker.kill('SIGKILL');
		}
	});
});
