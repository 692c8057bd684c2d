/**
 * How much stored text one session may hold and still be read. The analysis needs a session's
 * whole text at once (its rules run over the messages joined together, and several can span a
 * line of any length), so a session is either read whole, exactly as the reference reads it, or
 * not at all. Reading one costs up to about five times its stored size (the joined text, twice
 * that when it is not all Latin-1, briefly twice over while it is joined, plus the match
 * positions): at this size that stays near 500 MB, well inside the scan worker's heap limit.
 */
export const sessionByteBudget = 100 * 1024 * 1024;

/** Thrown while reading a session that turns out to hold more than the budget allows. */
export class SessionTooLarge extends Error {
	readonly bytes: number;

	constructor(sessionId: string, bytes: number, limit: number) {
		super(`Session ${sessionId} holds more than ${formatBytes(limit)} of message text (at least ${formatBytes(bytes)})`);
		this.name = 'SessionTooLarge';
		this.bytes = bytes;
	}
}

export function tooLargeReason(bytes: number, limit: number = sessionByteBudget): string {
	return `It holds ${formatBytes(bytes)} of message text, more than the ${formatBytes(limit)} one session may hold to be read within the scanner's memory budget; it is left out of the counts.`;
}

export function formatBytes(bytes: number): string {
	const mb = bytes / (1024 * 1024);
	return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}
