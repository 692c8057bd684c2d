/**
 * How long something took and how long ago it was: the one formatter the status bar, the scan
 * status report, the webview and the CLI share. Each value is rounded once, to the precision it is
 * printed with, before it is split into units, so 59.96 s reads "1 min" (not "60.0 s") and 119.7 s
 * "2 min" (not "1 min 60 s"). Relative times count whole units that have passed: 90 s is "1 min ago"
 * everywhere.
 */
const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/** "850 ms", "4.2 s", "2 min", "2 min 5 s". */
export function formatDuration(ms: number): string {
	const wholeMs = Math.round(Math.max(0, ms));
	if (wholeMs < second) {
		return `${wholeMs} ms`;
	}
	const tenths = Math.round(ms / 100);
	if (tenths < 600) {
		return `${(tenths / 10).toFixed(1)} s`;
	}
	const seconds = Math.round(ms / second);
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** "just now", "2 min ago", "3 h ago", "5 days ago": short enough for a tooltip line or a status line. */
export function formatAgoShort(thenMs: number, nowMs: number): string {
	const [count, unit] = elapsedUnits(thenMs, nowMs);
	switch (unit) {
		case 'now':
			return 'just now';
		case 'minute':
			return `${count} min ago`;
		case 'hour':
			return `${count} h ago`;
		case 'day':
			return `${count} ${count === 1 ? 'day' : 'days'} ago`;
	}
}

/** "just now", "1 minute ago", "2 hours ago": whole words for screen readers. */
export function formatAgoLong(thenMs: number, nowMs: number): string {
	const [count, unit] = elapsedUnits(thenMs, nowMs);
	return unit === 'now' ? 'just now' : `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}

/** Whole units passed; a time in the future (clock skew) is now. */
function elapsedUnits(thenMs: number, nowMs: number): [number, 'now' | 'minute' | 'hour' | 'day'] {
	const elapsed = Math.max(0, nowMs - thenMs);
	if (elapsed < minute) {
		return [0, 'now'];
	}
	if (elapsed < hour) {
		return [Math.floor(elapsed / minute), 'minute'];
	}
	if (elapsed < day) {
		return [Math.floor(elapsed / hour), 'hour'];
	}
	return [Math.floor(elapsed / day), 'day'];
}
