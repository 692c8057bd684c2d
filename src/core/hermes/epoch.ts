/** Hermes trusts timestamps only in this range (its EPOCH_MIN / EPOCH_MAX). */
const epochMax = 4.2e9;

/** Unix seconds, or null for NULL, zero, text, NaN, infinities and values outside [0, 4.2e9]. */
export function sanitizeEpoch(value: unknown): number | null {
	const seconds = typeof value === 'bigint' ? Number(value) : value;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > epochMax) {
		return null;
	}
	return seconds;
}
