import type { ScanProgress } from '../core/service.ts';

export interface ProgressStep {
	readonly message: string;
	/** What to add to the notification's bar (VS Code's progress takes increments, not totals). */
	readonly increment: number;
	/** The percentage reached, to pass back in as `reportedPct` next time. */
	readonly pct: number;
}

/** Turns the service's scan progress into the next report for a progress notification. */
export function progressStep(scanning: ScanProgress | null, reportedPct: number): ProgressStep | undefined {
	if (scanning === null || scanning.sessions_total <= 0) {
		return undefined;
	}
	const done = Math.min(scanning.sessions_done, scanning.sessions_total);
	const pct = Math.floor((100 * done) / scanning.sessions_total);
	return {
		message: `${done} / ${scanning.sessions_total} sessions`,
		increment: Math.max(0, pct - reportedPct),
		pct: Math.max(pct, reportedPct),
	};
}
