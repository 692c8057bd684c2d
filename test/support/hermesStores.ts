import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';

/** Hermes `state.db` layouts across its schema history, small enough to write in a test. */
export type SchemaVariant = 'v1' | 'v11' | 'v17' | 'v31';

const sessionColumns: Record<SchemaVariant, string> = {
	v1: `id TEXT PRIMARY KEY, source TEXT NOT NULL, user_id TEXT, model TEXT, model_config TEXT, system_prompt TEXT,
		parent_session_id TEXT, started_at REAL NOT NULL, ended_at REAL, end_reason TEXT, message_count INTEGER DEFAULT 0,
		tool_call_count INTEGER DEFAULT 0, input_tokens INTEGER DEFAULT 0, output_tokens INTEGER DEFAULT 0`,
	v11: `id TEXT PRIMARY KEY, source TEXT NOT NULL, user_id TEXT, model TEXT, model_config TEXT, system_prompt TEXT,
		parent_session_id TEXT, started_at REAL NOT NULL, ended_at REAL, end_reason TEXT, message_count INTEGER DEFAULT 0,
		tool_call_count INTEGER DEFAULT 0, input_tokens INTEGER DEFAULT 0, output_tokens INTEGER DEFAULT 0, title TEXT,
		api_call_count INTEGER DEFAULT 0`,
	v17: `id TEXT PRIMARY KEY, source TEXT NOT NULL, user_id TEXT, model TEXT, model_config TEXT, system_prompt TEXT,
		parent_session_id TEXT, started_at REAL NOT NULL, ended_at REAL, end_reason TEXT, message_count INTEGER DEFAULT 0,
		tool_call_count INTEGER DEFAULT 0, title TEXT, api_call_count INTEGER DEFAULT 0,
		rewind_count INTEGER NOT NULL DEFAULT 0, archived INTEGER NOT NULL DEFAULT 0`,
	v31: `id TEXT PRIMARY KEY, source TEXT NOT NULL, created_source TEXT, user_id TEXT, model TEXT, model_config TEXT,
		system_prompt TEXT, system_prompt_hash TEXT, parent_session_id TEXT, started_at REAL NOT NULL, ended_at REAL,
		end_reason TEXT, message_count INTEGER DEFAULT 0, tool_call_count INTEGER DEFAULT 0, title TEXT, title_source TEXT,
		last_activity_at REAL, api_call_count INTEGER DEFAULT 0, profile_name TEXT, rewind_count INTEGER NOT NULL DEFAULT 0,
		archived INTEGER NOT NULL DEFAULT 0, pinned INTEGER NOT NULL DEFAULT 0, hidden INTEGER NOT NULL DEFAULT 0,
		last_read_at REAL, tool_names TEXT, auto_archived INTEGER NOT NULL DEFAULT 0`,
};

const messageColumns: Record<SchemaVariant, string> = {
	v1: `id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, role TEXT NOT NULL, content TEXT,
		tool_call_id TEXT, tool_calls TEXT, tool_name TEXT, timestamp REAL NOT NULL, token_count INTEGER`,
	v11: `id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, role TEXT NOT NULL, content TEXT,
		tool_call_id TEXT, tool_calls TEXT, tool_name TEXT, timestamp REAL NOT NULL, token_count INTEGER,
		finish_reason TEXT, reasoning TEXT, reasoning_content TEXT, reasoning_details TEXT, codex_reasoning_items TEXT`,
	v17: `id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, role TEXT NOT NULL, content TEXT,
		tool_call_id TEXT, tool_calls TEXT, tool_name TEXT, timestamp REAL NOT NULL, token_count INTEGER,
		finish_reason TEXT, reasoning TEXT, observed INTEGER DEFAULT 0, active INTEGER NOT NULL DEFAULT 1,
		compacted INTEGER NOT NULL DEFAULT 0`,
	v31: `id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, role TEXT NOT NULL, content TEXT,
		tool_call_id TEXT, tool_calls TEXT, tool_name TEXT, effect_disposition TEXT, timestamp REAL NOT NULL,
		token_count INTEGER, finish_reason TEXT, reasoning TEXT, observed INTEGER DEFAULT 0,
		_compressed_summary INTEGER, active INTEGER NOT NULL DEFAULT 1, compacted INTEGER NOT NULL DEFAULT 0,
		api_content TEXT, display_kind TEXT, display_metadata TEXT, display_identity BLOB, display_order INTEGER,
		message_uid TEXT, absorbed_message_uids TEXT, tool_call_uids TEXT, tool_call_uid TEXT`,
};

const schemaNumbers: Record<SchemaVariant, number> = { v1: 1, v11: 11, v17: 17, v31: 31 };

/** Creates `<home>/state.db` with a variant's tables and returns an open, writable handle. */
export function createStore(home: string, variant: SchemaVariant, journal: 'wal' | 'delete' = 'delete'): DatabaseSync {
	const db = new DatabaseSync(join(home, 'state.db'));
	db.exec(`PRAGMA journal_mode = ${journal}`);
	db.exec(`CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (${schemaNumbers[variant]});`);
	db.exec(`CREATE TABLE sessions (${sessionColumns[variant]})`);
	db.exec(`CREATE TABLE messages (${messageColumns[variant]})`);
	db.exec('CREATE INDEX idx_sessions_started ON sessions(started_at DESC)');
	db.exec('CREATE INDEX idx_messages_session ON messages(session_id, timestamp)');
	if (variant === 'v31') {
		db.exec('CREATE INDEX idx_messages_session_id ON messages(session_id, id)');
		db.exec('CREATE INDEX idx_messages_active ON messages(session_id, active, timestamp)');
	}
	return db;
}

/** Inserts one row; the keys name the columns. */
export function insertRow(db: DatabaseSync, table: string, row: Record<string, SQLInputValue>): number {
	const names = Object.keys(row);
	const sql = `INSERT INTO ${table} (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
	return Number(db.prepare(sql).run(...names.map((name) => row[name] ?? null)).lastInsertRowid);
}

export function sha256File(path: string): string {
	return createHash('sha256').update(readFileSync(path)).digest('hex');
}
