/** Python's `\w` (letters and numbers of every script, and `_`) at a position of a JS string. */
const wordCodePoint = /^[\p{L}\p{N}_]$/u;

function isAsciiWord(unit: number): boolean {
	return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x5f;
}

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether the code point that ends just before `index` is a word character. */
export function isWordBefore(text: string, index: number): boolean {
	if (index <= 0) return false;
	const unit = text.charCodeAt(index - 1);
	if (unit < 0x80) return isAsciiWord(unit);
	const start = isLow(unit) && index >= 2 && isHigh(text.charCodeAt(index - 2)) ? index - 2 : index - 1;
	return wordCodePoint.test(text.slice(start, index));
}

/** Whether the code point that starts at `index` is a word character. */
export function isWordAt(text: string, index: number): boolean {
	if (index >= text.length) return false;
	const unit = text.charCodeAt(index);
	if (unit < 0x80) return isAsciiWord(unit);
	const end = isHigh(unit) && index + 1 < text.length && isLow(text.charCodeAt(index + 1)) ? index + 2 : index + 1;
	return wordCodePoint.test(text.slice(index, end));
}

/** Python's `\b` at `index`. */
export function isBoundary(text: string, index: number): boolean {
	return isWordBefore(text, index) !== isWordAt(text, index);
}
