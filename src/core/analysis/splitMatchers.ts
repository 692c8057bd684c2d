/**
 * Exact, linear-time replacements for the reference rules that are slow as a single regex.
 * V8, like Python's `re`, backtracks `.*` to the end of the line from every candidate start, and
 * tries a two-sided `\b` at every position; on tool output (one JSON line per result) that costs
 * more than all the other rules together. Each function here says why it gives the same answer.
 * They take the `spans` (`ruleScan`) of the parts they are split into: flat [start, end, …].
 */
import { isWordBefore } from './pyWord.ts';

/**
 * Whether `first.*second` matches (`.` = anything but `\n`): some span of `second` starts at or
 * after the end of a span of `first`, on the same line. `first`'s spans must not overlap each
 * other (true when its pattern is `\b…\b` around word characters), so their ends increase, and
 * the last one that ends before a `second` is the one most likely on its line.
 */
export function followedOnSameLine(first: readonly number[], second: readonly number[], text: string): boolean {
	let next = 0;
	let lastEnd = -1;
	let lineEnd = -2;
	for (let k = 0; k < second.length; k += 2) {
		const start = second[k] ?? 0;
		while (next < first.length && (first[next + 1] ?? 0) <= start) {
			lastEnd = first[next + 1] ?? 0;
			lineEnd = -2;
			next += 2;
		}
		if (lastEnd < 0) continue;
		if (lineEnd === -2) lineEnd = text.indexOf('\n', lastEnd);
		if (lineEnd < 0 || start < lineEnd) return true;
	}
	return false;
}

/** One possible match of a pattern: where it starts and where it ends. */
interface Candidate {
	readonly start: number;
	readonly end: number;
}

function isConfigRunChar(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)
		|| code === 0x5f || code === 0x2d || code === 0x130 || code === 0x131 || code === 0x17f || code === 0x212a;
}

/**
 * `config_events`: the number of non-overlapping matches (Python `findall`) of
 *   `config\.ya?ml|\b[a-z0-9_-]+config\.(?:js|ts|json|ya?ml)|\.env(?:\b|\.)|manifest\.json|...`
 * with re.I. The second alternative starts with a two-sided `\b` before a class that takes almost
 * any character, so a regex engine tries it everywhere. Instead:
 * - its matches end at a match of `config\.(?:js|ts|json|ya?ml)` (`configExt`): `.` is not
 *   in the class, so the greedy run before `config` is the whole run of class characters that
 *   ends there, and any start inside that run with a `\b` and at least one character before
 *   `config` matches, with the same end;
 * - no other alternative can match at a start where the second one does (their runs do not end
 *   in `config`, or they start with `.`, which is not in the class), so at each start at most one
 *   alternative matches, and `findall` takes the leftmost start at or after the previous end.
 * `others` are the spans of the pattern without the second alternative at every start.
 */
export function countConfigEvents(others: readonly number[], configExt: readonly number[], text: string): number {
	const candidates: Candidate[] = [];
	for (let k = 0; k < others.length; k += 2) candidates.push({ start: others[k] ?? 0, end: others[k + 1] ?? 0 });
	for (let k = 0; k < configExt.length; k += 2) {
		const configStart = configExt[k] ?? 0;
		const end = configExt[k + 1] ?? 0;
		let runStart = configStart;
		while (runStart > 0 && isConfigRunChar(text.charCodeAt(runStart - 1))) runStart--;
		for (let start = runStart; start < configStart; start++) {
			const isWord = text.charCodeAt(start) !== 0x2d;
			const prevIsWord = start === runStart ? isWordBefore(text, start) : text.charCodeAt(start - 1) !== 0x2d;
			if (isWord !== prevIsWord) candidates.push({ start, end });
		}
	}
	if (candidates.length === 0) return 0;
	candidates.sort((a, b) => a.start - b.start);
	let count = 0;
	let position = 0;
	for (const candidate of candidates) {
		if (candidate.start < position) continue;
		count++;
		position = candidate.end;
	}
	return count;
}
