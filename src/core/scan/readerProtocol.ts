import type { Contribution, SessionInfo, SkippedSession } from '../model.ts';

/** What a helper reader starts with (the scan worker's script, run in the reader role). */
export interface ReaderData {
	readonly role: 'reader';
	readonly home: string;
}

/** One session read and analysed, with the content key of the rows read. */
export interface SessionRead {
	readonly contentKey: string | null;
	readonly contribution: Contribution;
}

/** A session this thread declined to read (too large, or it ended an earlier scan), and why. */
export interface SessionSkipped {
	readonly contentKey: string | null;
	readonly skipped: SkippedSession;
}

/** A session too big to read off the scan thread: it is read there, under the read guard. */
export interface SessionNeedsGuard {
	readonly needsGuard: true;
}

/** Scan worker → reader: store sessions to read (`indexes` are the caller's positions, echoed back). */
export interface ToReader {
	readonly type: 'read';
	readonly indexes: readonly number[];
	readonly sessions: readonly SessionInfo[];
}

/** Reader → scan worker. */
export type FromReader =
	| { readonly type: 'read'; readonly indexes: readonly number[]; readonly reads: readonly (SessionRead | SessionNeedsGuard)[] }
	| { readonly type: 'failed'; readonly error: string };
