import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SeededRandom } from '../../src/core/demo/random.ts';

type Cell = string | number | null;

/** One message to append, in the columns Hermes writes. */
export interface NewMessage {
	readonly role: string;
	readonly content: string | null;
	readonly toolCalls?: string | null;
	readonly toolName?: string | null;
}

/**
 * Changes a test's own copy of a Hermes `state.db` the way Hermes does: appending bumps the session's
 * counters, a rewind marks the newest rows inactive and bumps `rewind_count`. Columns are discovered,
 * so it works on every fixture schema. Each call opens and closes the database, so the WAL is folded
 * back into state.db and the file looks exactly as Hermes leaves it between writes.
 */
export class HistoryEditor {
	private readonly dbPath: string;

	constructor(home: string) {
		this.dbPath = join(home, 'state.db');
	}

	hasColumn(table: 'sessions' | 'messages', column: string): boolean {
		return this.read((db) => columnsOf(db, table).has(column));
	}

	/** Listed session ids (archived ones left out), newest first. */
	sessionIds(): string[] {
		return this.read((db) => {
			const archived = columnsOf(db, 'sessions').has('archived') ? ' WHERE archived = 0' : '';
			return (db.prepare(`SELECT id FROM sessions${archived} ORDER BY started_at DESC, id`).all()).map((row) => String(row.id));
		});
	}

	model(sessionId: string): string | null {
		return this.read((db) => {
			const row = db.prepare('SELECT model FROM sessions WHERE id = ?').get(sessionId);
			return typeof row?.model === 'string' ? row.model : null;
		});
	}

	activeMessageCount(sessionId: string): number {
		return this.read((db) => Number(db.prepare('SELECT COUNT(*) AS n FROM messages WHERE session_id = ? AND active = 1').get(sessionId)?.n ?? 0));
	}

	addSession(session: { id: string; startedAt: number; model: string | null; title: string | null; source?: string }, messages: readonly NewMessage[]): void {
		this.write((db) => {
			insert(db, 'sessions', {
				id: session.id,
				source: session.source ?? 'cli',
				model: session.model,
				title: session.title,
				started_at: session.startedAt,
				message_count: 0,
				tool_call_count: 0,
			});
			appendRows(db, session.id, session.startedAt, messages);
		});
	}

	appendMessages(sessionId: string, messages: readonly NewMessage[]): void {
		this.write((db) => {
			const newest = db.prepare('SELECT MAX(timestamp) AS t FROM messages WHERE session_id = ?').get(sessionId);
			const started = db.prepare('SELECT started_at AS t FROM sessions WHERE id = ?').get(sessionId);
			appendRows(db, sessionId, Number(newest?.t ?? started?.t ?? 1_700_000_000), messages);
		});
	}

	/** Marks the newest `count` active messages inactive (Hermes' undo/rewind); needs `messages.active`. */
	rewind(sessionId: string, count: number): void {
		this.write((db) => {
			db.prepare('UPDATE messages SET active = 0 WHERE id IN (SELECT id FROM messages WHERE session_id = ? AND active = 1 ORDER BY id DESC LIMIT ?)').run(sessionId, count);
			db.prepare('UPDATE sessions SET rewind_count = rewind_count + 1, message_count = (SELECT COUNT(*) FROM messages WHERE session_id = ? AND active = 1) WHERE id = ?').run(sessionId, sessionId);
		});
	}

	/**
	 * Hermes' clean-up of stale tool-call marker text: assistant messages' text is blanked in place,
	 * no counter, timestamp or title changes. Returns how many rows changed.
	 */
	blankAssistantText(sessionId: string, limit = 1_000_000): number {
		return this.write((db) => Number(db.prepare(`UPDATE messages SET content = '' WHERE id IN (SELECT id FROM messages WHERE session_id = ? AND role = 'assistant' AND content IS NOT NULL AND content != '' ORDER BY id LIMIT ?)`).run(sessionId, limit).changes));
	}

	/** Hermes restoring rewound messages: their `active` flag goes back to 1, nothing else changes. Returns how many rows changed. */
	restoreRewound(sessionId: string): number {
		return this.write((db) => {
			const compacted = columnsOf(db, 'messages').has('compacted') ? ' AND COALESCE(compacted, 0) = 0' : '';
			return Number(db.prepare(`UPDATE messages SET active = 1 WHERE session_id = ? AND active = 0${compacted}`).run(sessionId).changes);
		});
	}

	archive(sessionId: string): void {
		this.write((db) => void db.prepare('UPDATE sessions SET archived = 1 WHERE id = ?').run(sessionId));
	}

	deleteSession(sessionId: string): void {
		this.write((db) => {
			db.prepare('DELETE FROM messages WHERE session_id = ?').run(sessionId);
			// Children keep their rows; only the link to the deleted parent goes.
			if (columnsOf(db, 'sessions').has('parent_session_id')) {
				db.prepare('UPDATE sessions SET parent_session_id = NULL WHERE parent_session_id = ?').run(sessionId);
			}
			db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
		});
	}

	setTitle(sessionId: string, title: string): void {
		this.write((db) => void db.prepare('UPDATE sessions SET title = ? WHERE id = ?').run(title, sessionId));
	}

	setModel(sessionId: string, model: string | null): void {
		this.write((db) => void db.prepare('UPDATE sessions SET model = ? WHERE id = ?').run(model, sessionId));
	}

