import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HermesMessage, SessionInfo } from '../model.ts';
import { anotherHomeHint, HistoryError } from './historyError.ts';
import { type LegacyFile, type LegacySummary, readLegacyMessages, scanLegacyFiles, summarizeLegacyFile } from './legacyFiles.ts';
import { fingerprintOf } from './fingerprint.ts';
import { fileStamp as statToken } from '../store/fileStamp.ts';
import { SqliteStore } from './sqliteStore.ts';
import type { ContentTally } from './contentKey.ts';
import type { PreviewCache } from './sqliteStore.ts';
import { renderTranscript } from './transcript.ts';
import { errorMessage } from '../../shared/errorMessage.ts';

export interface HermesHistory {
	/** Cheap (stat calls only, no SQL): changes whenever state.db, state.db-wal or sessions/ may have changed. */
	changeToken(): string;
	/** False once state.db was replaced, removed or created, or its tables changed, since this history was opened: open a new one. */
	isCurrent(): boolean;
	/** Every session (state.db rows minus archived/hidden, plus legacy-only sessions), in the reference order, each with its fingerprint. */
	listSessions(): SessionInfo[];
	/**
	 * One session's messages, streamed one row at a time, as the reference reads them. A state.db
	 * session throws `SessionTooLarge` rather than read more than `byteLimit` bytes (default
	 * `sessionByteBudget`), and counts the rows it reads into `tally`, their content key.
	 */
	readMessages(session: SessionInfo, reading?: { readonly byteLimit?: number; readonly tally?: ContentTally }): Iterable<HermesMessage>;
	/** What reading a session would take (bytes of stored text), found without reading it. */
	storedBytes(session: SessionInfo): number;
	/**
	 * Content keys of the state.db sessions (byte sizes and active rows, from record headers): they
	 * change with in-place edits that leave every listed column alone. Far dearer than the listing.
	 */
	contentKeys(): Map<string, string>;
	/** Whether the last listing saw a sessions row, a session or a message move (false: only the fingerprints can tell). */
	listingMoved(): boolean;
	/** Makes the next listing read these sessions (all when omitted) in full, previews included. */
	forgetListing(sessionIds?: Iterable<string>): void;
	/** Files that were skipped during the last listing, one line each. */
	problems(): string[];
	close(): void;
}

/** Opens a Hermes home read-only. Throws HistoryError when the home or its state.db cannot be read. */
export function openHistory(home: string, previews?: PreviewCache): HermesHistory {
	requireHome(home);
	const dbPath = join(home, 'state.db');
	const identity = fileIdentity(dbPath);
	const store = databaseExists(dbPath) ? new SqliteStore(dbPath, previews) : null;
	return new HomeHistory(home, store, identity);
}

/**
 * The cheap change token of a home as any process sees it (stat calls only): the database, its
 * write-ahead log and the legacy sessions folder with each file in it. A snapshot records the stamp
 * taken before its listing; another process whose stamp is still equal needs no scan of its own.
 */
export function historyStamp(home: string): string {
	const sessionsDir = join(home, 'sessions');
	const parts = [statToken(join(home, 'state.db')), statToken(join(home, 'state.db-wal'), { emptyIsMissing: true }), statToken(sessionsDir)];
	for (const name of listNames(sessionsDir)) {
		parts.push(`${name}=${statToken(join(sessionsDir, name))}`);
	}
	return parts.join('|');
}

function listNames(dir: string): string[] {
	try {
		return readdirSync(dir).sort();
	} catch {
		return [];
	}
}

/** A readable Markdown transcript of one session, for a read-only editor. */
export function readTranscript(home: string, sessionId: string): string {
	const history = openHistory(home);
	try {
		const session = history.listSessions().find((candidate) => candidate.id === sessionId);
		if (session === undefined) {
			return `# Session not found\n\nNo session \`${sessionId}\` in ${home}.\n`;
		}
		return renderTranscript(session, history.readMessages(session));
	} finally {
		history.close();
	}
}

class HomeHistory implements HermesHistory {
	private readonly home: string;
	private readonly store: SqliteStore | null;
	private readonly sessionsDir: string;
	private legacyById = new Map<string, LegacyFile>();
	private readonly summaries = new Map<string, { readonly key: string; readonly summary: LegacySummary | null }>();
	private lastProblems: string[] = [];

	private readonly dbIdentity: string;

	constructor(home: string, store: SqliteStore | null, dbIdentity: string) {
		this.home = home;
		this.store = store;
		this.sessionsDir = join(home, 'sessions');
		this.dbIdentity = dbIdentity;
	}

