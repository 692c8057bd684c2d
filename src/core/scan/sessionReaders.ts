import { Worker } from 'node:worker_threads';
import { analyzeSession } from '../analysis/analyzeSession.ts';
import type { HermesHistory } from '../hermes/history.ts';
import type { SessionInfo } from '../model.ts';
import type { FromReader, ReaderData, SessionRead, SessionSkipped, ToReader } from './readerProtocol.ts';

export type { SessionRead, SessionSkipped } from './readerProtocol.ts';

/** Below this many sessions, starting helper threads costs more than it saves. */
const minSessionsForHelpers = 64;
/** Sessions handed out at a time: small enough to balance, large enough to keep messages few. */
const chunkSize = 8;
/**
 * Chunks a helper holds at once: while it reads one, the next waits in its inbox, so it never
 * idles until this thread, busy reading a chunk of its own, gets round to answering it.
 */
const chunksInFlight = 2;
/** From this many sessions on, one grouped pass for the content keys beats one query per session. */
export const minSessionsForGroupedKeys = 200;

export interface ReaderPool {
	/** The scan worker's own script: helpers run it as readers. */
	readonly script: string;
	readonly home: string;
	/** Threads reading at once, this one included (1: no helpers). */
	readonly threads: number;
}

/** How the caller wants this thread's share read. */
export interface LocalReading {
	/** Content keys already taken in one grouped pass (otherwise taken here when there are many sessions). */
	readonly keys?: ReadonlyMap<string, string>;
	/** Sessions only this thread may read (big ones, read under the caller's guard). */
	readonly readsHere?: (session: SessionInfo) => boolean;
	/** Reads one session on this thread. */
	readonly read?: (session: SessionInfo, contentKey: string | null) => SessionRead | SessionSkipped;
}

/**
 * Reads and analyses `sessions`, delivering each result in the listing's order (so the aggregate
 * is built exactly as by one thread). With more than one thread, helper workers read store
 * sessions in chunks beside this thread, each through its own read-only connection.
 */
export async function readSessions(
	history: HermesHistory,
	sessions: readonly SessionInfo[],
	pool: ReaderPool,
	deliver: (session: SessionInfo, read: SessionRead | SessionSkipped, index: number) => void,
	local: LocalReading = {},
): Promise<{ readonly readByHelpers: number }> {
	// Many sessions: one grouped pass for every content key is far cheaper than one query each.
	// It is taken before any message is read, so an edit meanwhile only costs a re-read later.
	let keys: ReadonlyMap<string, string> | undefined;
	const takeKeys = (): void => {
		keys = local.keys ?? (sessions.length >= minSessionsForGroupedKeys ? history.contentKeys() : undefined);
	};
	const readHere = (session: SessionInfo, knownKey: string | null | undefined): SessionRead | SessionSkipped => {
		// The key is taken before the messages: an edit in between only costs one more read later.
		const contentKey = knownKey === undefined ? history.contentKey(session) : knownKey;
		return local.read ? local.read(session, contentKey) : { contentKey, contribution: analyzeSession(session, history.readMessages(session)) };
	};
	const keyOf = (session: SessionInfo): string | null | undefined => (keys === undefined ? undefined : session.origin === 'state.db' ? (keys.get(session.id) ?? '') : null);
	const helperCount = Math.min(pool.threads - 1, Math.floor(sessions.length / minSessionsForHelpers));
	if (helperCount <= 0) {
		takeKeys();
		sessions.forEach((session, index) => deliver(session, readHere(session, keyOf(session)), index));
		return { readByHelpers: 0 };
	}
	let readHereCount = 0;
	const results = new Array<SessionRead | SessionSkipped | undefined>(sessions.length);
	let delivered = 0;
	let finished = false;
	const deliverReady = (): void => {
		// A helper's answer that arrives after a failure belongs to no scan.
		while (!finished && delivered < sessions.length && results[delivered] !== undefined) {
			deliver(sessions[delivered]!, results[delivered]!, delivered);
			results[delivered] = undefined;
			delivered++;
		}
	};
	// Helpers read store sessions only; legacy files and those the caller keeps are read here, first.
	const here: number[][] = [];
	const queue: number[][] = [];
	const storeIndexes: number[] = [];
	sessions.forEach((session, index) => (session.origin === 'state.db' && local.readsHere?.(session) !== true ? storeIndexes.push(index) : here.push([index])));
	for (let start = 0; start < storeIndexes.length; start += chunkSize) {
		queue.push(storeIndexes.slice(start, start + chunkSize));
	}
	let failure: Error | undefined;
	const helpers = Array.from({ length: helperCount }, () => startHelper(pool, sessions, keyOf, queue, results, deliverReady, (error) => (failure ??= error)));
	try {
		// While the helpers start (they get work once this thread yields, with the keys taken).
		takeKeys();
		// This thread reads too, a chunk at a time, letting helpers' answers in between.
		for (let chunk = here.shift() ?? queue.shift(); chunk !== undefined || delivered < sessions.length; chunk = here.shift() ?? queue.shift()) {
			if (failure) {
				throw failure;
			}
			if (chunk === undefined) {
				await helpersAnswer(helpers);
				continue;
			}
			for (const index of chunk) {
				results[index] = readHere(sessions[index]!, keyOf(sessions[index]!));
			}
			readHereCount += chunk.length;
			deliverReady();
			await new Promise((resolve) => setImmediate(resolve));
		}
	} finally {
		finished = true;
		for (const helper of helpers) {
			void helper.worker.terminate();
		}
	}
	return { readByHelpers: sessions.length - readHereCount };
}

