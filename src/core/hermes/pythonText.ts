/** Python's `str.isspace()` set: unlike JS `trim()`, it has \x1c–\x1f and \x85 but not U+FEFF. */
const pythonWhitespace = /^[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** Python's `str.strip()` with no arguments. */
export function pythonStrip(text: string): string {
	return text.replace(pythonWhitespace, '');
}

/** The reference preview: strip, then 60 code points plus "..." when longer (Python slices by code point). */
export function shapePreview(raw: string): string {
	const stripped = pythonStrip(raw);
	if (stripped === '') {
		return '';
	}
	const codePoints = Array.from(stripped);
	return codePoints.length > 60 ? `${codePoints.slice(0, 60).join('')}...` : stripped;
}

/**
 * What SQLite's `SUBSTR(REPLACE(REPLACE(content, X'0A', ' '), X'0D', ' '), 1, 63)` yields for text
 * that did not come from SQLite: string functions stop at the first NUL, and length counts code points.
 */
export function sqlitePreviewRaw(content: string): string {
	const nul = content.indexOf('\u0000');
	const visible = nul === -1 ? content : content.slice(0, nul);
	return Array.from(visible.slice(0, 63 * 2)).slice(0, 63).join('').replace(/[\n\r]/g, ' ');
}

/** `title or preview or "Untitled"`, as the reference resolves a session's display title. */
export function resolveTitle(title: unknown, previewRaw: unknown): string {
	if (typeof title === 'string' && title !== '') {
		return title;
	}
	const preview = typeof previewRaw === 'string' ? shapePreview(previewRaw) : '';
	return preview === '' ? 'Untitled' : preview;
}
