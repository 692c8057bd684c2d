/**
 * Python orders strings by code point; JS `sort()` by UTF-16 unit, which puts astral characters
 * (surrogate pairs) before U+E000–U+FFFF. This comparator restores Python's order.
 */
export function compareByCodePoint(a: string, b: string): number {
	const length = Math.min(a.length, b.length);
	for (let i = 0; i < length; i++) {
		const unitA = a.charCodeAt(i);
		const unitB = b.charCodeAt(i);
		if (unitA === unitB) continue;
		return codePointAt(a, i) - codePointAt(b, i);
	}
	return a.length - b.length;
}

function codePointAt(text: string, index: number): number {
	const unit = text.charCodeAt(index);
	// A low surrogate here follows the same high surrogate in both strings: units order like code points.
	if (unit >= 0xdc00 && unit <= 0xdfff && index > 0 && isHighSurrogate(text.charCodeAt(index - 1))) return unit;
	return text.codePointAt(index) ?? unit;
}

function isHighSurrogate(unit: number): boolean {
	return unit >= 0xd800 && unit <= 0xdbff;
}

/** A sorted copy, in Python's `sorted()` order for strings. */
export function sortedByCodePoint(values: Iterable<string>): string[] {
	return [...values].sort(compareByCodePoint);
}
