import { parsePyJson } from '../analysis/pyJson.ts';

const jsonPrefixes = ['\u0000json:', '\u0001json:'];
const textDecoder = new TextDecoder('utf-8', { fatal: false });

/** A stored `content` cell as the reference returns it: text, NULL, or decoded multimodal JSON. */
export function decodeContent(value: unknown): unknown {
	const text = value instanceof Uint8Array ? textDecoder.decode(value) : value;
	if (typeof text !== 'string') {
		return text ?? null;
	}
	for (const prefix of jsonPrefixes) {
		if (text.startsWith(prefix)) {
			try {
				return parsePyJson(text.slice(prefix.length));
			} catch {
				return text;
			}
		}
	}
	return text;
}

/** A stored `tool_calls` cell: truthy text parsed as JSON; anything but a list becomes []. */
export function decodeToolCalls(value: unknown): readonly unknown[] {
	if (Array.isArray(value)) {
		return value;
	}
	const text = value instanceof Uint8Array ? textDecoder.decode(value) : value;
	if (typeof text !== 'string' || text === '') {
		return [];
	}
	try {
		const parsed = parsePyJson(text);
		return Array.isArray(parsed) ? parsed : [];
	} catch {
		return [];
	}
}

/** A text cell as a string; blobs decoded as UTF-8 (with replacement), anything else null. */
export function cellText(value: unknown): string | null {
	if (typeof value === 'string') {
		return value;
	}
	if (value instanceof Uint8Array) {
		return textDecoder.decode(value);
	}
	return null;
}
