/** One day of the calendar heatmap: a column per week (Sunday on top), a row per weekday. */
export interface HeatmapCell {
	readonly day: string;
	readonly count: number;
	readonly week: number;
	readonly weekday: number;
	/** 0 for no sessions, then 1–4 by share of the busiest day. */
	readonly level: 0 | 1 | 2 | 3 | 4;
}

export interface Heatmap {
	readonly cells: readonly HeatmapCell[];
	readonly weeks: number;
	/** Where each month's first full week starts, for the labels above the grid. */
	readonly months: readonly { readonly label: string; readonly week: number }[];
	readonly total: number;
	readonly busiest: number;
}

const weeksShown = 53;
const monthFormat = new Intl.DateTimeFormat('en', { month: 'short' });

/** The 53 weeks up to and including `untilDay` (`YYYY-MM-DD`, local), with sessions per day. */
export function heatmapOf(sessionsPerDay: readonly (readonly [string, number])[], untilDay: string): Heatmap {
	const counts = new Map(sessionsPerDay);
	const until = parseDay(untilDay);
	const first = new Date(until);
	first.setDate(first.getDate() - until.getDay() - (weeksShown - 1) * 7);
	const cells: HeatmapCell[] = [];
	let busiest = 0;
	for (const cursor = new Date(first); cursor <= until; cursor.setDate(cursor.getDate() + 1)) {
		const day = formatDay(cursor);
		busiest = Math.max(busiest, counts.get(day) ?? 0);
	}
	const months: { label: string; week: number }[] = [];
	let total = 0;
	let index = 0;
	for (const cursor = new Date(first); cursor <= until; cursor.setDate(cursor.getDate() + 1), index++) {
		const day = formatDay(cursor);
		const count = counts.get(day) ?? 0;
		total += count;
		const week = Math.floor(index / 7);
		if (cursor.getDate() <= 7 && cursor.getDay() === 0) {
			months.push({ label: monthFormat.format(cursor), week });
		}
		cells.push({ day, count, week, weekday: cursor.getDay(), level: levelOf(count, busiest) });
	}
	return { cells, weeks: weeksShown, months, total, busiest };
}

function levelOf(count: number, busiest: number): HeatmapCell['level'] {
	if (count === 0 || busiest === 0) {
		return 0;
	}
	return Math.min(4, Math.max(1, Math.ceil((count / busiest) * 4))) as HeatmapCell['level'];
}

/** A local calendar day; `new Date('YYYY-MM-DD')` would be UTC midnight, a day off west of Greenwich. */
export function parseDay(day: string): Date {
	const [year, month, date] = day.split('-').map(Number);
	return new Date(year!, month! - 1, date!);
}

export function formatDay(date: Date): string {
	return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
