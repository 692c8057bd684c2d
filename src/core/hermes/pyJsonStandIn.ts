/**
 * Temporary stand-in for src/core/analysis/pyJson.ts (Python-compatible `json.loads`), which is
 * being written in parallel. Replace the import in decode.ts and delete this file once it exists.
 */
export function parsePyJson(text: string): unknown {
	return JSON.parse(text);
}
