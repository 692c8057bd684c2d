/**
 * Weekend and night are judged in the machine's local time zone, as the reference does with
 * Python's `time.localtime` (so parity tests pin `TZ=UTC`).
 */
export function isWeekendStart(startedAt: number): boolean {
	const day = new Date(startedAt * 1000).getDay();
	return day === 0 || day === 6;
}

export function isNightStart(startedAt: number): boolean {
	const hour = new Date(startedAt * 1000).getHours();
	return hour < 6 || hour >= 23;
}

/** The local calendar day a session started on, `YYYY-MM-DD` (sorts as text). */
export function localDay(startedAt: number): string {
	const date = new Date(startedAt * 1000);
	const month = String(date.getMonth() + 1).padStart(2, '0');
	const day = String(date.getDate()).padStart(2, '0');
	return `${date.getFullYear()}-${month}-${day}`;
}
