import { isTransientSqliteError } from './historyError.ts';

/** Total time a read may keep waiting for a writer before it gives up with 'locked'. */
export const lockWaitBudgetMs = 5000;
/** SQLite's own busy wait per attempt; attempts repeat until the budget is spent. */
export const busyTimeoutMs = 1000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
	Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Runs a short read, retrying busy/locked/transient I/O failures with back-off, which happen
 * while Hermes commits or checkpoints. The total wait stays near lockWaitBudgetMs.
 */
export function withSqliteRetry<T>(read: () => T): T {
	const deadline = Date.now() + lockWaitBudgetMs;
	let backoff = 25;
	for (;;) {
		try {
			return read();
		} catch (error) {
			if (!isTransientSqliteError(error) || Date.now() + backoff >= deadline) {
				throw error;
			}
			sleep(backoff);
			backoff = Math.min(backoff * 2, 400);
		}
	}
}
