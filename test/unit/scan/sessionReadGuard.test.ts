import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardedReadBytes, SessionReadGuard } from '../../../src/core/scan/sessionReadGuard.ts';
import { makeTempDir, removeDir } from '../../support/fixtures.ts';

const big = guardedReadBytes;

/** The pid of a process that has ended. */
function endedPid(): number {
	const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
	return Number(run.stdout);
}

describe('session read guard', () => {
	let dir: string;
	beforeEach(() => {
		dir = join(makeTempDir('hermes-guard-'), 'data');
		mkdirSync(join(dir, '..'), { recursive: true });
	});
	afterEach(() => removeDir(join(dir, '..')));

	it('leaves no trace around a read that finishes, and marks only big sessions', () => {
		const guard = new SessionReadGuard(dir);
		guard.reading('small', big - 1);
		assert.equal(existsSync(join(dir, 'reading-session.json')), false);
		guard.reading('large', big);
		assert.match(readFileSync(join(dir, 'reading-session.json'), 'utf8'), /"large"/);
		guard.done();
		assert.equal(existsSync(join(dir, 'reading-session.json')), false);
		assert.deepEqual([...new SessionReadGuard(dir).fatalReads().keys()], []);
	});

	it('takes a marker left by an ended process as a fatal read, and keeps it', () => {
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'reading-session.json'), JSON.stringify({ session_id: 'culprit', bytes: big * 3, pid: endedPid() }));
		const fatal = new SessionReadGuard(dir).fatalReads();
		assert.deepEqual(fatal.get('culprit'), { session_id: 'culprit', bytes: big * 3 });
		assert.equal(existsSync(join(dir, 'reading-session.json')), false);
		assert.deepEqual([...new SessionReadGuard(dir).fatalReads().keys()], ['culprit']);
	});

	it('ignores the marker of another process that is still running: it is reading right now', () => {
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'reading-session.json'), JSON.stringify({ session_id: 'busy', bytes: big, pid: process.ppid }));
		assert.equal(new SessionReadGuard(dir).fatalReads().size, 0);
		assert.ok(existsSync(join(dir, 'reading-session.json')));
	});

	it('ignores files that are not its own shape', () => {
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'reading-session.json'), '{"session_id": 5}');
		writeFileSync(join(dir, 'fatal-sessions.json'), '[{"session_id": "ok", "bytes": 9}, {"bytes": 1}, "x"]');
		assert.deepEqual([...new SessionReadGuard(dir).fatalReads().keys()], ['ok']);
	});

	it('guards nothing, and fails nothing, where the folder cannot be created', () => {
		// Under a regular file: no user, root included, can make this folder.
		writeFileSync(dir, 'not a folder');
		const guard = new SessionReadGuard(join(dir, 'data'));
		guard.reading('large', big);
		guard.done();
		assert.equal(guard.fatalReads().size, 0);
	});
});
