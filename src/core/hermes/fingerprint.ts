/**
 * A short, stable digest of the values a session's analysis depends on. Change detection only,
 * not security: two independent 32-bit FNV-1a lanes over the UTF-16 units, far cheaper than a
 * crypto hash when thousands of sessions are listed on every history change.
 */
export function fingerprintOf(parts: readonly (string | null)[]): string {
	const text = JSON.stringify(parts);
	let a = 0x811c9dc5;
	let b = 0x050c5d1f;
	for (let index = 0; index < text.length; index++) {
		const unit = text.charCodeAt(index);
		a = Math.imul(a ^ unit, 0x01000193);
		b = Math.imul(b ^ unit, 0x01000193) ^ (b >>> 13);
	}
	return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${text.length.toString(36)}`;
}
