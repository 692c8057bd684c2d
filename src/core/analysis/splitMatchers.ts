/**
 * Exact, linear-time replacements for the reference rules that are slow as a single JS regex.
 * V8, like Python's `re`, backtracks `.*` to the end of the line from every candidate start, and
 * tries a two-sided `\b` at every position; on tool output (one JSON line per result) that costs
 * more than all the other rules together. Each function here says why it gives the same answer.
 */

/**
 * Whether `first.*second` matches (`.` = anything but `\n`), given that a match of `second`
 * cannot start inside a match of `first` (true when `first` ends with `\b` after a word
 * character and `second` starts with `\b` before one). Both regexes must be global.
 * Only the first `first` of each line matters: later ones see a subset of the same line.
 */
export function followedOnSameLine(first: RegExp, second: RegExp, text: string): boolean {
	first.lastIndex = 0;
	let next: RegExpExecArray | null = null;
	let searchedFrom = -1;
	for (;;) {
		const head = first.exec(text);
		if (head === null) return false;
		const headEnd = head.index + head[0].length;
		// The leftmost `second` at or after an earlier start is still the leftmost one after headEnd.
		if (searchedFrom < 0 || (next !== null && next.index < headEnd)) {
			second.lastIndex = headEnd;
			next = second.exec(text);
			searchedFrom = headEnd;
		}
		if (next === null) return false;
		const lineEnd = text.indexOf('\n', headEnd);
		if (lineEnd < 0 || next.index < lineEnd) return true;
		first.lastIndex = lineEnd + 1;
	}
}

/** One possible match of a pattern: where it starts and where it ends. */
interface Candidate {
	readonly start: number;
	readonly end: number;
}

/** Every start at which a global regex matches (not only the non-overlapping ones). */
function everyMatchStart(regex: RegExp, text: string, into: Candidate[]): void {
	regex.lastIndex = 0;
	for (;;) {
		const match = regex.exec(text);
		if (match === null) return;
		into.push({ start: match.index, end: match.index + match[0].length });
		// Matches start with an ASCII character, so index + 1 never splits a surrogate pair.
		regex.lastIndex = match.index + 1;
	}
}

const wordCodePoint = /^[\p{L}\p{N}_]$/u;

function isConfigRunChar(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)
		|| code === 0x5f || code === 0x2d || code === 0x130 || code === 0x131 || code === 0x17f || code === 0x212a;
}

/** Whether the code point that ends just before `index` is a Python word character. */
function isWordBefore(text: string, index: number): boolean {
	if (index <= 0) return false;
	const unit = text.charCodeAt(index - 1);
	if (unit < 0x80) return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x5f;
	const isLow = unit >= 0xdc00 && unit <= 0xdfff;
	const start = isLow && index >= 2 && text.charCodeAt(index - 2) >= 0xd800 && text.charCodeAt(index - 2) <= 0xdbff ? index - 2 : index - 1;
	return wordCodePoint.test(text.slice(start, index));
}

/**
 * `config_events`: the number of non-overlapping matches (Python `findall`) of
 *   `config\.ya?ml|\b[a-z0-9_-]+config\.(?:js|ts|json|ya?ml)|\.env(?:\b|\.)|manifest\.json|...`
 * with re.I. The second alternative starts with a two-sided `\b` before a class that takes almost
 * any character, so a regex engine tries it everywhere. Instead:
 * - its matches end at an occurrence of `config\.(?:js|ts|json|ya?ml)` (`configExt`): `.` is not
 *   in the class, so the greedy run before `config` is the whole run of class characters that
 *   ends there, and any start inside that run with a `\b` and at least one character before
 *   `config` matches, with the same end;
 * - no other alternative can match at a start where the second one does (their runs do not end
 *   in `config`, or they start with `.`, which is not in the class), so at each start at most one
 *   alternative matches, and `findall` takes the leftmost start at or after the previous end.
 * `others` is the pattern without the second alternative; both regexes must be global.
 */
export function countConfigEvents(others: RegExp, configExt: RegExp, text: string): number {
	const candidates: Candidate[] = [];
	everyMatchStart(others, text, candidates);
	configExt.lastIndex = 0;
	for (;;) {
		const match = configExt.exec(text);
		if (match === null) break;
		const configStart = match.index;
		const end = configStart + match[0].length;
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
