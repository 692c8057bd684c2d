import { Worker } from 'node:worker_threads';
import type { HermesHistory } from '../hermes/history.ts';
import type { SessionInfo } from '../model.ts';
import { analyzeRead, readOrdinarySession } from './analyzeRead.ts';
import type { FromReader, ReaderData, SessionNeedsGuard, SessionRead, SessionSkipped, ToReader } from './readerProtocol.ts';
import { scanThreadYoungGenerationMb } from './scanThreadLimits.ts';

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

export interface ReaderPool {
	/** The scan worker's own script: helpers run it as readers. */
	readonly script: string;
	readonly home: string;
	/** Threads reading at once, this one included (1: no helpers). */
	readonly threads: number;
}

/** How the caller wants big sessions read. */
export interface LocalReading {
	/** Sessions known to be big before any read: read on this thread, with `readGuarded`. */
	readonly readsHere?: (session: SessionInfo) => boolean;
	/** Reads a big session on this thread, under the caller's guard (default: a plain read). */
	readonly readGuarded?: (session: SessionInfo) => SessionRead | SessionSkipped;
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
	const readGuarded = local.readGuarded ?? ((session: SessionInfo) => analyzeRead(session, (tally) => history.readMessages(session, { tally })));
	const readHere = (session: SessionInfo): SessionRead | SessionSkipped | SessionNeedsGuard =>
		local.readsHere?.(session) === true ? readGuarded(session) : readOrdinarySession(session, (byteLimit, tally) => history.readMessages(session, { byteLimit, tally }));
	// Big sessions found while reading are read here, in turn, just before they are delivered.
	const settled = (session: SessionInfo, read: SessionRead | SessionSkipped | SessionNeedsGuard): SessionRead | SessionSkipped =>
		'needsGuard' in read ? readGuarded(session) : read;
	const helperCount = Math.min(pool.threads - 1, Math.floor(sessions.length / minSessionsForHelpers));
	if (helperCount <= 0) {
		sessions.forEach((session, index) => deliver(session, settled(session, readHere(session)), index));
		return { readByHelpers: 0 };
	}
	let readHereCount = 0;
	const results = new Array<SessionRead | SessionSkipped | SessionNeedsGuard | undefined>(sessions.length);
	let delivered = 0;
	let finished = false;
	let failure: Error | undefined;
	const deliverReady = (): void => {
		try {
			// A helper's answer that arrives after a failure belongs to no scan.
			while (!finished && failure === undefined && delivered < sessions.length && results[delivered] !== undefined) {
				deliver(sessions[delivered]!, settled(sessions[delivered]!, results[delivered]!), delivered);
				results[delivered] = undefined;
				delivered++;
			}
		} catch (error) {
			// Also called from a helper's message event (a big session is read here then): the scan
			// fails through the loop below, not as an uncaught error of this thread.
			failure ??= error instanceof Error ? error : new Error(String(error));
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
	const helpers = Array.from({ length: helperCount }, () => startHelper(pool, sessions, queue, results, deliverReady, (error) => (failure ??= error)));
	try {
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
				results[index] = readHere(sessions[index]!);
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
	queue: number[][],
	results: (SessionRead | SessionSkipped | SessionNeedsGuard | undefined)[],
	deliverReady: () => void,
	fail: (error: Error) => void,
): Helper {
	const worker = new Worker(pool.script, {
		workerData: { role: 'reader', home: pool.home } satisfies ReaderData,
		resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: scanThreadYoungGenerationMb },
	});
	const helper: Helper = { worker, busy: [], answered: undefined };
	const next = (): void => {
		const chunk = queue.shift();
		if (chunk !== undefined) {
			helper.busy.push(chunk);
			worker.postMessage({ type: 'read', indexes: chunk, sessions: chunk.map((i) => sessions[i]!) } satisfies ToReader);
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
