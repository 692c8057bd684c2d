const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "just now", "2 min ago", "3 h ago", "5 days ago": short enough for a tooltip line. */
export function formatAgoShort(thenMs: number, nowMs: number): string {
	const elapsed = Math.max(0, nowMs - thenMs);
	if (elapsed < minute) {
		return 'just now';
	}
	if (elapsed < hour) {
		return `${Math.floor(elapsed / minute)} min ago`;
	}
	if (elapsed < day) {
		return `${Math.floor(elapsed / hour)} h ago`;
	}
	const days = Math.floor(elapsed / day);
	return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/** "just now", "1 minute ago", "2 hours ago": whole words for screen readers. */
export function formatAgoLong(thenMs: number, nowMs: number): string {
	const elapsed = Math.max(0, nowMs - thenMs);
	if (elapsed < minute) {
		return 'just now';
	}
	const [count, unit] = elapsed < hour
		? [Math.floor(elapsed / minute), 'minute']
		: elapsed < day
			? [Math.floor(elapsed / hour), 'hour']
			: [Math.floor(elapsed / day), 'day'];
	return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}

/** "850 ms", "4.2 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
	if (ms < 1000) {
		return `${Math.round(ms)} ms`;
	}
	if (ms < minute) {
		return `${(ms / 1000).toFixed(1)} s`;
	}
	const minutes = Math.floor(ms / minute);
	const seconds = Math.round((ms % minute) / 1000);
	return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
