import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HermesMessage, SessionOrigin } from '../model.ts';
import { isPyDict, parsePyJson, pyDictGet, type PyDict } from '../analysis/pyJson.ts';
import { decodeToolCalls } from './decode.ts';
import { sanitizeEpoch } from './epoch.ts';
import { readLines } from './lineReader.ts';
import { resolveTitle, sqlitePreviewRaw } from './pythonText.ts';
import { errorMessage } from '../../shared/errorMessage.ts';

/** A pre-SQLite session file under `sessions/`: an agent snapshot or a gateway transcript. */
export interface LegacyFile {
	readonly id: string;
	readonly path: string;
	readonly origin: Exclude<SessionOrigin, 'state.db'>;
	readonly size: number;
	readonly mtimeMs: number;
}

export interface LegacySummary {
	readonly title: string;
	readonly model: string | null;
	readonly source: string | null;
	readonly startedAt: number | null;
	readonly lastActive: number | null;
}

const snapshotName = /^session_(.+)\.json$/;
const transcriptName = /^(.+)\.jsonl$/;

/**
 * The legacy session files of `sessions/`, one per session id (a gateway transcript wins over an
 * agent snapshot, which could hold only the last turn). Temporary files, dot files, the routing
 * index, request dumps and folders such as `saved/` are not sessions; nothing is recursed into.
 */
export function scanLegacyFiles(sessionsDir: string, problems: string[]): LegacyFile[] {
	let names: string[];
	try {
		names = readdirSync(sessionsDir);
	} catch (error) {
		if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') {
			problems.push(`Skipped ${sessionsDir}: ${errorMessage(error)}`);
		}
		return [];
	}
	const byId = new Map<string, LegacyFile>();
	for (const name of names.sort()) {
		if (name.startsWith('.') || name.endsWith('.tmp') || name === 'sessions.json' || name.startsWith('request_dump_')) {
			continue;
		}
		const snapshot = snapshotName.exec(name);
		const transcript = snapshot === null ? transcriptName.exec(name) : null;
		const id = snapshot?.[1] ?? transcript?.[1];
		if (id === undefined) {
			continue;
		}
		const path = join(sessionsDir, name);
		let stats;
		try {
			stats = statSync(path);
		} catch (error) {
			problems.push(`Skipped ${path}: ${errorMessage(error)}`);
			continue;
		}
		if (!stats.isFile()) {
			continue;
		}
		const origin = snapshot !== null ? 'session-json' : 'session-jsonl';
		if (origin === 'session-json' && byId.get(id)?.origin === 'session-jsonl') {
			continue;
		}
		byId.set(id, { id, path, origin, size: stats.size, mtimeMs: stats.mtimeMs });
	}
	return [...byId.values()];
}

/** Title, model, source and times of a legacy file; null (with a problem) when it cannot be read. */
export function summarizeLegacyFile(file: LegacyFile, problems: string[]): LegacySummary | null {
	try {
		return file.origin === 'session-json' ? summarizeSnapshot(file.path) : summarizeTranscript(file.path);
	} catch (error) {
		problems.push(`Skipped ${file.path}: ${errorMessage(error)}`);
		return null;
	}
}

/** The messages of a legacy file, in file order; unreadable JSON lines are skipped. */
export function* readLegacyMessages(file: LegacyFile): Generator<HermesMessage> {
	if (file.origin === 'session-json') {
		for (const message of snapshotMessages(readSnapshot(file.path))) {
			yield toMessage(message);
		}
		return;
	}
	for (const entry of transcriptEntries(file.path)) {
		yield toMessage(entry);
	}
}

/** A decoded JSON object, in the Python-compatible shape the analysis reads. */
type Entry = PyDict | Record<string, unknown>;

function field(entry: Entry, key: string): unknown {
	return pyDictGet(entry, key);
}

function readSnapshot(path: string): Entry {
	const parsed = parsePyJson(readFileSync(path, 'utf8'));
	if (!isEntry(parsed)) {
		throw new Error('not a JSON object');
	}
	return parsed;
}

function snapshotMessages(snapshot: Entry): Entry[] {
	const messages = field(snapshot, 'messages');
	return Array.isArray(messages) ? messages.filter(isEntry) : [];
}

function* transcriptEntries(path: string): Generator<Entry> {
	for (const line of readLines(path)) {
		if (line.trim() === '') {
			continue;
		}
		let parsed: unknown;
		try {
			parsed = parsePyJson(line);
		} catch {
			continue;
		}
		if (isEntry(parsed)) {
			yield parsed;
		}
	}
}

function summarizeSnapshot(path: string): LegacySummary {
	const snapshot = readSnapshot(path);
	const startedAt = parseLocalIso(field(snapshot, 'session_start'));
	return {
		title: resolveTitle(null, firstUserPreview(snapshotMessages(snapshot))),
		model: nonEmptyText(field(snapshot, 'model')),
		source: nonEmptyText(field(snapshot, 'platform')),
		startedAt,
		lastActive: parseLocalIso(field(snapshot, 'last_updated')) ?? startedAt,
	};
}

function summarizeTranscript(path: string): LegacySummary {
	let model: string | null = null;
	let source: string | null = null;
	let startedAt: number | null = null;
	let lastActive: number | null = null;
	let preview: string | null = null;
	for (const entry of transcriptEntries(path)) {
		const at = parseLocalIso(field(entry, 'timestamp'));
		startedAt ??= at;
		if (at !== null && (lastActive === null || at > lastActive)) {
			lastActive = at;
		}
		if (field(entry, 'role') === 'session_meta') {
			model ??= nonEmptyText(field(entry, 'model'));
			source ??= nonEmptyText(field(entry, 'platform'));
		} else if (preview === null) {
			preview = firstUserPreview([entry]);
		}
	}
	return { title: resolveTitle(null, preview ?? ''), model, source, startedAt, lastActive: lastActive ?? startedAt };
}

/** The reference preview source: the first user message with content; multimodal content gives "". */
function firstUserPreview(messages: readonly Entry[]): string | null {
	for (const message of messages) {
		const content = field(message, 'content');
		if (field(message, 'role') === 'user' && content !== null && content !== undefined) {
			return typeof content === 'string' ? sqlitePreviewRaw(content) : '';
		}
	}
	return null;
}

function toMessage(entry: Entry): HermesMessage {
	const role = field(entry, 'role');
	const toolName = field(entry, 'tool_name');
	return {
		role: typeof role === 'string' ? role : null,
		content: field(entry, 'content') ?? null,
		toolCalls: decodeToolCalls(field(entry, 'tool_calls')),
		toolName: typeof toolName === 'string' ? toolName : null,
	};
}

/** Hermes wrote these as naive local-time ISO strings (`datetime.now().isoformat()`). */
function parseLocalIso(value: unknown): number | null {
	if (typeof value === 'number') {
		return sanitizeEpoch(value);
	}
	if (typeof value !== 'string') {
		return null;
	}
	const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(value.trim());
	if (match === null) {
		return sanitizeEpoch(Date.parse(value) / 1000);
	}
	const [, year, month, day, hour, minute, second, fraction = '0'] = match;
	const millis = new Date(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)).getTime();
	return sanitizeEpoch(millis / 1000 + Number(`0.${fraction}`));
}

function nonEmptyText(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

function isEntry(value: unknown): value is Entry {
	return isPyDict(value);
}

function errorCode(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