interface Helper {
	readonly worker: Worker;
	/** The chunks it holds, oldest first, put back in the queue if it dies. */
	readonly busy: number[][];
	answered: (() => void) | undefined;
}

function startHelper(
	pool: ReaderPool,
	sessions: readonly SessionInfo[],
	keyOf: (session: SessionInfo) => string | null | undefined,
	queue: number[][],
	results: (SessionRead | SessionSkipped | undefined)[],
	deliverReady: () => void,
	fail: (error: Error) => void,
): Helper {
	const worker = new Worker(pool.script, {
		workerData: { role: 'reader', home: pool.home } satisfies ReaderData,
		resourceLimits: { maxOldGenerationSizeMb: 512 },
	});
	const helper: Helper = { worker, busy: [], answered: undefined };
	const next = (): void => {
		const chunk = queue.shift();
		if (chunk !== undefined) {
			helper.busy.push(chunk);
			const chunkSessions = chunk.map((i) => sessions[i]!);
			worker.postMessage({ type: 'read', indexes: chunk, sessions: chunkSessions, contentKeys: chunkSessions.map(keyOf) } satisfies ToReader);
		}
	};
	const wake = (): void => {
		const answered = helper.answered;
		helper.answered = undefined;
		answered?.();
	};
	worker.on('message', (message: FromReader) => {
		helper.busy.shift();
		if (message.type === 'failed') {
			fail(new Error(message.error));
		} else {
			message.indexes.forEach((index, i) => (results[index] = message.reads[i]));
			deliverReady();
		}
		next();
		wake();
	});
	// A helper that dies (out of memory, say) gives its chunks back; this thread reads them.
	const died = (): void => {
		queue.unshift(...helper.busy.splice(0));
		wake();
	};
	worker.on('error', died);
	worker.on('exit', died);
	worker.once('online', () => {
		for (let i = 0; i < chunksInFlight; i++) next();
	});
	return helper;
}

/** Resolves when any helper answers or dies. */
function helpersAnswer(helpers: readonly Helper[]): Promise<void> {
	return new Promise((resolve) => {
		for (const helper of helpers) {
			helper.answered = resolve;
		}
	});
}
