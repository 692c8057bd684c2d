import type { Disposable } from '../core/events.ts';
import { systemTimers } from './timing.ts';
import type { Timers } from './timing.ts';

/** A webview that never confirms (it was torn down mid-flight) must not stop the posts for good. */
const confirmationTimeoutMs = 2000;

/**
 * Paces the models posted to one webview: at most one in flight, and the next no sooner than
 * `intervalMs` after the webview confirmed it painted the last. Measured where it matters, in the
 * webview, models then arrive at least `intervalMs` apart even when the transport bunches them
 * (a host-side throttle alone let a delayed batch arrive together), and a slow view is never
 * flooded: it always paints the newest model, never a queue of old ones.
 */
export class PostPacer implements Disposable {
	private inFlight = false;
	private wanted = false;
	private lastShownAt = Number.NEGATIVE_INFINITY;
	private waiting: unknown;
	private confirmation: unknown;
	private disposed = false;
	private readonly send: () => boolean;
	private readonly intervalMs: number;
	private readonly timers: Timers;
	private readonly now: () => number;

	/** `send` posts the current model if there is anything new and returns whether it posted. */
	constructor(send: () => boolean, intervalMs: number, timers: Timers = systemTimers, now: () => number = Date.now) {
		this.send = send;
		this.intervalMs = intervalMs;
		this.timers = timers;
		this.now = now;
	}

	/** Something changed: post the model of that moment as soon as the pace allows. */
	request(): void {
		this.wanted = true;
		this.pump();
	}

	/** The webview painted the model it was sent. */
	shown(): void {
		if (!this.inFlight) {
			return;
		}
		this.settle();
	}

	/** The webview (re)loaded: nothing of an earlier page is in flight any more. */
	reset(): void {
		this.inFlight = false;
		this.clear('confirmation');
		this.clear('waiting');
		this.lastShownAt = Number.NEGATIVE_INFINITY;
	}

	dispose(): void {
		this.disposed = true;
		this.clear('confirmation');
		this.clear('waiting');
	}

	private settle(): void {
		this.inFlight = false;
		this.clear('confirmation');
		this.lastShownAt = this.now();
		this.pump();
	}

	private pump(): void {
		if (this.disposed || this.inFlight || this.waiting !== undefined || !this.wanted) {
			return;
		}
		const wait = this.lastShownAt + this.intervalMs - this.now();
		if (wait > 0) {
			this.waiting = this.timers.setTimeout(() => {
				this.waiting = undefined;
				this.pump();
			}, wait);
			return;
		}
		this.wanted = false;
		if (this.send()) {
			this.inFlight = true;
			this.confirmation = this.timers.setTimeout(() => {
				this.confirmation = undefined;
				this.settle();
			}, confirmationTimeoutMs);
		}
	}

	private clear(which: 'waiting' | 'confirmation'): void {
		if (this[which] !== undefined) {
			this.timers.clearTimeout(this[which]);
			this[which] = undefined;
		}
	}
}
