import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parsePyJson } from '../../../src/core/analysis/pyJson.ts';
import { openHistory, readTranscript } from '../../../src/core/hermes/history.ts';
import type { HermesMessage, SessionInfo } from '../../../src/core/model.ts';
import { expectedParity, makeTempDir, parityFixtures, removeDir, unpackParityHome } from '../../support/fixtures.ts';
import { createStore, insertRow, type SchemaVariant, sha256File } from '../../support/hermesStores.ts';

/** A JSON value as the Python-exact decoder returns it (its shapes are tested in pyJson.test.ts). */
function py(value: unknown): unknown {
	return parsePyJson(JSON.stringify(value));
}

function messagesOf(home: string, id: string): HermesMessage[] {
	const history = openHistory(home);
	try {
		const session = history.listSessions().find((candidate) => candidate.id === id);
		assert.ok(session, `session ${id} is listed`);
		return [...history.readMessages(session)];
	} finally {
		history.close();
	}
}

function listed(home: string): SessionInfo[] {
	const history = openHistory(home);
	try {
		return history.listSessions();
	} finally {
		history.close();
	}
}

describe('Hermes history reader', () => {
	let home: string;
	beforeEach(() => {
		home = makeTempDir('hermes-history-');
	});
	afterEach(() => {
		removeDir(home);
	});

	for (const name of parityFixtures) {
		it(`lists the sessions of ${name} exactly as the reference does, without touching state.db`, () => {
			const fixtureHome = unpackParityHome(name);
			try {
				const before = sha256File(join(fixtureHome, 'state.db'));
				const sessions = listed(fixtureHome);
				const expected = expectedParity(name).sessions;
				assert.deepEqual(
					sessions.map((session) => ({ session_id: session.id, title: session.title, last_active: session.lastActive, started_at: session.startedAt, source: session.source })),
					expected.map((session) => ({ session_id: session.session_id, title: session.title, last_active: session.last_active, started_at: session.started_at, source: session.source })),
				);
				assert.ok(sessions.every((session) => session.origin === 'state.db'));
				assert.equal(new Set(sessions.map((session) => session.fingerprint)).size, sessions.length);
				assert.equal(sha256File(join(fixtureHome, 'state.db')), before);
			} finally {
				removeDir(fixtureHome);
			}
		});
	}

	it('reads the message counts the reference analysed on a parity fixture', () => {
		const fixtureHome = unpackParityHome('seed7-s100-v17');
		try {
			const history = openHistory(fixtureHome);
			const expected = new Map(expectedParity('seed7-s100-v17').sessions.map((session) => [session.session_id, session.message_count]));
			for (const session of history.listSessions().slice(0, 10)) {
				assert.equal([...history.readMessages(session)].length, expected.get(session.id));
			}
			history.close();
		} finally {
			removeDir(fixtureHome);
		}
	});

	const variants: SchemaVariant[] = ['v1', 'v11', 'v17', 'v31'];
	for (const variant of variants) {
		it(`reads a ${variant} store: titles, preview, order, decoding`, () => {
			const db = createStore(home, variant);
			const titled: Record<string, string> = variant === 'v1' ? {} : { title: 'Named' };
			insertRow(db, 'sessions', { id: 'a', source: 'cli', model: 'm1', started_at: 100, ...titled });
			insertRow(db, 'sessions', { id: 'b', source: 'telegram', model: '', started_at: 300 });
			insertRow(db, 'sessions', { id: 'c', source: 'cli', started_at: 200 });
			insertRow(db, 'messages', { session_id: 'b', role: 'system', content: 'ignored for preview', timestamp: 301 });
			insertRow(db, 'messages', { session_id: 'b', role: 'user', content: '  \ufeffline one\nline two  ', timestamp: 302 });
			insertRow(db, 'messages', { session_id: 'b', role: 'assistant', content: 'ok', tool_calls: '[{"id":"1","type":"function","function":{"name":"terminal","arguments":"{}"}}]', timestamp: 303 });
			insertRow(db, 'messages', { session_id: 'b', role: 'tool', content: '\u0000json:[{"type":"text","text":"hi"}]', tool_name: 'terminal', timestamp: 304 });
			insertRow(db, 'messages', { session_id: 'a', role: 'user', content: 'x'.repeat(70), timestamp: 101 });
			db.close();
			const sessions = listed(home);
			assert.deepEqual(sessions.map((session) => session.id), ['b', 'c', 'a']);
			assert.deepEqual(sessions.map((session) => session.title), ['\ufeffline one line two', 'Untitled', variant === 'v1' ? `${'x'.repeat(60)}...` : 'Named']);
			assert.deepEqual(sessions.map((session) => session.model), [null, null, 'm1']);
			assert.deepEqual(sessions.map((session) => session.lastActive), [304, 200, 101]);
			assert.deepEqual(messagesOf(home, 'b'), [
				{ role: 'system', content: 'ignored for preview', toolCalls: [], toolName: null },
				{ role: 'user', content: '  \ufeffline one\nline two  ', toolCalls: [], toolName: null },
				{ role: 'assistant', content: 'ok', toolCalls: py([{ id: '1', type: 'function', function: { name: 'terminal', arguments: '{}' } }]), toolName: null },
				{ role: 'tool', content: py([{ type: 'text', text: 'hi' }]), toolCalls: [], toolName: 'terminal' },
			]);
		});
	}

	it('leaves out archived and hidden sessions and inactive messages, in id order (v31)', () => {
		const db = createStore(home, 'v31');
		insertRow(db, 'sessions', { id: 'live', source: 'cli', started_at: 10, title: 'Live' });
		insertRow(db, 'sessions', { id: 'archived', source: 'cli', started_at: 11, archived: 1 });
		insertRow(db, 'sessions', { id: 'hidden', source: 'cli', started_at: 12, hidden: 1 });
		insertRow(db, 'messages', { session_id: 'live', role: 'user', content: 'second', timestamp: 50 });
		insertRow(db, 'messages', { session_id: 'live', role: 'user', content: 'rewound', timestamp: 60, active: 0 });
		insertRow(db, 'messages', { session_id: 'live', role: 'user', content: 'third', timestamp: 40 });
		db.close();
		assert.deepEqual(listed(home).map((session) => session.id), ['live']);
		assert.deepEqual(messagesOf(home, 'live').map((message) => message.content), ['second', 'third']);
	});

	it('orders messages by timestamp, then id, when there is no active column (v11)', () => {
		const db = createStore(home, 'v11');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10 });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: 'late', timestamp: 50 });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: 'early', timestamp: 40 });
		db.close();
		assert.deepEqual(messagesOf(home, 's').map((message) => message.content), ['early', 'late']);
		assert.equal(listed(home)[0]?.title, 'early');
	});

	it('gives a multimodal first user message the reference preview "" (SQLite stops at NUL)', () => {
		const db = createStore(home, 'v17');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10 });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: '\u0000json:[{"type":"text","text":"look"}]', timestamp: 11 });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: 'plain text later', timestamp: 12 });
		db.close();
		assert.equal(listed(home)[0]?.title, 'Untitled');
	});

	it('cuts previews at 60 code points, not UTF-16 units, and strips like Python', () => {
		const db = createStore(home, 'v17');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10 });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: `\x1c${'🚀'.repeat(70)}`, timestamp: 11 });
		db.close();
		assert.equal(listed(home)[0]?.title, `${'🚀'.repeat(60)}...`);
	});

	it('keeps NUL bytes, decodes \\u0001json, and tolerates NULL, empty and invalid JSON', () => {
		const db = createStore(home, 'v17');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10, title: 'T' });
		insertRow(db, 'messages', { session_id: 's', role: 'tool', content: 'a\u0000b\u0000c', timestamp: 11 });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: '\u0001json:{"k":[1,2]}', timestamp: 12 });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: '\u0000json:{broken', tool_calls: '{not json', timestamp: 13 });
		insertRow(db, 'messages', { session_id: 's', role: 'assistant', content: null, tool_calls: '{"id":"not a list"}', timestamp: 14 });
		insertRow(db, 'messages', { session_id: 's', role: 'assistant', content: '', tool_calls: '', timestamp: 15 });
		db.close();
		assert.deepEqual(messagesOf(home, 's'), [
			{ role: 'tool', content: 'a\u0000b\u0000c', toolCalls: [], toolName: null },
			{ role: 'user', content: py({ k: [1, 2] }), toolCalls: [], toolName: null },
			{ role: 'user', content: '\u0000json:{broken', toolCalls: [], toolName: null },
			{ role: 'assistant', content: null, toolCalls: [], toolName: null },
			{ role: 'assistant', content: '', toolCalls: [], toolName: null },
		]);
	});

	it('decodes invalid UTF-8 with replacement characters instead of failing', () => {
		const db = createStore(home, 'v17');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10 });
		db.exec("INSERT INTO messages (session_id, role, content, timestamp) VALUES ('s', 'user', CAST(X'6869FF21' AS TEXT), 11)");
		db.exec("INSERT INTO messages (session_id, role, content, timestamp) VALUES ('s', 'user', X'C3A9FE', 12)");
		db.close();
		assert.equal(listed(home)[0]?.title, 'hi\ufffd!');
		assert.deepEqual(messagesOf(home, 's').map((message) => message.content), ['hi\ufffd!', 'é\ufffd']);
	});

	it('reads a 50 MB message whole', function () {
		this.timeout(60_000);
		const db = createStore(home, 'v17');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10, title: 'Big' });
		const big = `${'0123456789'.repeat(5 * 1024 * 1024)}end`;
		insertRow(db, 'messages', { session_id: 's', role: 'tool', content: big, timestamp: 11 });
		db.close();
		const [message] = messagesOf(home, 's');
		assert.equal(typeof message?.content === 'string' ? message.content.length : -1, big.length);
		assert.ok(typeof message?.content === 'string' && message.content.endsWith('end'));
	});

	it('turns TEXT, infinite, NaN-like, zero and absurd timestamps into null without failing', () => {
		const db = createStore(home, 'v1');
		const cases: Record<string, string> = { text: "'yesterday'", inf: '9e999', negInf: '-9e999', absurd: '8e252', zero: '0', negative: '-5' };
		for (const [id, value] of Object.entries(cases)) {
			db.exec(`INSERT INTO sessions (id, source, started_at) VALUES ('${id}', 'cli', ${value})`);
		}
		db.exec("INSERT INTO sessions (id, source, started_at) VALUES ('good', 'cli', 1700000000.5)");
		db.exec("INSERT INTO messages (session_id, role, content, timestamp) VALUES ('good', 'user', 'x', 'not a time')");
		db.close();
		const sessions = new Map(listed(home).map((session) => [session.id, session]));
		assert.equal(sessions.size, 7);
		for (const id of Object.keys(cases)) {
			assert.equal(sessions.get(id)?.startedAt, null, id);
			assert.equal(sessions.get(id)?.lastActive, null, id);
		}
		assert.equal(sessions.get('good')?.startedAt, 1700000000.5);
		assert.equal(sessions.get('good')?.lastActive, 1700000000.5);
	});

	it('changes a fingerprint on append, rewind, delete, title and model edits, and only that one', () => {
		const db = createStore(home, 'v17');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10, message_count: 1 });
		insertRow(db, 'sessions', { id: 'other', source: 'cli', started_at: 5, title: 'Other' });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: 'hello', timestamp: 11 });
		const history = openHistory(home);
		const fingerprints = (): Map<string, string> => new Map(history.listSessions().map((session) => [session.id, session.fingerprint]));
		const seen = [fingerprints()];
		const mutate = (label: string, change: (store: DatabaseSync) => void): void => {
			change(db);
			const next = fingerprints();
			assert.equal(next.get('other'), seen[0]?.get('other'), `${label} leaves other sessions alone`);
			for (const previous of seen) {
				assert.notEqual(next.get('s'), previous.get('s'), `${label} changes the fingerprint`);
			}
			seen.push(next);
		};
		mutate('append', (store) => {
			insertRow(store, 'messages', { session_id: 's', role: 'assistant', content: 'hi', timestamp: 12 });
			store.exec("UPDATE sessions SET message_count = message_count + 1 WHERE id = 's'");
		});
		mutate('rewind', (store) => store.exec("UPDATE messages SET active = 0 WHERE session_id = 's' AND role = 'assistant'; UPDATE sessions SET rewind_count = rewind_count + 1, message_count = 1 WHERE id = 's'"));
		mutate('title', (store) => store.exec("UPDATE sessions SET title = 'Renamed' WHERE id = 's'"));
		mutate('model', (store) => store.exec("UPDATE sessions SET model = 'gpt' WHERE id = 's'"));
		mutate('delete', (store) => store.exec("DELETE FROM messages WHERE session_id = 's' AND role = 'assistant'; UPDATE sessions SET message_count = 1 WHERE id = 's'"));
		const stable = fingerprints();
		assert.deepEqual(fingerprints(), stable, 'fingerprints are stable without changes');
		history.close();
		db.close();
	});

	it('lists again exactly the sessions whose listed columns read differently, follows a moved start, and sees a turn', () => {
		const db = createStore(home, 'v17');
		db.exec('ALTER TABLE sessions ADD COLUMN input_tokens INTEGER');
		insertRow(db, 'sessions', { id: 'a', source: 'cli', started_at: 10, title: 'A', message_count: 1 });
		insertRow(db, 'sessions', { id: 'b', source: 'cli', started_at: 20, title: 'B', message_count: 1 });
		insertRow(db, 'sessions', { id: 'c', source: 'cli', started_at: 30, title: 'C', message_count: 1 });
		const history = openHistory(home);
		const list = (): Map<string, SessionInfo> => new Map(history.listSessions().map((session) => [session.id, session]));
		let before = list();
		const expectChanged = (label: string, change: string, changed: readonly string[], order?: readonly string[]): void => {
			db.exec(change);
			const now = list();
			for (const id of ['a', 'b', 'c']) {
				assert.equal(now.get(id) !== before.get(id), changed.includes(id), `${label}: session ${id}`);
			}
			assert.equal(history.listingMoved(), changed.length > 0, `${label}: moved`);
			if (order !== undefined) {
				assert.deepEqual([...now.keys()], order, `${label}: order`);
			}
			before = now;
		};
		expectChanged('nothing', 'SELECT 1', []);
		expectChanged('a title', "UPDATE sessions SET title = 'B2' WHERE id = 'b'", ['b']);
		expectChanged('a counter', "UPDATE sessions SET message_count = 2 WHERE id = 'c'", ['c']);
		expectChanged('the same value written again', "UPDATE sessions SET message_count = 2 WHERE id = 'c'", []);
		expectChanged('a start', "UPDATE sessions SET started_at = 40 WHERE id = 'a'", ['a'], ['a', 'c', 'b']);
		expectChanged('a turn', "UPDATE sessions SET ended_at = 99 WHERE id = 'c'", ['c']);
		// Past what a number holds: the turn columns are read as text from then on (every session once).
		expectChanged('a huge turn value', "UPDATE sessions SET input_tokens = 9007199254740993 WHERE id = 'b'", ['a', 'b', 'c']);
		expectChanged('another huge turn value', "UPDATE sessions SET input_tokens = 9007199254740995 WHERE id = 'b'", ['b']);
		expectChanged('nothing again', 'SELECT 1', []);
		assert.equal(before.get('b')?.title, 'B2');
		assert.equal(before.get('a')?.startedAt, 40);
		history.close();
		db.close();
	});

	it('counts messages exactly when the store has no message counters to rely on', () => {
		const db = createStore(home, 'v17');
		db.exec('ALTER TABLE sessions DROP COLUMN rewind_count');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10, title: 'T' });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: 'a', timestamp: 11 });
		insertRow(db, 'messages', { session_id: 's', role: 'assistant', content: 'b', timestamp: 12 });
		const history = openHistory(home);
		const before = history.listSessions()[0]?.fingerprint;
		db.exec("UPDATE messages SET active = 0 WHERE content = 'b'");
		assert.notEqual(history.listSessions()[0]?.fingerprint, before);
		history.close();
		db.close();
	});

	it('changes the change token on a write, and keeps it otherwise', () => {
		const db = createStore(home, 'v17', 'wal');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10 });
		const history = openHistory(home);
		const token = history.changeToken();
		assert.equal(history.changeToken(), token);
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: 'x', timestamp: 11 });
		assert.notEqual(history.changeToken(), token);
		history.close();
		db.close();
	});

	describe('legacy session files', () => {
		it('adds sessions that exist only as files, and ignores everything that is not a session', () => {
			const db = createStore(home, 'v11');
			insertRow(db, 'sessions', { id: 'indb', source: 'cli', started_at: 10, title: 'In db' });
			db.close();
			const dir = join(home, 'sessions');
			mkdirSync(join(dir, 'saved'), { recursive: true });
			writeFileSync(join(dir, 'session_indb.json'), JSON.stringify({ session_id: 'indb', messages: [{ role: 'user', content: 'dup' }] }));
			writeFileSync(join(dir, 'session_snap.json'), JSON.stringify({
				session_id: 'snap', model: 'claude', platform: 'cli', session_start: '2026-05-09T00:24:07.512334', last_updated: '2026-05-09T00:31:55',
				messages: [{ role: 'user', content: 'list files' }, { role: 'assistant', content: 'Sure.', tool_calls: [{ id: 'c', type: 'function', function: { name: 'terminal', arguments: '{}' } }] }, { role: 'tool', tool_name: 'terminal', content: 'a.py' }],
			}));
			writeFileSync(join(dir, 'gw.jsonl'), [
				JSON.stringify({ role: 'session_meta', tools: [], model: 'gpt', platform: 'slack', timestamp: '2026-04-18T19:26:00.214787' }),
				'{not json',
				JSON.stringify({ role: 'user', content: 'What is on my calendar?', timestamp: '2026-04-18T19:26:00.300112' }),
				JSON.stringify({ role: 'assistant', content: 'Checking', tool_calls: [{ id: 'c', type: 'function', function: { name: 'calendar_list', arguments: '{}' } }], timestamp: '2026-04-18T19:26:04.001' }),
				'',
			].join('\n'));
			writeFileSync(join(dir, 'sessions.json'), JSON.stringify({ _README: 'index' }));
			writeFileSync(join(dir, 'request_dump_x_1.json'), '{}');
			writeFileSync(join(dir, '.session_tmp_abc.tmp'), '{}');
			writeFileSync(join(dir, 'session_half.json.tmp'), '{}');
			writeFileSync(join(dir, 'session_broken.json'), '{"messages": [');
			writeFileSync(join(dir, 'saved', 'session_saved.json'), JSON.stringify({ messages: [] }));
			const history = openHistory(home);
			const sessions = history.listSessions();
			assert.deepEqual(sessions.map((session) => [session.id, session.origin, session.title, session.model, session.source]), [
				['indb', 'state.db', 'In db', null, 'cli'],
				['gw', 'session-jsonl', 'What is on my calendar?', 'gpt', 'slack'],
				['snap', 'session-json', 'list files', 'claude', 'cli'],
			]);
			const snapshot = sessions.find((session) => session.id === 'snap');
			assert.equal(snapshot?.startedAt, new Date(2026, 4, 9, 0, 24, 7).getTime() / 1000 + 0.512334);
			assert.deepEqual([...history.readMessages(sessions[1] as SessionInfo)].map((message) => [message.role, message.toolCalls.length]), [['session_meta', 0], ['user', 0], ['assistant', 1]]);
			assert.deepEqual([...history.readMessages(snapshot as SessionInfo)].map((message) => message.toolName ?? message.role), ['user', 'assistant', 'terminal']);
			assert.equal(history.problems().length, 1);
			assert.match(history.problems()[0] ?? '', /session_broken\.json/);
			history.close();
		});

		it('lists a home with no state.db from its files alone, and an empty home as empty', () => {
			assert.deepEqual(listed(home), []);
			mkdirSync(join(home, 'sessions'));
			writeFileSync(join(home, 'sessions', 'only.jsonl'), `${JSON.stringify({ role: 'user', content: 'hi', timestamp: '2026-01-01T00:00:00' })}\n`);
			const sessions = listed(home);
			assert.deepEqual(sessions.map((session) => [session.id, session.title]), [['only', 'hi']]);
			assert.deepEqual(readdirSync(home).sort(), ['sessions']);
		});

		it('changes a legacy fingerprint when its file changes', () => {
			mkdirSync(join(home, 'sessions'));
			const file = join(home, 'sessions', 'only.jsonl');
			writeFileSync(file, `${JSON.stringify({ role: 'user', content: 'hi' })}\n`);
			const history = openHistory(home);
			const before = history.listSessions()[0]?.fingerprint;
			const token = history.changeToken();
			writeFileSync(file, `${JSON.stringify({ role: 'user', content: 'hi' })}\n${JSON.stringify({ role: 'assistant', content: 'hello' })}\n`);
			assert.notEqual(history.changeToken(), token);
			assert.notEqual(history.listSessions()[0]?.fingerprint, before);
			history.close();
		});

		it('skips symlink loops and dangling links under sessions/', () => {
			mkdirSync(join(home, 'sessions'));
			symlinkSync(join(home, 'sessions', 'b.jsonl'), join(home, 'sessions', 'a.jsonl'));
			symlinkSync(join(home, 'sessions', 'a.jsonl'), join(home, 'sessions', 'b.jsonl'));
			symlinkSync(join(home, 'sessions'), join(home, 'sessions', 'loop'));
			symlinkSync(join(home, 'nowhere.json'), join(home, 'sessions', 'session_gone.json'));
			writeFileSync(join(home, 'sessions', 'real.jsonl'), `${JSON.stringify({ role: 'user', content: 'hi' })}\n`);
			const history = openHistory(home);
			assert.deepEqual(history.listSessions().map((session) => session.id), ['real']);
			assert.equal(history.problems().length, 3);
			history.close();
		});
	});

	it('renders a readable Markdown transcript', () => {
		const db = createStore(home, 'v17');
		insertRow(db, 'sessions', { id: 's', source: 'cli', model: 'claude', started_at: 1700000000, title: 'Fix it' });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: '# not a heading\nplease', timestamp: 1700000001 });
		insertRow(db, 'messages', { session_id: 's', role: 'assistant', content: 'Running', tool_calls: '[{"id":"1","type":"function","function":{"name":"terminal","arguments":"{}"}}]', timestamp: 1700000002 });
		insertRow(db, 'messages', { session_id: 's', role: 'tool', tool_name: 'terminal', content: '```\n3 passed', timestamp: 1700000003 });
		db.close();
		const markdown = readTranscript(home, 's');
		assert.match(markdown, /^# Fix it\n/);
		assert.match(markdown, /- Model: claude\n- Started: 2023-11-14T22:13:20\.000Z/);
		assert.match(markdown, /## User\n\n\\# not a heading\nplease/);
		assert.match(markdown, /## Assistant\n\nRunning\n\n- Tool call: `terminal`/);
		assert.match(markdown, /## Tool \(terminal\)\n\n````text\n```\n3 passed\n````/);
		assert.match(readTranscript(home, 'missing'), /Session not found/);
	});

	it('lists a store whose messages table has no rowid, noticing an appended message', () => {
		const db = new DatabaseSync(join(home, 'state.db'));
		db.exec(`CREATE TABLE sessions (id TEXT PRIMARY KEY, source TEXT, started_at REAL, message_count INTEGER, tool_call_count INTEGER, title TEXT, rewind_count INTEGER);
			CREATE TABLE messages (id INTEGER PRIMARY KEY, session_id TEXT, role TEXT, content TEXT, tool_calls TEXT, tool_name TEXT, timestamp REAL, active INTEGER) WITHOUT ROWID;
			INSERT INTO sessions VALUES ('a', 'cli', 1757000000, 1, 0, 'A', 0), ('b', 'cli', 1757000100, 1, 0, 'B', 0);
			INSERT INTO messages VALUES (1, 'a', 'user', 'hello', NULL, NULL, 1757000001, 1), (2, 'b', 'user', 'hi', NULL, NULL, 1757000101, 1);`);
		const history = openHistory(home);
		try {
			const first = history.listSessions();
			assert.deepEqual(first.map((s) => s.id), ['b', 'a']);
			db.exec(`INSERT INTO messages VALUES (3, 'a', 'assistant', 'done', NULL, NULL, 1757000200, 1); UPDATE sessions SET message_count = 2 WHERE id = 'a'`);
			const second = history.listSessions();
			assert.notEqual(second[1]!.fingerprint, first[1]!.fingerprint);
			assert.equal(second[1]!.lastActive, 1757000200);
			assert.equal(second[0]!.fingerprint, first[0]!.fingerprint);
		} finally {
			history.close();
			db.close();
		}
	});
});
