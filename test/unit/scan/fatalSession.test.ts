// A session whose reading runs the scan worker out of memory: the process lives, the scan is run
// again in a new worker that leaves the session out, and no later scan (in this process or
// another) reads it again while it is as big.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { pluginPaths } from '../../../src/core/store/pluginPaths.ts';
import type { Snapshot } from '../../../src/core/model.ts';
import { removeDir, unpackParityHome } from '../../support/fixtures.ts';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const workerScript = join(repo, 'src', 'core', 'scan', 'scanWorker.ts');
const child = join(repo, 'test', 'support', 'workerOutOfMemoryChild.ts');
const nodeOptions = ['--disable-warning=ExperimentalWarning', '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'];

interface Attempt {
	readonly ok: boolean;
	readonly error?: string;
	readonly skipped?: Snapshot['scan_meta']['skipped'];
	readonly sessionCount?: number;
}

/**
 * A session whose `tool_calls` is a list of a million small calls: about 14 MB on disk (below the
 * read budget, above the size read under the guard), but far more once decoded into objects.
 */
function addBloatedSession(home: string): void {
	const db = new DatabaseSync(join(home, 'state.db'));
	db.exec("INSERT INTO sessions (id, source, started_at, message_count, title) VALUES ('bloated', 'cli', 1700000000, 1, 'bloated')");
	db.exec(`INSERT INTO messages (session_id, role, content, tool_calls, timestamp)
		VALUES ('bloated', 'assistant', 'calling tools', '[' || replace(hex(zeroblob(1000000)), '00', '{"name":"t"},') || '{"name":"t"}]', 1700000001)`);
	db.close();
}

describe('a session that runs the scan worker out of memory', function () {
	this.timeout(120_000);
	let home: string;

	beforeEach(() => {
		home = unpackParityHome('seed11-s30-v11-quiet');
		addBloatedSession(home);
	});
	afterEach(() => removeDir(home));

	it('does not end the process: the scan completes in a new worker, without that session, saying why', () => {
		const run = spawnSync(process.execPath, [...nodeOptions, child, home, workerScript, '48'], { encoding: 'utf8', timeout: 90_000 });
		assert.equal(run.status, 0, `the process survived its worker: ${run.stderr}`);
		const { first, second } = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as { first: Attempt; second: Attempt };
		for (const attempt of [first, second]) {
			assert.ok(attempt.ok, attempt.error);
			assert.deepEqual(attempt.skipped?.map((entry) => entry.session_id), ['bloated']);
			// Only a worker that died reading it leaves this reason behind.
			assert.match(attempt.skipped?.[0]?.reason ?? '', /stopped an earlier scan/);
			assert.equal(attempt.sessionCount, 30);
		}
		const dir = pluginPaths(home).dir;
		assert.equal(existsSync(join(dir, 'reading-session.json')), false, 'the marker was taken over');
		assert.match(readFileSync(join(dir, 'fatal-sessions.json'), 'utf8'), /bloated/);

		// Another process with the normal heap would manage, but does not try while the session is as big.
		execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' });
		const cli = spawnSync(process.execPath, [...nodeOptions, join(repo, 'dist', 'cli.js'), 'scan', '--home', home, '--json'], { encoding: 'utf8', timeout: 60_000 });
		assert.equal(cli.status, 0, cli.stderr);
		const snapshot = JSON.parse(cli.stdout) as Snapshot;
		assert.deepEqual(snapshot.scan_meta.skipped?.map((entry) => entry.session_id), ['bloated']);
		assert.equal(snapshot.aggregate.session_count, 30);
	});

	it('is read again once it has shrunk', () => {
		const run = spawnSync(process.execPath, [...nodeOptions, child, home, workerScript, '48'], { encoding: 'utf8', timeout: 90_000 });
		assert.equal(run.status, 0, run.stderr);
		const db = new DatabaseSync(join(home, 'state.db'));
		db.exec(`UPDATE messages SET tool_calls = '[{"name":"terminal"}]' WHERE session_id = 'bloated'`);
		db.close();
		// The small heap stays: the session is now small enough to read with it.
		const again = spawnSync(process.execPath, [...nodeOptions, child, home, workerScript, '48'], { encoding: 'utf8', timeout: 90_000 });
		assert.equal(again.status, 0, again.stderr);
		const { first } = JSON.parse(again.stdout.trim().split('\n').at(-1) ?? '') as { first: Attempt };
		assert.ok(first.ok, first.error);
		assert.deepEqual(first.skipped, []);
		assert.equal(first.sessionCount, 31);
	});
});
