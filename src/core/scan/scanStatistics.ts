import type { ScanCounters } from '../service.ts';

const keptDurations = 200;

/** Counters and timings of one coordinator's scans, for the status line and `status --json`. */
export class ScanStatistics {
	private scansRun = 0;
	private requestsJoined = 0;
	private scansJoined = 0;
	private staleServedCount = 0;
	private failures = 0;
	private readonly durations: number[] = [];
	private lastStartedAt: number | null = null;
	private lastFinishedAt: number | null = null;
	private lastSuccessAt: number | null = null;
	private lastDurationMs: number | null = null;

	started(at: number): void {
		this.scansRun++;
		this.lastStartedAt = at;
	}

	succeeded(startedAt: number, finishedAt: number): void {
		this.finished(startedAt, finishedAt);
		this.lastSuccessAt = finishedAt;
	}

	failed(startedAt: number, finishedAt: number): void {
		this.failures++;
		this.finished(startedAt, finishedAt);
	}

	/** A result taken from another process's scan instead of running one. */
	joinedOther(): void {
		this.scansJoined++;
	}

	joined(): void {
		this.requestsJoined++;
	}

	staleServed(): void {
		this.staleServedCount++;
	}

	summary() {
		return {
			last_started_at: this.lastStartedAt,
			last_finished_at: this.lastFinishedAt,
			last_success_at: this.lastSuccessAt,
			last_duration_ms: this.lastDurationMs,
			counters: {
				scans_run: this.scansRun,
				scans_joined: this.scansJoined,
				requests_joined: this.requestsJoined,
				stale_served: this.staleServedCount,
				failures: this.failures,
				duration_avg_ms: Math.round(average(this.durations)),
				duration_p95_ms: percentile(this.durations, 0.95),
			} satisfies ScanCounters,
		};
	}

	private finished(startedAt: number, finishedAt: number): void {
		this.lastFinishedAt = finishedAt;
		this.lastDurationMs = finishedAt - startedAt;
		this.durations.push(this.lastDurationMs);
		if (this.durations.length > keptDurations) {
			this.durations.shift();
		}
	}
}

function average(values: readonly number[]): number {
	return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) {
		return 0;
	}
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
