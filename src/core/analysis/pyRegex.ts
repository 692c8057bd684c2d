/**
 * Translates the reference engine's Python `re` patterns into JavaScript regexes that match
 * exactly the same text (spec/parity-pitfalls.md §2):
 * - `\w` and `\b` are Unicode-aware (letters and numbers of every script);
 * - `\s` is Python's `str.isspace()` set (`\x1c`–`\x1f` and `\x85`, but not U+FEFF);
 * - `.` stops only at `\n` (not at `\r`, U+2028, U+2029);
 * - `re.I` is written out per letter instead of using the `i` flag, because Python also folds
 *   `İ` and `ı` into `i` (JS does not), and the `i` flag would make `\p{L}` match U+0345.
 * Only the syntax the reference patterns use is supported; anything else throws.
 */

/** Python's `\w` for `str` patterns: exactly the Unicode letters and numbers, plus `_`. */
export const pyWordClassBody = '\\p{L}\\p{N}_';
/** Python's `\s` for `str` patterns (`str.isspace()`). */
export const pySpaceClassBody = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const word = `[${pyWordClassBody}]`;
const notAfterWord = `(?<!${word})`;
const notBeforeWord = `(?!${word})`;
const twoSidedBoundary = `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`;

// Under re.I, Python also matches these non-ASCII characters to an ASCII letter.
const extraFolds: Readonly<Record<string, string>> = { i: '\\u0130\\u0131', k: '\\u212a', s: '\\u017f' };

export type ClassItem =
	| { readonly kind: 'range'; readonly from: number; readonly to: number }
	| { readonly kind: 'word' }
	| { readonly kind: 'space' };

export type PyNode =
	| { readonly kind: 'literal'; readonly code: number }
	| { readonly kind: 'class'; readonly negated: boolean; readonly items: readonly ClassItem[] }
	| { readonly kind: 'dot' }
	| { readonly kind: 'word' }
	| { readonly kind: 'space' }
	| { readonly kind: 'boundary' }
	| { readonly kind: 'group'; readonly alternatives: readonly PySequence[] }
	| { readonly kind: 'repeat'; readonly node: PyNode; readonly min: number; readonly max: number; readonly lazy: boolean };

export type PySequence = readonly PyNode[];

export interface PyRegexOptions {
	/** Python `re.I`. */
	readonly ignoreCase: boolean;
}

/**
 * How case-insensitivity is written. `manual` spells every letter as a class and uses no `i`
 * flag: always exact. `flag` uses the `i` flag (several times faster in V8) plus the folds JS
 * lacks; it is exact too, except that with the `u` flag JS folds U+0345 into `\p{L}`.
 */
export type CaseStyle = 'manual' | 'flag';

export interface PyRegexTranslation {
	readonly source: string;
	readonly flags: string;
}

/** The JS source and flags equivalent to a Python pattern. */
export function translatePyRegex(pattern: string, options: PyRegexOptions, style: CaseStyle = 'manual'): PyRegexTranslation {
	const alternatives = parsePyPattern(pattern);
	const unicode = alternatives.some(needsUnicode);
	const useFlag = options.ignoreCase && style === 'flag';
	const emitter = new Emitter(options.ignoreCase, useFlag ? (unicode ? 'flag-unicode' : 'flag') : 'manual');
	const source = alternatives.map((sequence) => emitter.sequence(sequence, false, false)).join('|');
	return { source, flags: `${useFlag ? 'i' : ''}${unicode ? 'u' : ''}` };
}

/**
 * Each top-level alternative of a pattern as its own sticky regex (exact case style): set
 * `lastIndex` to a position, and `test` tells whether that alternative matches there and
 * `lastIndex` where its match ends.
 */
export function compileStickyAlternatives(pattern: string, options: PyRegexOptions): RegExp[] {
	const emitter = new Emitter(options.ignoreCase, 'manual');
	return parsePyPattern(pattern).map((sequence) =>
		new RegExp(emitter.sequence(sequence, false, false), needsUnicode(sequence) ? 'uy' : 'y'));
}

/**
 * A Python pattern compiled for JS. Use `exact` on text that contains U+0345 (COMBINING GREEK
 * YPOGEGRAMMENI), `fast` otherwise; they are the same regex when the difference cannot arise.
 */
