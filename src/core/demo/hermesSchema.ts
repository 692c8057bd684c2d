/**
 * The `state.db` layout the generator writes, following the public Hermes schema at two points in
 * its history: `v11` (classic columns, no soft-delete) and `v17` (adds `sessions.archived`,
 * `messages.active`/`compacted` and gateway/git metadata). Readers must not rely on this column set;
 * they discover columns with PRAGMA table_info, and so does the appender.
 */

export type HermesSchema = 'v11' | 'v17';

type Column = readonly [name: string, declaration: string];

const classicSessionColumns: readonly Column[] = [
	['id', 'TEXT PRIMARY KEY'],
	['source', 'TEXT NOT NULL'],
	['user_id', 'TEXT'],
	['model', 'TEXT'],
	['model_config', 'TEXT'],
	['system_prompt', 'TEXT'],
	['parent_session_id', 'TEXT'],
	['started_at', 'REAL NOT NULL'],
	['ended_at', 'REAL'],
	['end_reason', 'TEXT'],
	['message_count', 'INTEGER DEFAULT 0'],
	['tool_call_count', 'INTEGER DEFAULT 0'],
	['input_tokens', 'INTEGER DEFAULT 0'],
	['output_tokens', 'INTEGER DEFAULT 0'],
	['cache_read_tokens', 'INTEGER DEFAULT 0'],
	['cache_write_tokens', 'INTEGER DEFAULT 0'],
	['reasoning_tokens', 'INTEGER DEFAULT 0'],
	['billing_provider', 'TEXT'],
	['billing_base_url', 'TEXT'],
	['billing_mode', 'TEXT'],
	['estimated_cost_usd', 'REAL'],
	['actual_cost_usd', 'REAL'],
	['cost_status', 'TEXT'],
	['cost_source', 'TEXT'],
	['pricing_version', 'TEXT'],
	['title', 'TEXT'],
	['api_call_count', 'INTEGER DEFAULT 0'],
];

const newerSessionColumns: readonly Column[] = [
	['session_key', 'TEXT'],
	['chat_id', 'TEXT'],
	['chat_type', 'TEXT'],
	['thread_id', 'TEXT'],
	['cwd', 'TEXT'],
	['git_branch', 'TEXT'],
	['git_repo_root', 'TEXT'],
	['rewind_count', 'INTEGER NOT NULL DEFAULT 0'],
	['archived', 'INTEGER NOT NULL DEFAULT 0'],
];

const classicMessageColumns: readonly Column[] = [
	['id', 'INTEGER PRIMARY KEY AUTOINCREMENT'],
	['session_id', 'TEXT NOT NULL REFERENCES sessions(id)'],
	['role', 'TEXT NOT NULL'],
	['content', 'TEXT'],
	['tool_call_id', 'TEXT'],
	['tool_calls', 'TEXT'],
	['tool_name', 'TEXT'],
	['timestamp', 'REAL NOT NULL'],
	['token_count', 'INTEGER'],
	['finish_reason', 'TEXT'],
	['reasoning', 'TEXT'],
	['reasoning_content', 'TEXT'],
	['reasoning_details', 'TEXT'],
	['codex_reasoning_items', 'TEXT'],
	['codex_message_items', 'TEXT'],
];

const newerMessageColumns: readonly Column[] = [
	['platform_message_id', 'TEXT'],
	['observed', 'INTEGER DEFAULT 0'],
	['active', 'INTEGER NOT NULL DEFAULT 1'],
	['compacted', 'INTEGER NOT NULL DEFAULT 0'],
];

export const schemaVersionNumber: Readonly<Record<HermesSchema, number>> = { v11: 11, v17: 17 };

export function sessionColumns(schema: HermesSchema): readonly Column[] {
	return schema === 'v11' ? classicSessionColumns : [...classicSessionColumns, ...newerSessionColumns];
}

export function messageColumns(schema: HermesSchema): readonly Column[] {
	return schema === 'v11' ? classicMessageColumns : [...classicMessageColumns, ...newerMessageColumns];
}

function columnList(columns: readonly Column[]): string {
	return columns.map(([name, declaration]) => `\t${name} ${declaration}`).join(',\n');
}

export function schemaSql(schema: HermesSchema): string {
	return `
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE state_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE sessions (
${columnList(sessionColumns(schema))},
	FOREIGN KEY (parent_session_id) REFERENCES sessions(id)
);
CREATE TABLE messages (
${columnList(messageColumns(schema))}
);
`;
}

/** Indexes, created after a bulk load: building them once is cheaper than maintaining them per row. */
export function indexSql(): string {
	return `
CREATE INDEX idx_sessions_source ON sessions(source);
CREATE INDEX idx_sessions_parent ON sessions(parent_session_id);
CREATE INDEX idx_sessions_started ON sessions(started_at DESC);
CREATE UNIQUE INDEX idx_sessions_title_unique ON sessions(title) WHERE title IS NOT NULL;
CREATE INDEX idx_messages_session ON messages(session_id, timestamp);
`;
}
