import type { Snapshot } from '../model.ts';

/** The data a scan worker starts with. */
export interface WorkerData {
	readonly home: string;
	/** This script's own path: large scans start helpers from it. */
	readonly script: string;
	/** Threads that may read sessions at once, the worker included (at least 1). */
	readonly threads: number;
}

/** The snapshot file a scan wrote: its file stamp and the source token inside it. */
export interface WrittenSnapshot {
	readonly stamp: string;
	readonly sourceToken: string;
}

/** Coordinator → worker. Each request carries an id its answer repeats. */
export type ToWorker =
	| { readonly type: 'scan'; readonly requestId: number; readonly full: boolean }
	| { readonly type: 'resetHistory'; readonly requestId: number }
	/** Answered once everything before it has been written to disk. */
	| { readonly type: 'flush'; readonly requestId: number };

/** Worker → coordinator. */
export type FromWorker =
	| { readonly type: 'progress'; readonly requestId: number; readonly done: number; readonly total: number }
	| { readonly type: 'partial'; readonly requestId: number; readonly snapshot: Snapshot }
	/** The result, before it is written; `unsaved`: what could not be saved so far (null: everything). */
	| { readonly type: 'scanned'; readonly requestId: number; readonly snapshot: Snapshot; readonly unsaved: string | null }
	/**
	 * The scan's files are written (or could not be: `unsaved` says what and why); `written`: the
	 * snapshot file as it was left, so the coordinator need not read back what it already holds.
	 * Ends a scan request.
	 */
	| { readonly type: 'persisted'; readonly requestId: number; readonly unsaved: string | null; readonly written: WrittenSnapshot | null }
	| { readonly type: 'historyReset'; readonly requestId: number; readonly backupPath: string }
	| { readonly type: 'failed'; readonly requestId: number; readonly error: string }
	/** Everything before it is written (or could not be: `unsaved` says what and why). */
	| { readonly type: 'flushed'; readonly requestId: number; readonly unsaved: string | null };
