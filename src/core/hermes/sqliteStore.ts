import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { HermesMessage, SessionInfo } from '../model.ts';
import { decodeContent, decodeToolCalls, cellText } from './decode.ts';
import { anotherHomeHint, HistoryError, historyErrorFromSqlite, sqliteResultCode } from './historyError.ts';
import { canReadAsImmutable, immutableLocation } from './immutableOpen.ts';
import { resolveTitle } from './pythonText.ts';
import { busyTimeoutMs, withSqliteRetry } from './sqliteRetry.ts';
import { sanitizeEpoch } from './epoch.ts';
import { fingerprintOf } from './fingerprint.ts';
import { SessionTooLarge, sessionByteBudget } from './sessionBudget.ts';
import { type ContentTally, contentKeyOf } from './contentKey.ts';

/** One `sessions` row as listed, before the legacy files are merged in. */
export type StoreSession = SessionInfo & { readonly origin: 'state.db' };

interface Schema {
	readonly sessions: ReadonlySet<string>;
	readonly messages: ReadonlySet<string>;
}

type Row = Record<string, unknown>;

/**
 * The last listing, for the next one on the same connection: each session with the key SQL built
 * from its columns, and the newest message rowid then. A session whose key is the same and that
 * has no newer message is the same session; only the others are read again.
 */
interface Listed {
	readonly maxRowid: number;
	/** In the keys query's order (the table's). */
	readonly rows: readonly ListedRow[];
	/** The listing: positions in `rows`, in the reference's order. */
	readonly order: readonly number[];
}

interface ListedRow {
	readonly id: string;
	/** The keys query's row: id, started_at, the listed and turn columns (see `buildKeysSql`). */
	readonly cells: readonly unknown[];
	readonly session: StoreSession;
}

/** Survives reopening the store, so a refresh does not query previews that cannot have changed. */
export interface PreviewCache {
	entries: Map<string, PreviewEntry>;
}

export interface PreviewEntry {
	readonly key: string;
	/** The preview-based title ("Untitled" when there is no preview). */
	readonly title: string;
}

/**
 * A read-only view of one `state.db`: never writes, never checkpoints, never changes the
 * journal mode; every read is a short transaction retried while a writer holds the lock.
 */
export class SqliteStore {
	readonly path: string;
	private readonly db: DatabaseSync;
	private readonly schema: Schema | null;
	private listingSql: string | null = null;
	private previewStatement: StatementSync | null = null;
	/** Untitled sessions' previews from the last listing; the caller may keep it across opens. */
	private readonly previews: PreviewCache;
	private exactCountsSql: string | null = null;
	private listed: Listed | undefined;
	/** Sessions the next listing reads in full whatever their key says. */
	private readonly forgotten = new Set<string>();
	private keysStatement: StatementSync | null = null;
	/** Whether the keys query reads the turn columns as one text (see `readKeys`). */
	private turnAsText = false;
	private rowStatement: StatementSync | null = null;
	private maxRowidStatement: StatementSync | null = null;
	private newerStatement: StatementSync | null = null;
	private orderStatement: StatementSync | null = null;
	private messagesSql: StatementSync | null = null;
	/** Whether the last listing saw any sessions row or message move (see `listingMoved`). */
	private lastListingMoved = true;
	/** `PRAGMA schema_version` when the schema was read: a migration since makes this store outdated. */
	private schemaVersion = 0;

	constructor(path: string, previews: PreviewCache = { entries: new Map() }) {
		this.path = path;
		this.previews = previews;
		this.db = openReadOnly(path, path);
		try {
			this.schema = withSqliteRetry(() => this.readSchema());
		} catch (error) {
			this.db.close();
			if (!canReadAsImmutable(error, path)) {
				throw historyErrorFromSqlite(error, path);
			}
			this.db = openReadOnly(immutableLocation(path), path);
			try {
				this.schema = withSqliteRetry(() => this.readSchema());
			} catch (again) {
				this.db.close();
				throw historyErrorFromSqlite(again, path);
			}
		}
	}

