import type { Timers } from '../../../src/host/timing.ts';

/** A clock that only moves when the test says so. */
export class ManualTimers implements Timers {
	private now = 0;
	private nextId = 1;
	private readonly tasks = new Map<number, { readonly at: number; readonly callback: () => void }>();

	setTimeout(callback: () => void, ms: number): unknown {
		const id = this.nextId++;
		this.tasks.set(id, { at: this.now + ms, callback });
		return id;
	}

	clearTimeout(handle: unknown): void {
		this.tasks.delete(handle as number);
	}

	get pending(): number {
		return this.tasks.size;
	}

	/** Runs every timer due within `ms`, in time order (timers scheduled meanwhile included). */
	advance(ms: number): void {
		const target = this.now + ms;
		for (;;) {
			let due: [number, { readonly at: number; readonly callback: () => void }] | undefined;
			for (const entry of this.tasks) {
				if (entry[1].at <= target && (due === undefined || entry[1].at < due[1].at)) {
					due = entry;
				}
			}
			if (due === undefined) {
				break;
			}
			this.tasks.delete(due[0]);
			this.now = due[1].at;
			due[1].callback();
		}
		this.now = target;
	}
}