export interface PyRegex {
	readonly fast: RegExp;
	readonly exact: RegExp;
}

/** Compiles a translation; `global` for counting matches, otherwise for a single search. */
export function compilePyRegex(pattern: string, options: PyRegexOptions & { readonly global: boolean }): PyRegex {
	const g = options.global ? 'g' : '';
	const fast = translatePyRegex(pattern, options, 'flag');
	const fastRegex = new RegExp(fast.source, fast.flags + g);
	if (!(fast.flags.includes('i') && fast.flags.includes('u'))) return { fast: fastRegex, exact: fastRegex };
	const exact = translatePyRegex(pattern, options, 'manual');
	return { fast: fastRegex, exact: new RegExp(exact.source, exact.flags + g) };
}

/** Python `len(re.findall(...))` for a regex compiled with `global` (no rule matches the empty string). */
export function countMatches(regex: RegExp, text: string): number {
	regex.lastIndex = 0;
	let count = 0;
	while (regex.exec(text) !== null) count++;
	return count;
}

/** The top-level alternatives of a Python pattern, as the translator reads them. */
export function parsePyPattern(pattern: string): readonly PySequence[] {
	const parser = new PatternParser(pattern);
	const alternatives = parser.parseAlternatives();
	if (parser.pos !== pattern.length) throw new SyntaxError(`Unbalanced ')' in ${pattern}`);
	return alternatives;
}

function needsUnicode(sequence: PySequence): boolean {
	return sequence.some((node) => {
		switch (node.kind) {
			case 'word': case 'boundary': return true;
			case 'literal': return node.code > 0xffff;
			case 'class': return node.items.some((item) => item.kind === 'word' || (item.kind === 'range' && item.to > 0xffff));
			case 'group': return node.alternatives.some(needsUnicode);
			case 'repeat': return needsUnicode([node.node]);
			default: return false;
		}
	});
}

class PatternParser {
	readonly pattern: string;
	pos = 0;

	constructor(pattern: string) {
		this.pattern = pattern;
	}

	parseAlternatives(): PySequence[] {
		const alternatives: PySequence[] = [this.parseSequence()];
		while (this.pattern[this.pos] === '|') {
			this.pos++;
			alternatives.push(this.parseSequence());
		}
		return alternatives;
	}

	parseSequence(): PySequence {
		const nodes: PyNode[] = [];
		while (this.pos < this.pattern.length) {
			const char = this.pattern[this.pos];
			if (char === '|' || char === ')') break;
			const atom = this.parseAtom();
			nodes.push(this.parseQuantifier(atom));
		}
		return nodes;
	}

	parseAtom(): PyNode {
		const pattern = this.pattern;
		const char = pattern[this.pos];
		this.pos++;
		switch (char) {
			case '(': {
				if (pattern.startsWith('?:', this.pos)) this.pos += 2;
				else if (pattern[this.pos] === '?') throw new SyntaxError(`Unsupported group in ${pattern}`);
				const alternatives = this.parseAlternatives();
				if (pattern[this.pos] !== ')') throw new SyntaxError(`Missing ')' in ${pattern}`);
				this.pos++;
				return { kind: 'group', alternatives };
			}
			case '[': return this.parseClass();
			case '.': return { kind: 'dot' };
			case '\\': return this.parseEscape();
			case '^': case '$': case '*': case '+': case '?': case '{':
				throw new SyntaxError(`Unsupported '${char}' in ${pattern}`);
			default: {
				const code = pattern.codePointAt(this.pos - 1) ?? 0;
				if (code > 0xffff) this.pos++;
				return { kind: 'literal', code };
			}
		}
	}

	parseEscape(): PyNode {
		const char = this.pattern[this.pos];
		this.pos++;
		switch (char) {
			case 'b': return { kind: 'boundary' };
			case 'w': return { kind: 'word' };
			case 's': return { kind: 'space' };
			default:
				if (char !== undefined && /[^A-Za-z0-9]/.test(char)) return { kind: 'literal', code: char.charCodeAt(0) };
				throw new SyntaxError(`Unsupported escape \\${char ?? ''} in ${this.pattern}`);
		}
	}