	/**
	 * The listing in the reference's order, each session with its fingerprint. On a store whose
	 * counters Hermes maintains, a listing after the first reads full rows only for sessions whose
	 * key changed or that have new messages; the rest are the same objects as last time.
	 */
	listSessions(): StoreSession[] {
		const schema = this.schema;
		if (schema === null) {
			return [];
		}
		return this.readTransaction(() => (needsExactCounts(schema) || !this.messagesHaveRowids() ? this.listAll(schema) : this.listChanged(schema)));
	}

	/** New messages are found by rowid; a WITHOUT ROWID table (no Hermes version has one) is listed in full. */
	private messagesHaveRowids(): boolean {
		if (this.maxRowidStatement === null) {
			try {
				this.maxRowidStatement = this.db.prepare('SELECT COALESCE(MAX(rowid), 0) AS max_rowid FROM messages');
			} catch {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the last listing saw a sessions row change (listed columns or the ones Hermes updates
	 * during a turn: API calls, tokens, end), a session come or go, or a new message. When it
	 * saw none although the database moved, only an edit in place (or another table) is left.
	 */
	listingMoved(): boolean {
		return this.lastListingMoved;
	}

	/** Forgets what the last listing knew of these sessions (all when omitted): the next one reads them in full. */
	forgetListing(sessionIds?: Iterable<string>): void {
		if (sessionIds === undefined || this.listed === undefined) {
			this.listed = undefined;
			this.previews.entries.clear();
			return;
		}
		for (const id of sessionIds) {
			this.forgotten.add(id);
			this.previews.entries.delete(id);
		}
	}

	private listAll(schema: Schema): StoreSession[] {
		const rows = this.db.prepare(this.listingSql ??= buildListingSql(schema)).all() as Row[];
		const exactCounts = needsExactCounts(schema) ? this.readExactCounts(schema) : null;
		const previews = new Map<string, PreviewEntry>();
		const sessions = rows.map((row) => {
			const id = String(cellText(row.id) ?? row.id);
			const counts = exactCounts === null ? '' : (exactCounts.get(id) ?? '0');
			return this.sessionOf(schema, id, row, counts, previews);
		});
		this.previews.entries = previews;
		// Without keys, only the fingerprints can tell.
		this.lastListingMoved = false;
		return sessions;
	}

	private listChanged(schema: Schema): StoreSession[] {
		const maxRowid = Number(this.maxRowidStatement!.get()?.max_rowid ?? 0);
		const before = this.listed;
		// Fewer rows than before (messages deleted): nothing can be assumed, list everything.
		const trusted = before !== undefined && maxRowid >= before.maxRowid ? before : undefined;
		const withNewMessages = new Set<string>();
		if (trusted !== undefined && maxRowid > trusted.maxRowid) {
			const newer = (this.newerStatement ??= this.db.prepare('SELECT session_id FROM messages WHERE rowid > ?'));
			newer.setReturnArrays(true);
			for (const [sessionId] of newer.all(trusted.maxRowid) as unknown as [unknown][]) {
				withNewMessages.add(String(cellText(sessionId) ?? sessionId));
			}
		}
		const keyRows = this.readKeys(schema);
		// The table is read in the same order each time, so row i is usually last time's row i: no
		// lookup, no allocation for a session that did not move.
		const previous = trusted?.rows;
		const aligned = previous !== undefined && previous.length === keyRows.length;
		let previousById: Map<string, ListedRow> | undefined;
		const previousRow = (index: number, id: string): ListedRow | undefined => {
			if (aligned && previous[index]!.id === id) {
				return previous[index];
			}
			previousById ??= new Map(previous?.map((row) => [row.id, row]));
			return previousById.get(id);
		};
		// The last order holds while the same sessions are listed with the same start times.
		let sameOrder = aligned;
		// A first listing has nothing to compare with: only the fingerprints (against a checkpoint) can tell.
		let moved = trusted !== undefined && (!aligned || withNewMessages.size > 0);
		const previews = trusted === undefined ? new Map<string, PreviewEntry>() : this.previews.entries;
		const rows = new Array<ListedRow>(keyRows.length);
		for (let index = 0; index < keyRows.length; index++) {
			const cells = keyRows[index]!;
			const rawId = cells[0];
			const id = typeof rawId === 'string' ? rawId : String(cellText(rawId) ?? rawId);
			const known = previousRow(index, id);
			if (sameOrder && (known !== previous![index] || known.cells[1] !== cells[1])) {
				sameOrder = false;
			}
			if (known !== undefined && sameCells(known.cells, cells) && !(withNewMessages.size > 0 && withNewMessages.has(id)) && !this.forgotten.has(id)) {
				rows[index] = known;
			} else {
				moved ||= trusted !== undefined;
				const row = (this.rowStatement ??= this.db.prepare(buildListingSql(schema, true))).get(rawId as string) as Row;
				rows[index] = { id, cells, session: this.sessionOf(schema, id, row, '', previews) };
			}
		}
		moved ||= trusted !== undefined && !sameOrder;
		const order = sameOrder ? trusted!.order : this.listingOrder(schema, rows);
		this.listed = { maxRowid, rows, order };
		this.forgotten.clear();
		this.previews.entries = previews;
		this.lastListingMoved = moved;
		return order.map((index) => rows[index]!.session);
	}

	/**
	 * The keys query's rows. A turn column holding an integer past what a number holds exactly makes
	 * it throw: from then on this store reads the turn columns as one text instead (dearer, never out of range).
	 */
	private readKeys(schema: Schema): unknown[][] {
		try {
			return (this.keysStatement ??= this.prepareKeys(schema, false)).all() as unknown as unknown[][];
		} catch (error) {
			if (this.turnAsText || (error as NodeJS.ErrnoException).code !== 'ERR_OUT_OF_RANGE') {
				throw error;
			}
			this.turnAsText = true;
			this.keysStatement = this.prepareKeys(schema, true);
			return this.keysStatement.all() as unknown as unknown[][];
		}
	}

	private prepareKeys(schema: Schema, turnAsText: boolean): StatementSync {
		const statement = this.db.prepare(buildKeysSql(schema, turnAsText));
		statement.setReturnArrays(true);
		return statement;
	}

	/** Positions in `rows`, in the reference's order. */
	private listingOrder(schema: Schema, rows: readonly ListedRow[]): number[] {
		const positions = new Map(rows.map((row, index) => [row.id, index]));
		return this.orderedIds(schema).flatMap((id) => {
			const index = positions.get(id);
			return index === undefined ? [] : [index];
		});
	}

	/** Listed session ids in the reference's order. */
	private orderedIds(schema: Schema): string[] {
		const statement = (this.orderStatement ??= this.db.prepare(buildOrderSql(schema)));
		statement.setReturnArrays(true);
		return (statement.all() as unknown as [unknown][]).map(([rawId]) => String(cellText(rawId) ?? rawId));
	}

	private sessionOf(schema: Schema, id: string, row: Row, counts: string, previews: Map<string, PreviewEntry>): StoreSession {
		const title = hasTitle(row.title) ? (cellText(row.title) ?? '') : this.previewTitle(schema, id, row, counts, previews);
		return toStoreSession(id, row, title, counts);
	}

	/**
	 * The reference's preview (its first-user-message subquery), read only for untitled sessions and
	 * reused while the session's message counters and newest timestamp stay the same.
	 */
	private previewTitle(schema: Schema, id: string, row: Row, counts: string, next: Map<string, PreviewEntry>): string {
		const key = `${String(row.message_count)}|${String(row.rewind_count)}|${String(row.tool_call_count)}|${String(row.max_ts)}|${counts}`;
		const cached = this.previews.entries.get(id);
		if (cached !== undefined && cached.key === key) {
			next.set(id, cached);
			return cached.title;
		}
		const found = (this.previewStatement ??= this.db.prepare(buildPreviewSql(schema))).get(id) as Row | undefined;
		const title = resolveTitle(null, found === undefined ? '' : cellText(found.raw));
		next.set(id, { key, title });
		return title;
	}

	/**
	 * Every session's content key (see contentKey.ts), one grouped pass over the messages that reads
	 * record headers only. Sessions without rows the analysis reads are absent (their key is '').
	 */
	contentKeys(): Map<string, string> {
		const schema = this.schema;
		const keys = new Map<string, string>();
		if (schema === null) {
			return keys;
		}
		const rows = this.readTransaction(() => this.db.prepare(buildContentKeysSql(schema)).all() as Row[]);
		for (const row of rows) {
			keys.set(String(cellText(row.session_id) ?? row.session_id), contentKeyOf(Number(row.n), Number(row.ids), Number(row.content_bytes), Number(row.call_bytes)));
		}
		return keys;
	}

	/** Whether the store has a `sessions` row with this id (archived and hidden ones included). */
	hasSession(id: string): boolean {
		if (this.schema === null) {
			return false;
		}
		return this.readTransaction(() => this.db.prepare('SELECT 1 AS found FROM sessions WHERE id = ? LIMIT 1').get(id) !== undefined);
	}

	/** Every session id in the store, to tell which legacy files are superseded. */
	allSessionIds(): Set<string> {
		if (this.schema === null) {
			return new Set();
		}
		const rows = this.readTransaction(() => this.db.prepare('SELECT id FROM sessions').all() as Row[]);
		return new Set(rows.map((row) => String(row.id)));
	}

	/**
	 * What a session's messages take on disk, as `readMessages` would read them. SQLite answers
	 * `octet_length` from each record's header, so this reads no message text.
	 */
	storedBytes(sessionId: string): number {
		const schema = this.schema;
		if (schema === null) {
			return 0;
		}
		const sizes = readColumns.map((name) => `COALESCE(SUM(octet_length(${columnOf(schema, name)})), 0)`).join(' + ');
		const sql = `SELECT ${sizes} AS bytes FROM messages WHERE session_id = ?${activeFilter(schema)}`;
		const row = this.readTransaction(() => this.db.prepare(sql).get(sessionId) as Row | undefined);
		return Number(row?.bytes ?? 0);
	}

	/**
	 * Throws `SessionTooLarge` once the session's messages add up to more than `byteLimit` bytes: a
	 * value over the limit is never fetched at all (SQLite's length limit is set to it while the
	 * rows are read). `tally` counts the rows read into their content key.
	 */
	*readMessages(sessionId: string, byteLimit: number = sessionByteBudget, tally?: ContentTally): Generator<HermesMessage> {
		const schema = this.schema;
		if (schema === null) {
			return;
		}
		const limit = Math.floor(byteLimit);
		let iterator: Iterator<unknown> | null = null;
		let bytes = 0;
		// SQLite refuses to fetch a value longer than this (SQLITE_TOOBIG) before it allocates it.
		const defaultLengthLimit = this.db.limits.length;
		this.db.limits.length = Math.min(limit, defaultLengthLimit);
		try {
			const first = withSqliteRetry(() => {
				iterator?.return?.();
				iterator = this.messagesStatement(schema).iterate(sessionId);
				return iterator.next();
			});
			for (let step = first; step.done !== true; step = (iterator as unknown as Iterator<unknown>).next()) {
				// Arrays, not row objects: cheaper to build. The cells in `readColumns` order, then the sizes.
				const [role, content, toolCalls, toolName, id, contentBytes, callBytes, otherBytes] = step.value as [unknown, unknown, unknown, unknown, number, number | null, number | null, number];
				bytes += (contentBytes ?? 0) + (callBytes ?? 0) + otherBytes;
				if (bytes > limit) {
					throw new SessionTooLarge(sessionId, bytes, limit);
				}
				tally?.add(id, contentBytes, callBytes);
				yield { role: cellText(role), content: decodeContent(content), toolCalls: decodeToolCalls(toolCalls), toolName: cellText(toolName) };
			}
		} catch (error) {
			if (error instanceof SessionTooLarge) {
				throw error;
			}
			if (sqliteResultCode(error) === sqliteTooBig) {
				(iterator as Iterator<unknown> | null)?.return?.();
				this.db.limits.length = defaultLengthLimit;
				throw new SessionTooLarge(sessionId, this.storedBytes(sessionId), limit);
			}
			throw historyErrorFromSqlite(error, this.path);
		} finally {
			(iterator as Iterator<unknown> | null)?.return?.();
			this.db.limits.length = defaultLengthLimit;
		}
	}

	/** Kept: a scan reads thousands of sessions. */
	private messagesStatement(schema: Schema): StatementSync {
		if (this.messagesSql === null) {
			const bytes = (name: string): string => `octet_length(${columnOf(schema, name)})`;
			const sizes = [bytes('content'), bytes('tool_calls'), `COALESCE(${bytes('role')}, 0) + COALESCE(${bytes('tool_name')}, 0)`];
			const order = schema.messages.has('active') ? 'id' : `${columnOf(schema, 'timestamp')}, id`;
			this.messagesSql = this.db.prepare(`SELECT ${readColumns.map((name) => columnOf(schema, name)).join(', ')}, ${idColumn(schema)}, ${sizes.join(', ')} FROM messages WHERE session_id = ?${activeFilter(schema)} ORDER BY ${order}`);
			this.messagesSql.setReturnArrays(true);
		}
		return this.messagesSql;
	}

	close(): void {
		if (this.db.isOpen) {
			this.db.close();
		}
	}

	/** Whether Hermes changed the tables' layout since this store read it (then open a new one). */
	schemaChanged(): boolean {
		try {
			return this.readSchemaVersion() !== this.schemaVersion;
		} catch {
			return true;
		}
	}

	private readSchemaVersion(): number {
		return Number(this.db.prepare('PRAGMA schema_version').get()?.schema_version ?? 0);
	}

	private readSchema(): Schema | null {
		this.schemaVersion = this.readSchemaVersion();
		const tables = new Set((this.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as Row[]).map((row) => String(row.name)));
		if (tables.size === 0) {
			return null;
		}
		for (const table of ['sessions', 'messages']) {
			if (!tables.has(table)) {
				throw new HistoryError('schema', this.path, `${this.path} has no "${table}" table, so it is not a Hermes history (or an unsupported version). ${anotherHomeHint}`);
			}
		}
		const sessions = this.columns('sessions');
		const messages = this.columns('messages');
		for (const [table, columns, required] of [['sessions', sessions, 'id'], ['messages', messages, 'session_id']] as const) {
			if (!columns.has(required)) {
				throw new HistoryError('schema', this.path, `The "${table}" table of ${this.path} has no "${required}" column; this Hermes history layout is not supported.`);
			}
		}
		return { sessions, messages };
	}

	private columns(table: string): Set<string> {
		return new Set((this.db.prepare(`PRAGMA table_info("${table}")`).all() as Row[]).map((row) => String(row.name)));
	}

	private readExactCounts(schema: Schema): Map<string, string> {
		const rows = this.db.prepare(this.exactCountsSql ??= buildExactCountsSql(schema)).all() as Row[];
		const counts = new Map<string, string>();
		for (const row of rows) {
			counts.set(String(row.session_id), `${String(row.n)}/${String(row.max_id)}/${String(row.active_n)}`);
		}
		return counts;
	}

	private readTransaction<T>(read: () => T): T {
		try {
			return withSqliteRetry(() => {
				this.db.exec('BEGIN');
				try {
					return read();
				} finally {
					if (this.db.isTransaction) {
						this.db.exec('ROLLBACK');
					}
				}
			});
		} catch (error) {
			throw historyErrorFromSqlite(error, this.path);
		}
	}
}

function openReadOnly(location: string | URL, path: string): DatabaseSync {
	try {
		return withSqliteRetry(() => new DatabaseSync(location, { readOnly: true, timeout: busyTimeoutMs }));
	} catch (error) {
		throw historyErrorFromSqlite(error, path);
	}
}

/** The message columns the analysis reads. */
const readColumns = ['role', 'content', 'tool_calls', 'tool_name'] as const;

/** SQLITE_TOOBIG: a value longer than the connection's length limit. */
const sqliteTooBig = 18;

function columnOf(schema: Schema, name: string): string {
	return schema.messages.has(name) ? `"${name}"` : 'NULL';
}

/** Rewound messages (`active = 0`) are not part of the conversation the reference reads. */
function activeFilter(schema: Schema): string {
	return schema.messages.has('active') ? ' AND active = 1' : '';
}

/**
 * The fingerprint normally rests on columns Hermes maintains on every change (message_count on
 * append and compaction, rewind_count on rewind): reading them costs index seeks only. Stores that
 * lack them get exact per-session counts, which need a scan of the messages table.
 */
function needsExactCounts(schema: Schema): boolean {
	if (!schema.sessions.has('message_count')) {
		return true;
	}
	return schema.messages.has('active') && !schema.sessions.has('rewind_count');
}

function buildExactCountsSql(schema: Schema): string {
	const active = schema.messages.has('active') ? 'SUM(CASE WHEN active = 1 THEN 1 ELSE 0 END)' : 'NULL';
	return `SELECT session_id, COUNT(*) AS n, MAX(id) AS max_id, ${active} AS active_n FROM messages GROUP BY session_id`;
}

/**
 * Per listed session, in no particular order (sorting costs more than the rest): its id, its start
 * time, its other listed columns (all but the newest message timestamp) and the turn columns, as
 * stored. They are compared as the values the listing reads them as (1 and '1', NULL and 'NULL'
 * stay apart; a change that reads the same changes nothing listed): no SQL function per cell,
 * which cost more than reading the table.
 * `turnAsText`: the turn columns (a hint only) as one text, for a store where one of them holds an
 * integer past what a number holds exactly.
 */
function buildKeysSql(schema: Schema, turnAsText: boolean): string {
	const s = (name: string): string => (schema.sessions.has(name) ? `s."${name}"` : 'NULL');
	const listed = ['started_at', 'title', 'model', 'source', 'message_count', 'tool_call_count', 'rewind_count'].map(s);
	const present = turnColumns.filter((name) => schema.sessions.has(name));
	const turn = turnAsText
		? [present.length > 0 ? present.map((name) => `ifnull(s."${name}", '')`).join(" || ',' || ") : "''"]
		: present.map((name) => `s."${name}"`);
	return `SELECT s.id, ${[...listed, ...turn].join(', ')} FROM sessions s${listingFilter(schema)}`;
}

/** Same keys-query cells after the id. A blob is a new object each time: it never compares equal, and its session is read again. */
function sameCells(before: readonly unknown[], now: readonly unknown[]): boolean {
	for (let i = 1; i < now.length; i++) {
		if (before[i] !== now[i]) {
			return false;
		}
	}
	return true;
}

/**
 * Columns Hermes updates on the sessions row during a turn without touching the listed ones: they
 * do not change what is counted, but a change there explains a moved database (no content check).
 * Only the ones each API call moves: every column read costs on every refresh.
 */
const turnColumns = ['api_call_count', 'input_tokens', 'output_tokens', 'ended_at'];

function buildOrderSql(schema: Schema): string {
	return `SELECT s.id FROM sessions s${listingFilter(schema)} ORDER BY ${schema.sessions.has('started_at') ? 's."started_at"' : 'NULL'} DESC`;
}

function listingFilter(schema: Schema): string {
	const filters: string[] = [];
	for (const flag of ['archived', 'hidden']) {
		if (schema.sessions.has(flag)) {
			filters.push(`COALESCE(s."${flag}", 0) = 0`);
		}
	}
	return filters.length > 0 ? ` WHERE ${filters.join(' AND ')}` : '';
}

/** Every listed session in the reference's order, or (`oneSession`) the same columns of one session by id. */
function buildListingSql(schema: Schema, oneSession = false): string {
	const s = (name: string): string => (schema.sessions.has(name) ? `s."${name}"` : 'NULL');
	const lastMessage = schema.messages.has('timestamp') ? '(SELECT MAX(m.timestamp) FROM messages m WHERE m.session_id = s.id)' : 'NULL';
	return `SELECT s.id AS id, ${s('title')} AS title, ${s('model')} AS model, ${s('source')} AS source, ${s('started_at')} AS started_at,
		${s('message_count')} AS message_count, ${s('tool_call_count')} AS tool_call_count, ${s('rewind_count')} AS rewind_count,
		${lastMessage} AS max_ts
		FROM sessions s${oneSession ? ' WHERE s.id = ?' : `${listingFilter(schema)} ORDER BY ${s('started_at')} DESC`}`;
}

/**
 * What in-place edits change without touching any counter, timestamp or title: blanked text shrinks
 * the byte sizes, restored rewound rows change the count and id sum of the rows the analysis reads.
 * `octet_length` is answered from the record header, so no message text is read.
 */
function buildContentKeysSql(schema: Schema): string {
	const size = (name: string): string => (schema.messages.has(name) ? `TOTAL(octet_length("${name}"))` : '0');
	const where = schema.messages.has('active') ? ' WHERE active = 1' : '';
	return `SELECT session_id, COUNT(*) AS n, TOTAL(${idColumn(schema)}) AS ids, ${size('content')} AS content_bytes, ${size('tool_calls')} AS call_bytes
		FROM messages${where} GROUP BY session_id`;
}

function idColumn(schema: Schema): string {
	return schema.messages.has('id') ? '"id"' : 'rowid';
}

/** The reference's preview subquery, verbatim apart from the missing-column fallbacks. */
function buildPreviewSql(schema: Schema): string {
	const m = (name: string): string => (schema.messages.has(name) ? `m."${name}"` : 'NULL');
	return `SELECT COALESCE((SELECT SUBSTR(REPLACE(REPLACE(${m('content')}, X'0A', ' '), X'0D', ' '), 1, 63) FROM messages m WHERE m.session_id = ? AND ${m('role')} = 'user' AND ${m('content')} IS NOT NULL ORDER BY ${m('timestamp')}, m.id LIMIT 1), '') AS raw`;
}

/** Python's truthiness of the `title` cell, as in `title or preview`. */
function hasTitle(title: unknown): boolean {
	return (typeof title === 'string' && title !== '') || (title instanceof Uint8Array && title.length > 0);
}

function toStoreSession(id: string, row: Row, title: string, counts: string): StoreSession {
	const modelText = cellText(row.model);
	const model = modelText === null || modelText === '' ? null : modelText;
	const source = cellText(row.source);
	const startedAt = sanitizeEpoch(row.started_at);
	const lastActive = sanitizeEpoch(row.max_ts) ?? startedAt;
	const parts = [title, model, source, String(row.started_at), String(row.max_ts), String(row.message_count), String(row.tool_call_count), String(row.rewind_count), counts];
	return { id, title, model, source, startedAt, lastActive, fingerprint: fingerprintOf(parts), origin: 'state.db' };
}
