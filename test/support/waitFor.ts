/** Polls `probe` (every `pollMs`) until it returns something other than undefined; fails with `what` and the last value seen. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000, lastSeen?: () => unknown, pollMs = 100): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) {
			return value;
		}
		if (Date.now() > deadline) {
			const seen = lastSeen ? ` (last seen: ${JSON.stringify(lastSeen())})` : '';
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}`);
		}
		await new Promise((resolve) => setTimeout(resolve, pollMs));
	}
}
