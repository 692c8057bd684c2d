import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openHistory } from '../../../src/core/hermes/history.ts';
import { anotherHomeHint, HistoryError, type HistoryErrorCode } from '../../../src/core/hermes/historyError.ts';
import { makeTempDir, removeDir, unpackParityHome } from '../../support/fixtures.ts';
import { createStore, insertRow, sha256File } from '../../support/hermesStores.ts';
import { readHistoryAsUnprivileged } from '../../support/readHistoryAs.ts';

/** Opens, lists and reads every message; returns the HistoryError that stopped it. */
function failureOf(home: string): HistoryError {
	try {
		const history = openHistory(home);
		try {
			for (const session of history.listSessions()) {
				for (const message of history.readMessages(session)) {
					assert.ok(message);
				}
			}
		} finally {
			history.close();
		}
	} catch (error) {
		assert.ok(error instanceof HistoryError, `expected a HistoryError, got ${String(error)}`);
		return error;
	}
	assert.fail('reading was expected to fail');
}

function assertFails(home: string, code: HistoryErrorCode, mentions: string): void {
	const error = failureOf(home);
	assert.equal(error.code, code, error.message);
	assert.ok(error.message.includes(mentions), `"${error.message}" names ${mentions}`);
	assert.ok(!error.message.includes('\n'), 'the message is one line');
}

