/**
 * `text(m)` of docs/engine.md §2: what the reference engine's `_content` makes of a message's
 * content before any rule reads it.
 */
import { dumpsPyJson } from './pyJson.ts';

/** A string as is; `""` for NULL; anything else as Python's `json.dumps`, else Python's `str()`. */
export function messageText(content: unknown): string {
	if (typeof content === 'string') return content;
	if (content === null || content === undefined) return '';
	try {
		return dumpsPyJson(content);
	} catch {
		// A BLOB column reaches Python as `bytes`, which json.dumps refuses; `str(bytes)` follows.
		if (content instanceof Uint8Array) return pyBytesRepr(content);
		return String(content);
	}
}

/** Python `repr(bytes)`: `b'...'`, or `b"..."` when it holds `'` but no `"`. */
export function pyBytesRepr(bytes: Uint8Array): string {
	const hasSingle = bytes.includes(0x27);
	const quote = hasSingle && !bytes.includes(0x22) ? '"' : "'";
	let out = `b${quote}`;
	for (const byte of bytes) {
		if (byte === 0x5c) out += '\\\\';
		else if (byte === 0x09) out += '\\t';
		else if (byte === 0x0a) out += '\\n';
		else if (byte === 0x0d) out += '\\r';
		else if (byte === 0x27 && quote === "'") out += "\\'";
		else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
		else out += `\\x${byte.toString(16).padStart(2, '0')}`;
	}
	return `${out}${quote}`;
}