	/** Keeps only the `keep` sessions with the fewest messages (a small, fast history), in one transaction. */
	keepSmallest(keep: number): void {
		this.write((db) => {
			const doomed = `SELECT id FROM sessions ORDER BY (SELECT COUNT(*) FROM messages m WHERE m.session_id = sessions.id), id LIMIT -1 OFFSET ${keep}`;
			db.exec(`CREATE TEMP TABLE doomed AS ${doomed}`);
			db.exec('DELETE FROM messages WHERE session_id IN (SELECT id FROM doomed)');
			if (columnsOf(db, 'sessions').has('parent_session_id')) {
				db.exec('UPDATE sessions SET parent_session_id = NULL WHERE parent_session_id IN (SELECT id FROM doomed)');
			}
			db.exec('DELETE FROM sessions WHERE id IN (SELECT id FROM doomed)');
		});
	}

	/** Copies every session and its messages under new ids (`<prefix><id>`): a bigger history. */
	duplicateSessions(prefix: string): void {
		this.write((db) => {
			const sessionColumns = [...columnsOf(db, 'sessions')];
			const messageColumns = [...columnsOf(db, 'messages')].filter((name) => name !== 'id');
			const renamed = (columns: string[], key: string) => columns.map((name) => {
				if (name === key) return `'${prefix}' || ${name}`;
				if (name === 'title') return `CASE WHEN title IS NULL THEN NULL ELSE '${prefix}' || title END`;
				return name;
			}).join(', ');
			db.exec(`INSERT INTO sessions (${sessionColumns.join(', ')}) SELECT ${renamed(sessionColumns, 'id')} FROM sessions`);
			db.exec(`INSERT INTO messages (${messageColumns.join(', ')}) SELECT ${renamed(messageColumns, 'session_id')} FROM messages ORDER BY id`);
		});
	}

	/** Runs any statement on the test's copy (for edits the helpers above do not cover). */
	exec(sql: string): void {
		this.write((db) => db.exec(sql));
	}

	private read<T>(body: (db: DatabaseSync) => T): T {
		const db = new DatabaseSync(this.dbPath, { readOnly: true });
		try {
			return body(db);
		} finally {
			db.close();
		}
	}

	private write<T>(body: (db: DatabaseSync) => T): T {
		const db = new DatabaseSync(this.dbPath);
		try {
			// A throwaway copy: durability against power loss is not worth an fsync per edit.
			db.exec('PRAGMA synchronous = OFF');
			db.exec('BEGIN IMMEDIATE');
			const result = body(db);
			db.exec('COMMIT');
			return result;
		} finally {
			db.close();
		}
	}
}

function appendRows(db: DatabaseSync, sessionId: string, after: number, messages: readonly NewMessage[]): void {
	let timestamp = after;
	let toolCalls = 0;
	for (const message of messages) {
		timestamp += 1.5;
		const calls = message.toolCalls ?? null;
		toolCalls += calls === null ? 0 : (JSON.parse(calls) as unknown[]).length;
		insert(db, 'messages', {
			session_id: sessionId,
			role: message.role,
			content: message.content,
			tool_calls: calls,
			tool_name: message.toolName ?? null,
			timestamp,
			active: 1,
			compacted: 0,
		});
	}
	db.prepare('UPDATE sessions SET message_count = COALESCE(message_count, 0) + ?, tool_call_count = COALESCE(tool_call_count, 0) + ? WHERE id = ?').run(messages.length, toolCalls, sessionId);
}

function insert(db: DatabaseSync, table: string, row: Readonly<Record<string, Cell>>): void {
	const columns = columnsOf(db, table);
	const names = Object.keys(row).filter((name) => columns.has(name));
	db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((name) => row[name] ?? null));
}

function columnsOf(db: DatabaseSync, table: string): Set<string> {
	return new Set(db.prepare(`PRAGMA table_info(${table})`).all().map((row) => String(row.name)));
}

function toolCall(name: string, args: Record<string, unknown>, n: number): string {
	return JSON.stringify([{ id: `call_${n}`, type: 'function', function: { name, arguments: JSON.stringify(args) } }]);
}

/** A few turns of realistic traffic: tool calls, tool results (some failing), plain chat. */
export function randomTurns(rng: SeededRandom, turns: number): NewMessage[] {
	const messages: NewMessage[] = [];
	for (let i = 0; i < turns; i++) {
		const kind = rng.int(0, 5);
		const n = rng.int(1, 1_000_000);
		switch (kind) {
			case 0:
				messages.push({ role: 'user', content: rng.pick(['run the tests please', 'fix the failing build in src/app.ts', 'commit and push with git', 'update the docs in README.md']) });
				break;
			case 1:
				messages.push({ role: 'assistant', content: '', toolCalls: toolCall('terminal', { command: 'npm test' }, n) });
				messages.push({ role: 'tool', toolName: 'terminal', content: rng.chance(0.5) ? '{"output": "Error: Cannot find module ./util", "exit_code": 1}' : '{"output": "12 passing", "exit_code": 0}' });
				break;
			case 2:
				messages.push({ role: 'assistant', content: '', toolCalls: toolCall('web_search', { query: 'sqlite wal checkpoint' }, n) });
				messages.push({ role: 'tool', toolName: 'web_search', content: '{"results": []}' });
				break;
			case 3:
				messages.push({ role: 'assistant', content: '', toolCalls: toolCall('read_file', { path: `/home/u/project/src/file${rng.int(1, 40)}.ts` }, n) });
				messages.push({ role: 'tool', toolName: 'read_file', content: 'export const x = 1;' });
				break;
			case 4:
				messages.push({ role: 'assistant', content: '', toolCalls: toolCall('patch', { path: `/home/u/project/src/file${rng.int(1, 40)}.ts` }, n) });
				messages.push({ role: 'tool', toolName: 'patch', content: '{"success": true}' });
				break;
			default:
				messages.push({ role: 'assistant', content: rng.pick(['Done.', 'The port 3000 is already in use; I restarted the server.', 'Tests pass now.']) });
		}
	}
	return messages;
}
