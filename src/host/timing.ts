import type { Disposable } from '../core/events.ts';

/** The timer functions the helpers use; tests pass a manual clock. */
export interface Timers {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Trigger extends Disposable {
	trigger(): void;
}

/**
 * Trailing debounce: a burst of triggers runs `action` once, `delayMs` after the last one.
 * File events arrive in bursts (state.db, then its -wal, several times per message).
 */
export function createDebouncer(action: () => void, delayMs: number, timers: Timers = systemTimers): Trigger {
	let pending: unknown;
	let disposed = false;
	return {
		trigger() {
			if (disposed) {
				return;
			}
			if (pending !== undefined) {
				timers.clearTimeout(pending);
			}
			pending = timers.setTimeout(() => {
				pending = undefined;
				action();
			}, delayMs);
		},
		dispose() {
			disposed = true;
			if (pending !== undefined) {
				timers.clearTimeout(pending);
				pending = undefined;
			}
		},
	};
}

/**
 * Throttle: the first trigger runs at once; triggers within `intervalMs` after a run collapse into
 * one trailing run at the end of the interval. Unlike a debounce, a steady stream (scan progress)
 * still runs every `intervalMs` instead of waiting for quiet.
 */
export function createThrottle(action: () => void, intervalMs: number, timers: Timers = systemTimers): Trigger {
	let cooling: unknown;
	let queued = false;
	let disposed = false;
	const run = (): void => {
		action();
		cooling = timers.setTimeout(() => {
			cooling = undefined;
			if (queued && !disposed) {
				queued = false;
				run();
			}
		}, intervalMs);
	};
	return {
		trigger() {
			if (disposed) {
				return;
			}
			if (cooling === undefined) {
				run();
			} else {
				queued = true;
			}
		},
		dispose() {
			disposed = true;
			queued = false;
			if (cooling !== undefined) {
				timers.clearTimeout(cooling);
				cooling = undefined;
			}
		},
	};
}
