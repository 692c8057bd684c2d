/**
 * JSON text shaped the way Python's `json.dumps` writes it (`", "` and `": "` separators), which is
 * how Hermes stores `tool_calls` and most tool results. `asciiOnly` mirrors `ensure_ascii=True`.
 */
export function pythonJson(value: unknown, asciiOnly = false): string {
	if (value === null || value === undefined) {
		return 'null';
	}
	if (typeof value === 'string') {
		return value.length >= longString ? quoteLong(value, asciiOnly) : quote(value, asciiOnly);
	}
	if (typeof value === 'number') {
		return Number.isFinite(value) ? String(value) : 'NaN';
	}
	if (typeof value === 'boolean') {
		return value ? 'true' : 'false';
	}
	if (Array.isArray(value)) {
		return `[${value.map((item: unknown) => pythonJson(item, asciiOnly)).join(', ')}]`;
	}
	if (typeof value === 'object') {
		const fields = Object.entries(value).map(([key, item]) => `${pythonJson(key, asciiOnly)}: ${pythonJson(item, asciiOnly)}`);
		return `{${fields.join(', ')}}`;
	}
	return 'null';
}

function quote(text: string, asciiOnly: boolean): string {
	const quoted = JSON.stringify(text);
	return asciiOnly ? escapeNonAscii(quoted) : quoted;
}

// Long strings (file views, big logs) repeat across a generated history; quoting each once saves
// most of the serialisation time of a large run.
const longString = 2000;
const longQuoted = new Map<string, string>();

function quoteLong(text: string, asciiOnly: boolean): string {
	const key = asciiOnly ? `a${text}` : `u${text}`;
	let quoted = longQuoted.get(key);
	if (quoted === undefined) {
		if (longQuoted.size > 2000) {
			longQuoted.clear();
		}
		quoted = quote(text, asciiOnly);
		longQuoted.set(key, quoted);
	}
	return quoted;
}

// Per UTF-16 unit, so astral characters become surrogate pairs exactly like Python's escapes.
function escapeNonAscii(text: string): string {
	return text.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