	parseClass(): PyNode {
		const pattern = this.pattern;
		const items: ClassItem[] = [];
		const negated = pattern[this.pos] === '^';
		if (negated) this.pos++;
		let first = true;
		while (this.pos < pattern.length && (pattern[this.pos] !== ']' || first)) {
			first = false;
			const start = this.classChar();
			if (typeof start !== 'number') {
				items.push(start);
				continue;
			}
			if (pattern[this.pos] === '-' && pattern[this.pos + 1] !== ']' && this.pos + 1 < pattern.length) {
				this.pos++;
				const end = this.classChar();
				if (typeof end !== 'number' || end < start) throw new SyntaxError(`Bad range in ${pattern}`);
				items.push({ kind: 'range', from: start, to: end });
			} else {
				items.push({ kind: 'range', from: start, to: start });
			}
		}
		if (pattern[this.pos] !== ']') throw new SyntaxError(`Unterminated class in ${pattern}`);
		this.pos++;
		return { kind: 'class', negated, items };
	}

	classChar(): number | ClassItem {
		const pattern = this.pattern;
		const char = pattern[this.pos];
		this.pos++;
		if (char !== '\\') {
			const code = pattern.codePointAt(this.pos - 1) ?? 0;
			if (code > 0xffff) this.pos++;
			return code;
		}
		const escaped = pattern[this.pos];
		this.pos++;
		if (escaped === 'w') return { kind: 'word' };
		if (escaped === 's') return { kind: 'space' };
		if (escaped !== undefined && /[^A-Za-z0-9]/.test(escaped)) return escaped.charCodeAt(0);
		throw new SyntaxError(`Unsupported class escape \\${escaped ?? ''} in ${pattern}`);
	}

	parseQuantifier(atom: PyNode): PyNode {
		const char = this.pattern[this.pos];
		let min: number;
		let max: number;
		if (char === '?') [min, max] = [0, 1];
		else if (char === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
		else if (char === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
		else return atom;
		this.pos++;
		if (atom.kind === 'boundary') throw new SyntaxError(`Nothing to repeat in ${this.pattern}`);
		const lazy = this.pattern[this.pos] === '?';
		if (lazy) this.pos++;
		return { kind: 'repeat', node: atom, min, max, lazy };
	}
}

function isWordCode(code: number): boolean {
	return new RegExp(`^${word}$`, 'u').test(String.fromCodePoint(code));
}

/** Whether every match of `node` starts (or, with `fromEnd`, ends) with a word character. */
function nodeEdgeIsWord(node: PyNode, fromEnd: boolean): boolean {
	switch (node.kind) {
		case 'literal': return isWordCode(node.code);
		case 'word': return true;
		case 'class':
			return !node.negated && node.items.every((item) =>
				item.kind === 'word' || (item.kind === 'range' && rangeIsWord(item.from, item.to)));
		case 'group': return node.alternatives.every((sequence) => sequenceEdgeIsWord(sequence, fromEnd ? sequence.length - 1 : 0, fromEnd, false));
		case 'repeat': return node.min > 0 && nodeEdgeIsWord(node.node, fromEnd);
		default: return false;
	}
}

function rangeIsWord(from: number, to: number): boolean {
	const ascii = [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]];
	if (to < 0x80) return ascii.some(([low = 0, high = 0]) => from >= low && to <= high) || (from === 0x5f && to === 0x5f);
	return from === to && isWordCode(from);
}

/**
 * Whether the text matched from `index` onwards (or up to `index`, with `fromEnd`) in `sequence`
 * starts (ends) with a word character; `beyond` answers for the text past the sequence's edge.
 */
function sequenceEdgeIsWord(sequence: PySequence, index: number, fromEnd: boolean, beyond: boolean): boolean {
	const step = fromEnd ? -1 : 1;
	for (let i = index; i >= 0 && i < sequence.length; i += step) {
		const node = sequence[i];
		if (node === undefined || node.kind === 'boundary') continue;
		if (node.kind === 'repeat' && node.min === 0) {
			return nodeEdgeIsWord(node.node, fromEnd) && sequenceEdgeIsWord(sequence, i + step, fromEnd, beyond);
		}
		return nodeEdgeIsWord(node, fromEnd);
	}
	return beyond;
}

type EmitStyle = 'manual' | 'flag' | 'flag-unicode';

class Emitter {
	readonly ignoreCase: boolean;
	readonly style: EmitStyle;
	/** The folds the emitted regex must spell out (the `u` flag already folds ſ and K). */
	readonly folds: Readonly<Record<string, string>>;

