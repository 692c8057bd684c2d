import type { Contribution, SessionInfo, SkippedSession } from '../model.ts';

/** What a helper reader starts with (the scan worker's script, run in the reader role). */
export interface ReaderData {
	readonly role: 'reader';
	readonly home: string;
}

/** One session read and analysed, with its content key taken just before. */
export interface SessionRead {
	readonly contentKey: string | null;
	readonly contribution: Contribution;
}

/** A session this thread declined to read (too large, or it ended an earlier scan), and why. */
export interface SessionSkipped {
	readonly contentKey: string | null;
	readonly skipped: SkippedSession;
}

/** Scan worker → reader: store sessions to read (`indexes` are the caller's positions, echoed back). */
export interface ToReader {
	readonly type: 'read';
	readonly indexes: readonly number[];
	readonly sessions: readonly SessionInfo[];
	/** Each session's content key when the caller took them all at once (undefined: the reader takes it). */
	readonly contentKeys: readonly (string | null | undefined)[];
}

/** Reader → scan worker. */
export type FromReader =
	| { readonly type: 'read'; readonly indexes: readonly number[]; readonly reads: readonly SessionRead[] }
	| { readonly type: 'failed'; readonly error: string };
