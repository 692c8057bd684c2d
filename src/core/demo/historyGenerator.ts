/**
 * Writes a synthetic but realistic Hermes history (`<home>/state.db`, optionally legacy files under
 * `sessions/`) for the demo, the benchmark and the end-to-end tests, and changes one the way a
 * running Hermes would. Deterministic for a seed: the same options give the same rows everywhere.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { generateConversation, type GeneratedMessage } from './conversation.ts';
import { indexSql, schemaSql, schemaVersionNumber, type HermesSchema } from './hermesSchema.ts';
import { writeSnapshotFile, writeTranscriptFile } from './legacySessionFiles.ts';
import { pythonJson } from './pythonJson.ts';
import { deriveSeed, SeededRandom } from './random.ts';
import { idStamp, planRoots, uniqueId, uniqueTitle, type ChildKind, type RootPlan } from './sessionPlan.ts';
import { messageRow, sessionRow, type CellValue, type SessionFacts } from './sessionRow.ts';
import { RowInserter, tableColumns } from './storeWriter.ts';
import { modelWeights, projects, themeWeights } from './vocabulary.ts';

export interface GenerateOptions {
	readonly home: string;
	/** Rows in `sessions`, child sessions included. */
	readonly sessions: number;
	readonly seed?: number;
	readonly schema?: 'v11' | 'v17';
	/** Extra sessions that exist only as legacy files (`session_<id>.json` and `<id>.jsonl`, alternating). */
	readonly legacyJsonSessions?: number;
	readonly minMessages?: number;
	readonly maxMessages?: number;
	/** Unix seconds; the newest session starts before it. Defaults to a fixed date so runs are reproducible. */
	readonly now?: number;
}

export interface GenerateResult {
	/** Sessions written: `state.db` rows plus legacy-only sessions. */
	readonly sessions: number;
	readonly messages: number;
	/** UTF-16 length of every stored message content. */
	readonly chars: number;
}

export interface AppendedMessage {
	readonly role: string;
	readonly content: string | null;
	readonly toolName?: string;
	readonly toolCalls?: readonly { readonly name: string; readonly arguments: string }[];
}

export interface AppendedSession {
	readonly id: string;
	readonly title: string | null;
	readonly model: string | null;
	readonly source: string;
	readonly startedAt: number;
	readonly messages: readonly AppendedMessage[];
}

/** 2026-01-01T00:00:00Z. */
export const defaultNow = 1767225600;
const generatorMarker = 'demo_history_generator';
const day = 86400;

function statePath(home: string): string {
	return join(home, 'state.db');
}

// The generator deletes the store it replaces, so it only ever replaces one it wrote itself:
// pointing --out at a real Hermes home must never cost anyone their history.
function removeOwnStore(path: string): void {
	if (!existsSync(path)) {
		return;
	}
	let ours = false;
	try {
		const db = new DatabaseSync(path, { readOnly: true });
		try {
			ours = db.prepare('SELECT 1 AS found FROM state_meta WHERE key = ?').get(generatorMarker) !== undefined;
		} finally {
			db.close();
		}
	} catch {
		ours = false;
	}
	if (!ours) {
		throw new Error(`refusing to replace ${path}: it was not written by the history generator`);
	}
	for (const suffix of ['', '-wal', '-shm', '-journal']) {
		rmSync(`${path}${suffix}`, { force: true });
	}
}

function positiveInteger(value: number, name: string, minimum: number): number {
	if (!Number.isInteger(value) || value < minimum) {
		throw new Error(`${name} must be an integer ≥ ${minimum}, got ${value}`);
	}
	return value;
}

interface Realized {
	readonly row: Record<string, CellValue>;
	readonly messages: GeneratedMessage[];
	readonly firstTimestamp: number;
	readonly lastTimestamp: number;
	readonly endedAt: number;
}

interface Writer {
	readonly schema: HermesSchema;
	readonly sessions: RowInserter;
	readonly messages: RowInserter;
	readonly takenIds: Set<string>;
	readonly takenTitles: Set<string>;
	written: number;
	messageRows: number;
	chars: number;
	/** A small v17 demo still shows each soft-delete case once: these record that it did. */
	shown: { archived: boolean; compacted: boolean; rewound: boolean };
}