	constructor(ignoreCase: boolean, style: EmitStyle) {
		this.ignoreCase = ignoreCase;
		this.style = style;
		this.folds = style === 'flag-unicode' ? { i: extraFolds.i ?? '' } : extraFolds;
	}

	/** `afterWord`/`beforeWord`: whether the text just outside the sequence is known to be a word character. */
	sequence(sequence: PySequence, afterWord: boolean, beforeWord: boolean): string {
		let out = '';
		for (let i = 0; i < sequence.length; i++) {
			const node = sequence[i];
			if (node === undefined) continue;
			const prevIsWord = sequenceEdgeIsWord(sequence, i - 1, true, afterWord);
			const nextIsWord = sequenceEdgeIsWord(sequence, i + 1, false, beforeWord);
			out += this.node(node, prevIsWord, nextIsWord);
		}
		return out;
	}

	node(node: PyNode, prevIsWord: boolean, nextIsWord: boolean): string {
		switch (node.kind) {
			case 'literal': return this.literal(node.code);
			case 'dot': return '[^\\n]';
			case 'word': return word;
			case 'space': return `[${pySpaceClassBody}]`;
			case 'class': return this.characterClass(node.negated, node.items);
			case 'boundary':
				// One-sided lookarounds where the pattern fixes one side: much faster in V8.
				if (prevIsWord) return notBeforeWord;
				if (nextIsWord) return notAfterWord;
				return twoSidedBoundary;
			case 'group':
				return `(?:${node.alternatives.map((sequence) => this.sequence(sequence, prevIsWord, nextIsWord)).join('|')})`;
			case 'repeat': {
				const inner = this.node(node.node, false, false);
				const suffix = node.lazy ? '?' : '';
				if (node.min === 0 && node.max === 1) return `${inner}?${suffix}`;
				if (node.min === 0) return `${inner}*${suffix}`;
				return `${inner}+${suffix}`;
			}
		}
	}

	literal(code: number): string {
		const char = String.fromCodePoint(code);
		const lower = char.toLowerCase();
		if (this.ignoreCase && code < 0x80 && /[a-z]/i.test(char)) {
			const folds = this.folds[lower] ?? '';
			if (this.style === 'manual') return `[${lower}${lower.toUpperCase()}${folds}]`;
			return folds === '' ? lower : `[${lower}${folds}]`;
		}
		if (code >= 0x80) return escapeCodePoint(code);
		return /[\^$\\.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
	}

	characterClass(negated: boolean, items: readonly ClassItem[]): string {
		let body = '';
		for (const item of items) {
			if (item.kind === 'word') body += pyWordClassBody;
			else if (item.kind === 'space') body += pySpaceClassBody;
			else {
				body += classRange(item.from, item.to);
				if (this.ignoreCase) body += this.otherCase(item.from, item.to);
			}
		}
		return `[${negated ? '^' : ''}${body}]`;
	}

	/** What else Python's re.I lets a range match: the other ASCII case and the extra folds. */
	otherCase(from: number, to: number): string {
		let extra = '';
		for (const [low, high, shift] of [[0x61, 0x7a, -0x20], [0x41, 0x5a, 0x20]] as const) {
			const start = Math.max(from, low);
			const end = Math.min(to, high);
			if (start > end) continue;
			if (this.style === 'manual') extra += classRange(start + shift, end + shift);
			for (let code = start; code <= end; code++) extra += this.folds[String.fromCharCode(code).toLowerCase()] ?? '';
		}
		return extra;
	}
}

function classRange(from: number, to: number): string {
	return from === to ? classChar(from) : `${classChar(from)}-${classChar(to)}`;
}

function classChar(code: number): string {
	if (code >= 0x80 || code < 0x20) return escapeCodePoint(code);
	const char = String.fromCharCode(code);
	return /[\\\][^-]/.test(char) ? `\\${char}` : char;
}

function escapeCodePoint(code: number): string {
	// \uXXXX reads the same with and without the `u` flag; astral code points need the flag.
	return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
