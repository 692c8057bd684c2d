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