// Newer stores soft-delete instead of deleting: compaction archives the oldest rows, a rewind
// hides the newest ones. Readers that ignore `active` count rows Hermes no longer shows.
function softDelete(rng: SeededRandom, messages: GeneratedMessage[], writer: Writer): void {
	if (messages.length <= 20) {
		return;
	}
	if (rng.chance(0.03) || (!writer.shown.compacted && writer.written >= 5)) {
		writer.shown.compacted = true;
		for (const message of messages.slice(0, rng.int(4, 12))) {
			message.active = 0;
			message.compacted = 1;
		}
	}
	if (rng.chance(0.02) || (!writer.shown.rewound && writer.written >= 7)) {
		writer.shown.rewound = true;
		for (const message of messages.slice(-rng.int(2, 6))) {
			message.active = 0;
		}
	}
}

function realize(writer: Writer, rng: SeededRandom, facts: SessionFacts, plan: RootPlan, targetMessages: number): Realized {
	const messages = generateConversation(rng, {
		theme: plan.theme,
		project: plan.project,
		source: plan.source,
		model: facts.model,
		startedAt: facts.startedAt,
		targetMessages,
		cronPrompt: plan.cronPrompt,
	});
	if (writer.schema === 'v17') {
		softDelete(rng, messages, writer);
	}
	const row = sessionRow(rng, facts, messages);
	const timestamps = messages.map((message) => message.timestamp);
	const firstTimestamp = timestamps[0] ?? facts.startedAt;
	const lastTimestamp = Math.max(facts.startedAt, ...timestamps);
	const endedAt = typeof row['ended_at'] === 'number' ? row['ended_at'] : lastTimestamp;
	return { row, messages, firstTimestamp, lastTimestamp, endedAt };
}

function store(writer: Writer, realized: Realized): void {
	writer.sessions.insert(realized.row);
	const sessionId = String(realized.row['id']);
	for (const message of realized.messages) {
		writer.messages.insert(messageRow(sessionId, message));
		writer.chars += message.content?.length ?? 0;
	}
	writer.messageRows += realized.messages.length;
	writer.written += 1;
}

function facts(plan: RootPlan, overrides: Partial<SessionFacts>, archived: boolean, endReason: string | null): SessionFacts {
	const cwd = plan.project.root.replace(/^~/, '/home/u');
	return {
		id: plan.id,
		source: plan.source,
		userId: plan.userId,
		model: plan.model,
		title: plan.title,
		parentId: null,
		startedAt: plan.startedAt,
		endReason,
		cwd,
		inRepository: plan.theme === 'web' || plan.theme === 'backend' || plan.theme === 'ops',
		archived,
		configExtras: {},
		...overrides,
	};
}

function rootEndReason(rng: SeededRandom, plan: RootPlan): string | null {
	if (plan.children.includes('compression')) {
		return 'compression';
	}
	if (plan.children.includes('branch')) {
		return 'branched';
	}
	if (plan.source === 'cron') {
		return 'cron_complete';
	}
	return rng.weighted<string | null>([['cli_close', 40], ['user_exit', 20], ['session_reset', 8], ['new_session', 8], ['tui_shutdown', 5], [null, 6]]);
}

function writeRoot(writer: Writer, plan: RootPlan, minMessages: number): void {
	const rng = new SeededRandom(plan.seed);
	const archived = writer.schema === 'v17' && (rng.chance(0.01) || (!writer.shown.archived && writer.written >= 2));
	writer.shown.archived ||= archived;
	const parent = realize(writer, rng, facts(plan, {}, archived, rootEndReason(rng, plan)), plan, plan.targetMessages);
	store(writer, parent);
	plan.children.forEach((kind, index) => writeChild(writer, plan, parent, kind, index, minMessages));
}

function writeChild(writer: Writer, plan: RootPlan, parent: Realized, kind: ChildKind, index: number, minMessages: number): void {
	const rng = new SeededRandom(deriveSeed(plan.seed, 3, index));
	const startedAt = Math.round((kind === 'delegate'
		? parent.firstTimestamp + (parent.lastTimestamp - parent.firstTimestamp) * rng.between(0.1, 0.9)
		: parent.endedAt + rng.between(0.5, 30)) * 1e6) / 1e6;
	const title = plan.title === null || kind === 'delegate'
		? null
		: uniqueTitle(kind === 'compression' ? `${plan.title} #${index + 2}` : `${plan.title} (branch)`, writer.takenTitles);
	const childFacts = facts(plan, {
		id: uniqueId(`${idStamp(startedAt)}_${rng.hex(6)}`, rng, writer.takenIds),
		model: rng.chance(0.7) ? plan.model : rng.weighted(modelWeights),
		title,
		parentId: plan.id,
		startedAt,
		configExtras: kind === 'delegate' ? { _delegate_from: plan.id } : kind === 'branch' ? { _branched_from: plan.id } : {},
	}, false, kind === 'delegate' ? 'completed' : 'cli_close');
	const target = kind === 'delegate' ? Math.max(Math.ceil(minMessages / 2), Math.floor(plan.targetMessages / 2)) : plan.targetMessages;
	store(writer, realize(writer, rng, childFacts, plan, target));
}

