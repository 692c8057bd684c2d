import type { JsonLineChild } from './jsonLineChild.ts';
import type { ServiceReport } from './serviceProcess.ts';

export interface ReadingSpan {
	readonly pid: number;
	/** Unix ms, as the window reported them. */
	readonly from: number;
	readonly to: number;
}

/**
 * When each window's worker was reading the history, from the windows' own reports; a window
 * killed while reading read until it was killed (`killedAt`: pid → Unix ms). Sorted by start.
 */
export function readingSpans(windows: readonly JsonLineChild<ServiceReport>[], killedAt: ReadonlyMap<number, number> = new Map()): ReadingSpan[] {
	return windows.flatMap((w) => {
		const spans: { pid: number; from: number; to: number }[] = [];
		for (const line of w.lines) {
			if ('reading' in line) {
				spans.push({ pid: w.pid, from: line.reading, to: killedAt.get(w.pid) ?? Infinity });
			} else if ('read_done' in line && spans.length > 0) {
				spans[spans.length - 1]!.to = line.read_done;
			}
		}
		return spans;
	}).sort((a, b) => a.from - b.from);
}

/** The first two spans that overlap (two windows reading at once), or undefined. */
export function overlappingSpans(spans: readonly ReadingSpan[]): string | undefined {
	for (let i = 1; i < spans.length; i++) {
		const [previous, next] = [spans[i - 1]!, spans[i]!];
		if (next.from < previous.to) {
			return `pid ${next.pid} read the history from ${next.from} while pid ${previous.pid} did until ${previous.to}`;
		}
	}
	return undefined;
}
