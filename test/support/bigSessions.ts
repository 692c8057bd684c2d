import { spawnSync } from 'node:child_process';

export interface RepeatedSession {
	readonly id: string;
	readonly messages: number;
	/** Characters per message: `line` repeated. */
	readonly charsPerMessage: number;
	readonly line: string;
	readonly role: string;
	readonly toolName: string | null;
}

/**
 * Appends a session of huge messages to `<home>/state.db`. SQLite builds each message itself
 * (`line` repeated by `replace` over a zeroblob's hex spelling), in a child process, so the test
 * process never holds the text, not even in SQLite's memory.
 */
export function appendRepeatedSession(dbPath: string, session: RepeatedSession): void {
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const [dbPath, json] = process.argv.slice(1);
		const s = JSON.parse(json);
		const db = new DatabaseSync(dbPath);
		db.prepare("INSERT INTO sessions (id, source, started_at, message_count, title) VALUES (?, 'cli', 1700000000, ?, ?)").run(s.id, s.messages, s.id);
		const insert = db.prepare("INSERT INTO messages (session_id, role, content, tool_name, timestamp) VALUES (?, ?, replace(hex(zeroblob(?)), '00', ?), ?, ?)");
		for (let i = 0; i < s.messages; i++) {
			insert.run(s.id, s.role, Math.ceil(s.charsPerMessage / s.line.length), s.line, s.toolName, 1700000000 + i);
		}
		db.close();`;
	const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', '-e', script, dbPath, JSON.stringify(session)], { encoding: 'utf8' });
	if (run.status !== 0) {
		throw new Error(`Could not write session ${session.id}: ${run.stderr}`);
	}
}
