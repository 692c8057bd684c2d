import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { appendMessages, appendSession, generateHistory, type GenerateOptions } from '../../../src/core/demo/historyGenerator.ts';
import { makeTempDir, removeDir } from '../../support/fixtures.ts';

const small = { sessions: 30, minMessages: 25, maxMessages: 60 } as const;

function withHome<T>(run: (home: string) => T): T {
	const home = makeTempDir('hermes-demo-');
	try {
		return run(home);
	} finally {
		removeDir(home);
	}
}

function query<T = Record<string, unknown>>(home: string, sql: string, ...params: (string | number)[]): T[] {
	const db = new DatabaseSync(join(home, 'state.db'), { readOnly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

function count(home: string, sql: string, ...params: (string | number)[]): number {
	return Number(query(home, sql, ...params)[0]?.['n']);
}

function contentHash(home: string): string {
	const hash = createHash('sha256');
	for (const row of query(home, 'SELECT * FROM sessions ORDER BY rowid')) {
		hash.update(JSON.stringify(row));
	}
	for (const row of query(home, 'SELECT * FROM messages ORDER BY id')) {
		hash.update(JSON.stringify(row));
	}
	return hash.digest('hex');
}

function hashFor(options: Omit<GenerateOptions, 'home'>): string {
	return withHome((home) => {
		generateHistory({ home, ...options });
		return contentHash(home);
	});
}

describe('history generator', () => {
	it('writes the same rows for the same seed', () => {
		assert.equal(hashFor({ ...small, seed: 5 }), hashFor({ ...small, seed: 5 }));
	});

	it('writes different rows for a different seed', () => {
		assert.notEqual(hashFor({ ...small, seed: 5 }), hashFor({ ...small, seed: 6 }));
	});

	it('reports exactly what it wrote, in WAL mode, before `now`', () => {
		withHome((home) => {
			const now = 1_750_000_000;
			const result = generateHistory({ home, ...small, seed: 2, now });
			assert.equal(result.sessions, small.sessions);
			assert.equal(count(home, 'SELECT COUNT(*) AS n FROM sessions'), small.sessions);
			assert.equal(count(home, 'SELECT COUNT(*) AS n FROM messages'), result.messages);
			assert.equal(count(home, 'SELECT SUM(LENGTH(content)) AS n FROM messages') > 0, true);
			assert.ok(result.chars >= count(home, 'SELECT COUNT(*) AS n FROM messages'));
			assert.equal(count(home, 'SELECT COUNT(*) AS n FROM sessions WHERE started_at >= ?', now), 0);
			assert.equal(String(query(home, 'PRAGMA journal_mode')[0]?.['journal_mode']), 'wal');
			assert.equal(count(home, 'SELECT version AS n FROM schema_version'), 11);
		});
	});

	it('fills the store with the shapes real histories have', () => {
		withHome((home) => {
			generateHistory({ home, sessions: 60, seed: 3 });
			const sources = query<{ source: string }>(home, 'SELECT DISTINCT source FROM sessions').map((row) => row.source);
			assert.ok(sources.includes('cli') && sources.length >= 3, `sources: ${sources.join(', ')}`);
			assert.ok(count(home, 'SELECT COUNT(DISTINCT model) AS n FROM sessions WHERE model IS NOT NULL') >= 5);
			assert.ok(count(home, 'SELECT COUNT(*) AS n FROM sessions WHERE parent_session_id IS NOT NULL') >= 1);
			assert.ok(count(home, "SELECT COUNT(*) AS n FROM messages WHERE role = 'tool' AND tool_name IS NOT NULL") > 100);
			assert.ok(count(home, "SELECT COUNT(*) AS n FROM messages WHERE content LIKE char(0) || 'json:%'") >= 1);
			assert.ok(count(home, 'SELECT COUNT(*) AS n FROM messages WHERE content IS NULL') >= 1);
			assert.ok(count(home, "SELECT COUNT(*) AS n FROM messages WHERE content LIKE '%EADDRINUSE%'") >= 1);
			assert.ok(count(home, "SELECT COUNT(*) AS n FROM messages WHERE content LIKE '%Traceback (most recent call last)%'") >= 1);
			const weekdays = query<{ day: string }>(home, "SELECT DISTINCT strftime('%w', started_at, 'unixepoch') AS day FROM sessions").map((row) => row.day);
			assert.ok(weekdays.includes('0') || weekdays.includes('6'), 'some sessions start on a weekend');
			const calls = query<{ tool_calls: string }>(home, "SELECT tool_calls FROM messages WHERE role = 'assistant' AND tool_calls LIKE '[%' LIMIT 50");
			assert.ok(calls.length > 0);
			for (const { tool_calls: text } of calls) {
				const parsed = JSON.parse(text) as { function?: { name?: string }; name?: string }[];
				assert.ok(Array.isArray(parsed) && parsed.length > 0);
				assert.ok(parsed.every((call) => typeof (call.function?.name ?? call.name) === 'string'));
			}
		});
	});

	it('writes archived sessions and inactive rows only in the v17 schema', () => {
		withHome((home) => {
			generateHistory({ home, ...small, seed: 4, schema: 'v17' });
			assert.equal(count(home, 'SELECT version AS n FROM schema_version'), 17);
			assert.ok(count(home, 'SELECT COUNT(*) AS n FROM sessions WHERE archived = 1') >= 1);
			assert.ok(count(home, 'SELECT COUNT(*) AS n FROM messages WHERE active = 0') >= 1);
			assert.ok(count(home, 'SELECT COUNT(*) AS n FROM messages WHERE active = 0 AND compacted = 1') >= 1);
			assert.ok(count(home, 'SELECT COUNT(*) AS n FROM messages WHERE active = 0 AND compacted = 0') >= 1);
		});
		withHome((home) => {
			generateHistory({ home, ...small, seed: 4, schema: 'v11' });
			const sessionColumns = query<{ name: string }>(home, 'PRAGMA table_info(sessions)').map((row) => row.name);
			const messageColumns = query<{ name: string }>(home, 'PRAGMA table_info(messages)').map((row) => row.name);
			assert.equal(sessionColumns.includes('archived'), false);
			assert.equal(messageColumns.includes('active'), false);
		});
	});

	it('writes legacy-only sessions as json and jsonl files when asked', () => {
		withHome((home) => {
			const result = generateHistory({ home, ...small, seed: 8, legacyJsonSessions: 3 });
			assert.equal(result.sessions, small.sessions + 3);
			const files = readdirSync(join(home, 'sessions')).sort();
			const snapshots = files.filter((name) => /^session_.+\.json$/.test(name));
			const transcripts = files.filter((name) => name.endsWith('.jsonl'));
			assert.equal(snapshots.length, 2);
			assert.equal(transcripts.length, 1);
			const inStore = new Set(query<{ id: string }>(home, 'SELECT id FROM sessions').map((row) => row.id));
			for (const name of snapshots) {
				const snapshot = JSON.parse(readFileSync(join(home, 'sessions', name), 'utf8')) as { session_id: string; message_count: number; messages: unknown[] };
				assert.equal(name, `session_${snapshot.session_id}.json`);
				assert.equal(snapshot.messages.length, snapshot.message_count);
				assert.ok(snapshot.message_count > 0);
				assert.equal(inStore.has(snapshot.session_id), false);
			}
			for (const name of transcripts) {
				const lines = readFileSync(join(home, 'sessions', name), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { role: string });
				assert.equal(lines[0]?.role, 'session_meta');
				assert.ok(lines.length > 1);
				assert.equal(inStore.has(name.slice(0, -'.jsonl'.length)), false);
			}
		});
	});

	it('replaces its own store but refuses to touch one it did not write', () => {
		withHome((home) => {
			generateHistory({ home, ...small, seed: 1 });
			generateHistory({ home, sessions: 5, seed: 1, minMessages: 5, maxMessages: 10 });
			assert.equal(count(home, 'SELECT COUNT(*) AS n FROM sessions'), 5);
		});
		withHome((home) => {
			const path = join(home, 'state.db');
			const foreign = new DatabaseSync(path);
			foreign.exec('CREATE TABLE sessions (id TEXT PRIMARY KEY); INSERT INTO sessions VALUES (\'keep-me\')');
			foreign.close();
			assert.throws(() => generateHistory({ home, ...small }), /refusing to replace/);
			assert.ok(existsSync(path));
			assert.equal(count(home, 'SELECT COUNT(*) AS n FROM sessions'), 1);
		});
	});

	for (const schema of ['v11', 'v17'] as const) {
		it(`appends messages and sessions like Hermes does (${schema})`, () => {
			withHome((home) => {
				generateHistory({ home, ...small, seed: 9, schema });
				const target = query<{ id: string; message_count: number; tool_call_count: number }>(
					home, 'SELECT id, message_count, tool_call_count FROM sessions ORDER BY started_at DESC LIMIT 1')[0];
				assert.ok(target);
				const rowsBefore = count(home, 'SELECT COUNT(*) AS n FROM messages WHERE session_id = ?', target.id);
				const newestBefore = count(home, 'SELECT MAX(timestamp) AS n FROM messages WHERE session_id = ?', target.id);

				appendMessages(home, target.id, [
					{ role: 'user', content: 'run the tests please' },
					{ role: 'assistant', content: null, toolCalls: [{ name: 'terminal', arguments: '{"command": "npm test"}' }] },
					{ role: 'tool', content: '{"output": "3 passing", "exit_code": 0}', toolName: 'terminal' },
					{ role: 'assistant', content: 'All green.' },
				]);

				const after = query<{ message_count: number; tool_call_count: number }>(home, 'SELECT message_count, tool_call_count FROM sessions WHERE id = ?', target.id)[0];
				assert.ok(after);
				assert.equal(after.message_count, target.message_count + 4);
				assert.equal(after.tool_call_count, target.tool_call_count + 1);
				assert.equal(count(home, 'SELECT COUNT(*) AS n FROM messages WHERE session_id = ?', target.id), rowsBefore + 4);
				assert.ok(count(home, 'SELECT MIN(timestamp) AS n FROM messages WHERE id > (SELECT MAX(id) - 4 FROM messages)') > newestBefore);
				const toolRow = query<{ tool_call_id: string | null }>(home, "SELECT tool_call_id FROM messages WHERE session_id = ? AND role = 'tool' ORDER BY id DESC LIMIT 1", target.id)[0];
				const callRow = query<{ tool_calls: string }>(home, "SELECT tool_calls FROM messages WHERE session_id = ? AND role = 'assistant' AND tool_calls IS NOT NULL ORDER BY id DESC LIMIT 1", target.id)[0];
				assert.ok(toolRow?.tool_call_id && callRow);
				assert.equal((JSON.parse(callRow.tool_calls) as { id: string }[])[0]?.id, toolRow.tool_call_id);
				if (schema === 'v17') {
					assert.equal(count(home, 'SELECT MIN(active) AS n FROM messages WHERE id > (SELECT MAX(id) - 4 FROM messages)'), 1);
				}

				const sessionsBefore = count(home, 'SELECT COUNT(*) AS n FROM sessions');
				appendSession(home, {
					id: '20260102_090000_abcdef', title: 'Appended by a test', model: 'openai/gpt-5', source: 'cli', startedAt: 1767344400,
					messages: [
						{ role: 'user', content: 'hello' },
						{ role: 'assistant', content: 'Reading it.', toolCalls: [{ name: 'read_file', arguments: '{"path": "./a.ts"}' }, { name: 'terminal', arguments: '{"command": "ls"}' }] },
						{ role: 'tool', content: '{"content": "1|x"}', toolName: 'read_file' },
					],
				});
				assert.equal(count(home, 'SELECT COUNT(*) AS n FROM sessions'), sessionsBefore + 1);
				const added = query<{ message_count: number; tool_call_count: number; title: string }>(home, 'SELECT message_count, tool_call_count, title FROM sessions WHERE id = ?', '20260102_090000_abcdef')[0];
				assert.deepEqual({ ...added }, { message_count: 3, tool_call_count: 2, title: 'Appended by a test' });
				assert.ok(count(home, 'SELECT MIN(timestamp) AS n FROM messages WHERE session_id = ?', '20260102_090000_abcdef') > 1767344400);
			});
		});
	}

	it('refuses to append to a session that does not exist', () => {
		withHome((home) => {
			generateHistory({ home, sessions: 3, seed: 1, minMessages: 5, maxMessages: 10 });
			const before = count(home, 'SELECT COUNT(*) AS n FROM messages');
			assert.throws(() => appendMessages(home, 'no-such-session', [{ role: 'user', content: 'hi' }]), /no session/);
			assert.equal(count(home, 'SELECT COUNT(*) AS n FROM messages'), before);
		});
	});
});
