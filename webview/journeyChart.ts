import type { JourneyEventVm } from '../src/shared/protocol.ts';

/** The chart's drawing box, in SVG user units; the SVG scales it to the section's width. */
export const chartBox = { width: 800, height: 260, left: 44, right: 16, top: 16, bottom: 34 } as const;

export interface ChartMarker {
	readonly event: JourneyEventVm;
	readonly x: number;
	readonly y: number;
}

export interface ScoreChart {
	/** The score as a step line: flat until an unlock, then up. */
	readonly path: string;
	readonly markers: readonly ChartMarker[];
	readonly yTicks: readonly { readonly value: number; readonly y: number }[];
	readonly xTicks: readonly { readonly label: string; readonly x: number }[];
}

const monthFormat = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric' });
/** Markers that would sit on the same spot (several tiers from one session) are fanned out this far. */
const fanOut = 7;

/**
 * Positions for the score-over-time chart: x is time from the first session to the last (or the
 * newest unlock), y the number of achievements unlocked. Undated unlocks are left off the chart
 * (the table lists them).
 */
export function scoreChart(events: readonly JourneyEventVm[], total: number, firstAt: number | null, lastAt: number | null): ScoreChart {
	const dated = events.filter((e): e is JourneyEventVm & { at: number } => e.at !== null);
	const start = Math.min(firstAt ?? Infinity, dated[0]?.at ?? Infinity);
	const end = Math.max(lastAt ?? -Infinity, dated.at(-1)?.at ?? -Infinity);
	const { width, height, left, right, top, bottom } = chartBox;
	const plotWidth = width - left - right;
	const plotHeight = height - top - bottom;
	const span = Math.max(1, end - start);
	const maxScore = Math.max(1, total);
	const xOf = (at: number): number => left + ((at - start) / span) * plotWidth;
	const yOf = (score: number): number => top + plotHeight - (score / maxScore) * plotHeight;
	if (!Number.isFinite(start) || !Number.isFinite(end)) {
		return { path: '', markers: [], yTicks: ticks(maxScore).map((value) => ({ value, y: yOf(value) })), xTicks: [] };
	}
	let path = `M${round(left)},${round(yOf(0))}`;
	let score = 0;
	const taken = new Map<string, number>();
	const markers = dated.map((event) => {
		const x = xOf(event.at);
		if (event.score !== score) {
			path += ` H${round(x)} V${round(yOf(event.score))}`;
			score = event.score;
		}
		const spot = `${Math.round(x)}:${event.score}`;
		const crowd = taken.get(spot) ?? 0;
		taken.set(spot, crowd + 1);
		return { event, x: round(Math.min(width - right, x + crowd * fanOut)), y: round(yOf(event.score)) };
	});
	path += ` H${round(left + plotWidth)}`;
	return { path, markers, yTicks: ticks(maxScore).map((value) => ({ value, y: round(yOf(value)) })), xTicks: monthTicks(start, end, xOf) };
}

/** Up to five round numbers from 0 to the maximum score. */
function ticks(max: number): number[] {
	const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => max / s <= 5) ?? Math.ceil(max / 5);
	const values: number[] = [];
	for (let value = 0; value <= max; value += step) {
		values.push(value);
	}
	return values;
}

/** Month starts between start and end, thinned to at most seven labels. */
function monthTicks(start: number, end: number, xOf: (at: number) => number): { label: string; x: number }[] {
	const months: number[] = [];
	const cursor = new Date(start);
	cursor.setDate(1);
	cursor.setHours(0, 0, 0, 0);
	cursor.setMonth(cursor.getMonth() + 1);
	while (cursor.getTime() <= end && months.length < 400) {
		months.push(cursor.getTime());
		cursor.setMonth(cursor.getMonth() + 1);
	}
	if (months.length === 0) {
		return [{ label: monthFormat.format(new Date(start)), x: round(xOf(start)) }];
	}
	const every = Math.ceil(months.length / 7);
	return months.filter((_, i) => i % every === 0).map((at) => ({ label: monthFormat.format(new Date(at)), x: round(xOf(at)) }));
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}
