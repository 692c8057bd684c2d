import type { Snapshot } from '../model.ts';

/** The data a scan worker starts with. */
export interface WorkerData {
	readonly home: string;
	/** This script's own path: large scans start helpers from it. */
	readonly script: string;
	/** Threads that may read sessions at once, the worker included (at least 1). */
	readonly threads: number;
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
	| { readonly type: 'scanned'; readonly requestId: number; readonly snapshot: Snapshot }
	| { readonly type: 'historyReset'; readonly requestId: number; readonly backupPath: string }
	| { readonly type: 'failed'; readonly requestId: number; readonly error: string }
	/** `error`: the first write that failed since the last flush (results were delivered regardless). */
	| { readonly type: 'flushed'; readonly requestId: number; readonly error: string | null };
