const numberFormat = new Intl.NumberFormat('en');

export function formatNumber(value: number): string {
	return numberFormat.format(value);
}

// Durations and "… ago" are worded by the formatter the host and the CLI use too.
export { formatDuration, formatAgoShort as relativeTime } from '../src/shared/durationText.ts';

const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' });

export function formatDate(ms: number): string {
	return dateFormat.format(new Date(ms));
}

export function plural(count: number, one: string, many = `${one}s`): string {
	return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
