import type { Snapshot } from '../core/model.ts';
import type { LastReadVm } from '../shared/protocol.ts';

/**
 * Remembers the last scan that read something. A refresh that found nothing new still produces a
 * snapshot (with "0 read"), and showing its time and figures would overwrite what the user wants
 * to know: when their history last changed the achievements, and what that took.
 */
export class LastReadTracker {
	private last: { readonly scanId: string; readonly value: LastReadVm } | undefined;

	/** Takes in a snapshot the service handed out; returns what the status line should report. */
	observe(snapshot: Snapshot | undefined): LastReadVm | null {
		if (snapshot === undefined || snapshot.partial || snapshot.scan_meta.mode === 'failed') {
			return this.current();
		}
		if (this.last?.scanId === snapshot.scan_id) {
			return this.last.value;
		}
		const meta = snapshot.scan_meta;
		const readSomething = meta.sessions_rescanned > 0 || meta.mode === 'full';
		const countChanged = this.last !== undefined && this.last.value.sessionsTotal !== meta.sessions_total;
		// The first snapshot seen is taken whatever it read: after a restart it is all there is.
		if (this.last === undefined || readSomething || countChanged) {
			this.last = {
				scanId: snapshot.scan_id,
				value: {
					at: snapshot.generated_at * 1000,
					durationMs: meta.duration_ms,
					sessionsRead: meta.sessions_rescanned,
					sessionsTotal: meta.sessions_total,
					full: meta.mode === 'full',
				},
			};
		}
		return this.last.value;
	}

	current(): LastReadVm | null {
		return this.last?.value ?? null;
	}

	/** Another home took over: its history has its own last read. */
	reset(): void {
		this.last = undefined;
	}
}
