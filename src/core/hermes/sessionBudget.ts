/**
 * How much stored text one session may hold and still be read. The analysis needs a session's
 * whole text at once (its rules run over the messages joined together, and several can span a
 * line of any length), so a session is either read whole, exactly as the reference reads it, or
 * not at all. At this size, reading it holds the text about twice (once as UTF-16 when it is not
 * all Latin-1), and a scan stays well below 600 MB; larger sessions are left out with the reason.
 */
export const sessionByteBudget = 128 * 1024 * 1024;

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