function legacySessions(home: string, count: number, seed: number, before: number, minMessages: number): { messages: number; chars: number } {
	let messages = 0;
	let chars = 0;
	for (let index = 0; index < count; index++) {
		const rng = new SeededRandom(deriveSeed(seed, 9, index));
		const theme = rng.weighted(themeWeights);
		const startedAt = Math.round((before - (index + 1) * day - rng.between(0, day / 2)) * 1e6) / 1e6;
		const model = rng.weighted(modelWeights) ?? 'anthropic/claude-sonnet-4';
		const source = rng.pick(['cli', 'telegram', 'discord']);
		const conversation = generateConversation(rng, {
			theme, project: rng.pick(projects[theme]), source, model, startedAt, targetMessages: rng.int(minMessages, minMessages * 2), cronPrompt: null,
		});
		const session = {
			id: `${idStamp(startedAt)}_${rng.hex(6)}`,
			model,
			source,
			baseUrl: 'https://openrouter.ai/api/v1',
			startedAt,
			systemPrompt: 'You are Hermes Agent, a capable assistant that works through tools.',
			messages: conversation,
		};
		if (index % 2 === 0) {
			writeSnapshotFile(home, session);
		} else {
			writeTranscriptFile(home, session);
		}
		messages += conversation.length;
		chars += conversation.reduce((sum, message) => sum + (message.content?.length ?? 0), 0);
	}
	return { messages, chars };
}

export function generateHistory(options: GenerateOptions): GenerateResult {
	const sessions = positiveInteger(options.sessions, 'sessions', 0);
	const minMessages = positiveInteger(options.minMessages ?? 50, 'minMessages', 1);
	const maxMessages = positiveInteger(options.maxMessages ?? 300, 'maxMessages', minMessages);
	const legacyCount = positiveInteger(options.legacyJsonSessions ?? 0, 'legacyJsonSessions', 0);
	const seed = options.seed ?? 1;
	const schema = options.schema ?? 'v11';
	const now = options.now ?? defaultNow;

	mkdirSync(options.home, { recursive: true });
	const path = statePath(options.home);
	removeOwnStore(path);
	const db = new DatabaseSync(path);
	try {
		// Bulk-load without a journal (the file is new and rebuilt on any failure), then switch to
		// WAL like Hermes: going through the WAL would write every byte twice.
		db.exec('PRAGMA journal_mode = OFF');
		db.exec('PRAGMA synchronous = OFF');
		db.exec('PRAGMA cache_size = -65536');
		db.exec(schemaSql(schema));
		db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(schemaVersionNumber[schema]);
		db.prepare('INSERT INTO state_meta (key, value) VALUES (?, ?)').run(generatorMarker, JSON.stringify({ seed, sessions, schema, now }));
		const roots = planRoots({ seed, sessions, minMessages, maxMessages, now });
		const writer: Writer = {
			schema,
			sessions: new RowInserter(db, 'sessions'),
			messages: new RowInserter(db, 'messages'),
			takenIds: new Set(roots.map((root) => root.id)),
			takenTitles: new Set(roots.flatMap((root) => (root.title === null ? [] : [root.title]))),
			written: 0,
			messageRows: 0,
			chars: 0,
			shown: { archived: false, compacted: false, rewound: false },
		};
		db.exec('BEGIN');
		for (const root of roots) {
			writeRoot(writer, root, minMessages);
		}
		db.exec(indexSql());
		db.exec('COMMIT');
		db.exec('PRAGMA journal_mode = WAL');
		const oldest = roots[0]?.startedAt ?? now;
		const legacy = legacySessions(options.home, legacyCount, seed, oldest, minMessages);
		return { sessions: writer.written + legacyCount, messages: writer.messageRows + legacy.messages, chars: writer.chars + legacy.chars };
	} finally {
		db.close();
	}
}