describe('Hermes history reader on bad input', () => {
	let home: string;
	beforeEach(() => {
		home = makeTempDir('hermes-bad-');
	});
	afterEach(() => {
		chmodSync(home, 0o700);
		removeDir(home);
	});

	it('reports a missing home, or a file in its place, as no-home', () => {
		assertFails(join(home, 'missing'), 'no-home', join(home, 'missing'));
		writeFileSync(join(home, 'file'), 'x');
		assertFails(join(home, 'file'), 'no-home', anotherHomeHint);
	});

	it('treats an existing home without state.db or session files as empty', () => {
		const history = openHistory(home);
		assert.deepEqual(history.listSessions(), []);
		assert.deepEqual(history.problems(), []);
		history.close();
	});

	it('reports a state.db that is a folder as no-database', () => {
		mkdirSync(join(home, 'state.db'));
		assertFails(home, 'no-database', join(home, 'state.db'));
	});

	it('reports a file that is not SQLite as not-sqlite, without changing it', () => {
		writeFileSync(join(home, 'state.db'), 'this is not a database\n'.repeat(200));
		const before = sha256File(join(home, 'state.db'));
		assertFails(home, 'not-sqlite', join(home, 'state.db'));
		assert.equal(sha256File(join(home, 'state.db')), before);
	});

	it('treats an empty (zero-byte) state.db as an empty history', () => {
		writeFileSync(join(home, 'state.db'), '');
		const history = openHistory(home);
		assert.deepEqual(history.listSessions(), []);
		history.close();
		assert.equal(readFileSync(join(home, 'state.db')).length, 0);
	});

	it('reports a truncated database as corrupt', () => {
		const fixtureHome = unpackParityHome('seed7-s100-v17');
		try {
			const dbPath = join(fixtureHome, 'state.db');
			const bytes = readFileSync(dbPath);
			writeFileSync(dbPath, bytes.subarray(0, Math.floor(bytes.length / 3)));
			const before = sha256File(dbPath);
			assertFails(fixtureHome, 'corrupt', dbPath);
			assert.equal(sha256File(dbPath), before);
		} finally {
			removeDir(fixtureHome);
		}
	});

	it('reports a database without the messages table, or without sessions.id, as schema', () => {
		const db = new DatabaseSync(join(home, 'state.db'));
		db.exec('CREATE TABLE sessions (id TEXT PRIMARY KEY, started_at REAL)');
		db.close();
		assertFails(home, 'schema', '"messages"');
		const other = makeTempDir('hermes-bad-');
		try {
			const odd = new DatabaseSync(join(other, 'state.db'));
			odd.exec('CREATE TABLE sessions (name TEXT); CREATE TABLE messages (session_id TEXT)');
			odd.close();
			assertFails(other, 'schema', '"id"');
		} finally {
			removeDir(other);
		}
	});

	it('never modifies state.db and creates no -wal or -shm next to a DELETE-mode store', () => {
		const db = createStore(home, 'v17', 'delete');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10 });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: 'x', timestamp: 11 });
		db.close();
		const before = sha256File(join(home, 'state.db'));
		const history = openHistory(home);
		for (const session of history.listSessions()) {
			assert.equal([...history.readMessages(session)].length, 1);
		}
		history.close();
		assert.equal(sha256File(join(home, 'state.db')), before);
		assert.equal(existsSync(join(home, 'state.db-wal')), false);
		assert.equal(existsSync(join(home, 'state.db-shm')), false);
		assert.equal(existsSync(join(home, 'state.db-journal')), false);
	});

	it('waits for a writer holding an exclusive lock in another process, then fails as locked within ~5 s', async function () {
		this.timeout(30_000);
		const db = createStore(home, 'v17', 'delete');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10 });
		db.close();
		const dbPath = join(home, 'state.db');
		const before = sha256File(dbPath);
		const writerScript = `
			const { DatabaseSync } = require('node:sqlite');
			const db = new DatabaseSync(${JSON.stringify(dbPath)});
			db.exec('BEGIN EXCLUSIVE');
			db.exec("INSERT INTO sessions (id, source, started_at) VALUES ('pending', 'cli', 11)");
			process.stdout.write('locked\\n');
			setInterval(() => {}, 1000);`;
		const writer = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '-e', writerScript], { stdio: ['ignore', 'pipe', 'inherit'] });
		try {
			await new Promise<void>((resolve, reject) => {
				writer.stdout.on('data', (chunk: Buffer) => {
					if (chunk.toString().includes('locked')) {
						resolve();
					}
				});
				writer.on('exit', (code) => reject(new Error(`writer exited early with ${String(code)}`)));
			});
			const started = Date.now();
			const error = failureOf(home);
			const waited = Date.now() - started;
			assert.equal(error.code, 'locked', error.message);
			assert.match(error.message, /locked/);
			assert.ok(error.message.includes(dbPath));
			assert.ok(waited >= 2_000, `retried for a while (${waited} ms)`);
			assert.ok(waited < 9_000, `gave up in bounded time (${waited} ms)`);
		} finally {
			writer.kill();
			await new Promise((resolve) => writer.once('exit', resolve));
		}
		const history = openHistory(home);
		assert.deepEqual(history.listSessions().map((session) => session.id), ['s']);
		history.close();
		assert.equal(sha256File(dbPath), before);
	});

	describe('permissions (checked in a child process, as "nobody" when running as root)', () => {
		beforeEach(() => {
			chmodSync(home, 0o755);
		});

		it('reports an unreadable state.db as unreadable', () => {
			const db = createStore(home, 'v17', 'delete');
			insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10 });
			db.close();
			chmodSync(join(home, 'state.db'), 0o000);
			const outcome = readHistoryAsUnprivileged(home);
			assert.equal(outcome.ok, false);
			assert.equal(outcome.ok ? '' : outcome.code, 'unreadable');
			assert.match(outcome.ok ? '' : outcome.message, /state\.db/);
		});

		it('reports a home it may not enter, or one behind such a folder, as unreadable', () => {
			chmodSync(home, 0o700);
			const outcome = readHistoryAsUnprivileged(join(home, 'inner'));
			assert.equal(outcome.ok ? 'ok' : outcome.code, 'unreadable');
			mkdirSync(join(home, 'inner'));
			chmodSync(join(home, 'inner'), 0o000);
			chmodSync(home, 0o755);
			const inner = readHistoryAsUnprivileged(join(home, 'inner'));
			assert.equal(inner.ok ? 'ok' : inner.code, 'unreadable');
		});

		it('reads a WAL-mode state.db in a folder it may not write, with no -wal or -shm beside it', () => {
			const db = createStore(home, 'v17', 'wal');
			insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10 });
			insertRow(db, 'messages', { session_id: 's', role: 'user', content: 'x', timestamp: 11 });
			insertRow(db, 'messages', { session_id: 's', role: 'assistant', content: 'y', timestamp: 12 });
			db.close();
			assert.equal(existsSync(join(home, 'state.db-wal')), false);
			assert.equal(existsSync(join(home, 'state.db-shm')), false);
			chmodSync(join(home, 'state.db'), 0o444);
			chmodSync(home, 0o555);
			const before = sha256File(join(home, 'state.db'));
			const outcome = readHistoryAsUnprivileged(home);
			assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
			assert.deepEqual(outcome.sessions, ['s']);
			assert.equal(outcome.messages, 2);
			assert.equal(existsSync(join(home, 'state.db-shm')), false);
			assert.equal(sha256File(join(home, 'state.db')), before);
		});

		it('still reports a WAL-mode state.db whose -wal it cannot use as unreadable, rather than miss what the -wal holds', () => {
			const writer = createStore(home, 'v17', 'wal');
			writer.exec('PRAGMA wal_autocheckpoint = 0');
			insertRow(writer, 'sessions', { id: 'in-wal-only', source: 'cli', started_at: 10 });
			const copy = join(home, 'copy');
			mkdirSync(copy);
			// A snapshot of the files while the writer holds them: the new row lives only in the -wal.
			writeFileSync(join(copy, 'state.db'), readFileSync(join(home, 'state.db')));
			writeFileSync(join(copy, 'state.db-wal'), readFileSync(join(home, 'state.db-wal')));
			writer.close();
			chmodSync(copy, 0o555);
			try {
				const outcome = readHistoryAsUnprivileged(copy);
				assert.equal(outcome.ok ? 'ok' : outcome.code, 'unreadable');
			} finally {
				chmodSync(copy, 0o755);
			}
		});

		it('skips unreadable legacy files and folders and reports them, reading the rest', () => {
			const db = createStore(home, 'v17', 'delete');
			insertRow(db, 'sessions', { id: 'indb', source: 'cli', started_at: 10 });
			insertRow(db, 'messages', { session_id: 'indb', role: 'user', content: 'x', timestamp: 11 });
			db.close();
			chmodSync(join(home, 'state.db'), 0o644);
			const sessionsDir = join(home, 'sessions');
			mkdirSync(sessionsDir, { mode: 0o755 });
			writeFileSync(join(sessionsDir, 'secret.jsonl'), `${JSON.stringify({ role: 'user', content: 'hidden' })}\n`, { mode: 0o000 });
			writeFileSync(join(sessionsDir, 'open.jsonl'), `${JSON.stringify({ role: 'user', content: 'visible' })}\n`, { mode: 0o644 });
			const outcome = readHistoryAsUnprivileged(home);
			assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
			assert.deepEqual(outcome.sessions, ['indb', 'open']);
			assert.equal(outcome.messages, 2);
			assert.equal(outcome.problems.length, 1);
			assert.match(outcome.problems[0] ?? '', /secret\.jsonl/);

			chmodSync(sessionsDir, 0o000);
			const blocked = readHistoryAsUnprivileged(home);
			assert.ok(blocked.ok);
			assert.deepEqual(blocked.sessions, ['indb']);
			assert.match(blocked.problems[0] ?? '', /sessions/);
			chmodSync(sessionsDir, 0o755);
		});
	});
});