	isCurrent(): boolean {
		return fileIdentity(join(this.home, 'state.db')) === this.dbIdentity && !(this.store?.schemaChanged() ?? false);
	}

	changeToken(): string {
		// An empty -wal (our own read-only open creates one) holds nothing: it is no change.
		const parts = [statToken(join(this.home, 'state.db')), statToken(join(this.home, 'state.db-wal'), { emptyIsMissing: true }), statToken(this.sessionsDir)];
		for (const file of this.legacyById.values()) {
			parts.push(statToken(file.path));
		}
		return parts.join('|');
	}

	listSessions(): SessionInfo[] {
		const problems: string[] = [];
		const sessions: SessionInfo[] = this.store?.listSessions() ?? [];
		const legacyFiles = scanLegacyFiles(this.sessionsDir, problems);
		const known = legacyFiles.length > 0 && this.store !== null ? this.store.allSessionIds() : new Set<string>();
		const legacyById = new Map<string, LegacyFile>();
		for (const file of legacyFiles) {
			if (known.has(file.id)) {
				continue;
			}
			const summary = this.summarize(file, problems);
			if (summary === null) {
				continue;
			}
			legacyById.set(file.id, file);
			sessions.push({ id: file.id, ...summary, origin: file.origin, fingerprint: fingerprintOf([file.origin, String(file.size), String(file.mtimeMs)]) });
		}
		this.legacyById = legacyById;
		this.lastProblems = problems;
		return sessions;
	}

	readMessages(session: SessionInfo, reading: { readonly byteLimit?: number; readonly tally?: ContentTally } = {}): Iterable<HermesMessage> {
		if (session.origin === 'state.db') {
			return this.store?.readMessages(session.id, reading.byteLimit, reading.tally) ?? [];
		}
		const file = this.legacyById.get(session.id);
		return file === undefined ? [] : readLegacyMessages(file);
	}

	storedBytes(session: SessionInfo): number {
		if (session.origin === 'state.db') {
			return this.store?.storedBytes(session.id) ?? 0;
		}
		return this.legacyById.get(session.id)?.size ?? 0;
	}

	contentKeys(): Map<string, string> {
		return this.store?.contentKeys() ?? new Map();
	}

	listingMoved(): boolean {
		return this.store?.listingMoved() ?? false;
	}

	forgetListing(sessionIds?: Iterable<string>): void {
		this.store?.forgetListing(sessionIds);
	}

	problems(): string[] {
		return [...this.lastProblems];
	}

	close(): void {
		this.store?.close();
	}

	private summarize(file: LegacyFile, problems: string[]): LegacySummary | null {
		const key = `${file.size}:${file.mtimeMs}`;
		const cached = this.summaries.get(file.path);
		if (cached !== undefined && cached.key === key) {
			return cached.summary;
		}
		const summary = summarizeLegacyFile(file, problems);
		this.summaries.set(file.path, { key, summary });
		return summary;
	}
}

function requireHome(home: string): void {
	let isDirectory: boolean;
	try {
		isDirectory = statSync(home).isDirectory();
	} catch (error) {
		if (errorCode(error) === 'EACCES' || errorCode(error) === 'EPERM') {
			throw new HistoryError('unreadable', home, `Cannot open the Hermes home ${home} (permission denied). Check the folder's permissions.`, { cause: error });
		}
		isDirectory = false;
	}
	if (!isDirectory) {
		throw new HistoryError('no-home', home, `No Hermes home at ${home}. ${anotherHomeHint}`);
	}
}

function databaseExists(dbPath: string): boolean {
	try {
		if (statSync(dbPath).isFile()) {
			return true;
		}
	} catch (error) {
		if (errorCode(error) === 'ENOENT') {
			return false;
		}
		throw new HistoryError('unreadable', dbPath, `Cannot read Hermes history ${dbPath} (${errorMessage(error)}). Check the permissions of the file and its folder.`, { cause: error });
	}
	throw new HistoryError('no-database', dbPath, `${dbPath} is not a file, so there is no Hermes history to read (move it aside if one should be there). ${anotherHomeHint}`);
}

/** Which file a path names (device and inode), '-' when none. */
function fileIdentity(path: string): string {
	try {
		const stats = statSync(path, { bigint: true });
		return `${stats.dev}:${stats.ino}`;
	} catch {
		return '-';
	}
}

function errorCode(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