function openForAppend(home: string): DatabaseSync {
	const path = statePath(home);
	if (!existsSync(path)) {
		throw new Error(`no Hermes store at ${path}`);
	}
	const db = new DatabaseSync(path);
	db.exec('PRAGMA busy_timeout = 5000');
	return db;
}

function callId(sessionId: string, timestamp: number, index: number): string {
	return `call_${createHash('sha256').update(`${sessionId}:${timestamp}:${index}`).digest('hex').slice(0, 24)}`;
}

function inTransaction(db: DatabaseSync, work: () => void): void {
	db.exec('BEGIN IMMEDIATE');
	try {
		work();
		db.exec('COMMIT');
	} catch (error) {
		db.exec('ROLLBACK');
		throw error;
	}
}

// Writes rows like Hermes' append path: tool rows answer the latest calls, and the session's
// counters are bumped in the same transaction as the rows.
function insertMessages(db: DatabaseSync, sessionId: string, messages: readonly AppendedMessage[], firstTimestamp: number): void {
	const inserter = new RowInserter(db, 'messages');
	const sessionColumns = tableColumns(db, 'sessions');
	let clock = firstTimestamp;
	let toolCalls = 0;
	const pending: { name: string; id: string }[] = [];
	messages.forEach((message, index) => {
		const timestamp = Math.round(clock * 1e6) / 1e6;
		let storedCalls: string | null = null;
		if (message.toolCalls !== undefined && message.toolCalls.length > 0) {
			pending.length = 0;
			const calls = message.toolCalls.map((call, callIndex) => {
				const id = callId(sessionId, timestamp, index * 100 + callIndex);
				pending.push({ name: call.name, id });
				return { id, type: 'function', function: { name: call.name, arguments: call.arguments } };
			});
			storedCalls = pythonJson(calls, true);
			toolCalls += calls.length;
		}
		let toolCallId: string | null = null;
		if (message.role === 'tool') {
			const answered = pending.findIndex((call) => call.name === message.toolName);
			toolCallId = answered >= 0 ? (pending.splice(answered, 1)[0]?.id ?? null) : null;
		}
		inserter.insert({
			session_id: sessionId,
			role: message.role,
			content: message.content,
			tool_call_id: toolCallId,
			tool_calls: storedCalls,
			tool_name: message.toolName ?? null,
			timestamp,
			finish_reason: storedCalls === null ? (message.role === 'assistant' ? 'stop' : null) : 'tool_calls',
			active: 1,
			compacted: 0,
		});
		clock += 0.5;
	});
	const activity = sessionColumns.has('last_activity_at') ? ', last_activity_at = ?' : '';
	const values: (number | string)[] = [messages.length, toolCalls];
	if (activity !== '') {
		values.push(clock);
	}
	db.prepare(`UPDATE sessions SET message_count = COALESCE(message_count, 0) + ?, tool_call_count = COALESCE(tool_call_count, 0) + ?${activity} WHERE id = ?`)
		.run(...values, sessionId);
}

/** Appends messages to an existing session, timestamped after its newest message and not before now. */
export function appendMessages(home: string, sessionId: string, messages: readonly AppendedMessage[]): void {
	const db = openForAppend(home);
	try {
		const session = db.prepare('SELECT started_at AS startedAt FROM sessions WHERE id = ?').get(sessionId);
		if (session === undefined) {
			throw new Error(`no session ${sessionId} in ${statePath(home)}`);
		}
		const newest = db.prepare('SELECT MAX(timestamp) AS newest FROM messages WHERE session_id = ?').get(sessionId);
		const after = typeof newest?.['newest'] === 'number' ? newest['newest'] : Number(session['startedAt']);
		inTransaction(db, () => insertMessages(db, sessionId, messages, Math.max(Date.now() / 1000, after + 1)));
	} finally {
		db.close();
	}
}

/** Adds a whole new session with its messages, as Hermes does when a conversation starts. */
export function appendSession(home: string, session: AppendedSession): void {
	const db = openForAppend(home);
	try {
		inTransaction(db, () => {
			new RowInserter(db, 'sessions').insert({
				id: session.id,
				source: session.source,
				model: session.model,
				title: session.title,
				started_at: session.startedAt,
				message_count: 0,
				tool_call_count: 0,
			});
			insertMessages(db, session.id, session.messages, session.startedAt + 1);
		});
	} finally {
		db.close();
	}
}
