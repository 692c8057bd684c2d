/**
 * Runs many reference rules in one pass over a text. Every match of every rule starts with one of
 * a few literals (see `literalPrefixes`); one loop over the text's folded characters finds each
 * place where any of them may start (a table of their first three characters), and only where one
 * does is each rule tried, alternative by alternative in the rule's own order,
 * exactly as Python's `re` tries them at that start. Each rule keeps its own scan position, so a
 * rule's count is its own non-overlapping `findall`, whatever the other rules match.
 */
import { foldCode } from './caseFold.ts';
import { literalPrefixes } from './literalPrefixes.ts';
import { isBoundary } from './pyWord.ts';
import { compileStickyAlternatives, parsePyPattern } from './pyRegex.ts';

/**
 * What a rule yields: `count` = `len(re.findall(P, text))`; `exists` = 1 if `re.search(P, text)`
 * else 0; `messages` = how many of the joined messages `P` matches (needs message starts, and a
 * pattern that cannot match across the `\n` joining them); `spans` = [start, end) of the match
 * at every start where `P` matches (overlapping ones too).
 */
export type ScanMode = 'count' | 'exists' | 'messages' | 'spans';

export interface ScanRule {
	readonly pattern: string;
	readonly ignoreCase: boolean;
	readonly mode: ScanMode;
}

const modeCodes = { count: 0, exists: 1, messages: 2, spans: 3 } as const satisfies Record<ScanMode, number>;

interface AnchorUse {
	readonly rule: number;
	readonly mode: number;
	readonly alternative: number;
	readonly order: number;
	/** Null when the anchor, with the `\b` checks below, is the whole match. */
	readonly confirm: RegExp | null;
	readonly boundaryBefore: boolean;
	readonly boundaryAfter: boolean;
	readonly length: number;
}

interface Anchor {
	readonly folded: string;
	readonly uses: AnchorUse[];
	/**
	 * The uses of this anchor and of every shorter anchor that is a prefix of it, by rule, then in
	 * the order the rule tries them: when this is the longest anchor at a position, exactly these
	 * anchors are there too.
	 */
	readonly usesHere: AnchorUse[];
}

export interface ScanPlan {
	readonly rules: readonly ScanRule[];
	/**
	 * By the folded codes of three characters (`first << 14 | second << 7 | third`), which entry of
	 * `buckets` holds the anchors that may start with them, 0 for none. An anchor of two characters
	 * is under every third one. Anchors are ASCII: a character past ASCII counts as DEL (0x7f, in
	 * no anchor) and the end of the text as 0. One loop through this table is several times faster
	 * than V8's regex over the alternation of all anchors (irregexp has no multi-literal search).
	 */
	readonly bucketOf: Uint8Array;
	/** Anchors, longest first (the first one that matches is the longest one); entry 0 is empty. */
	readonly buckets: readonly (readonly Anchor[])[];
}

export interface ScanResult {
	readonly values: readonly number[];
	/** Flat [start, end, start, end, …] for `spans` rules, empty for the others. */
	readonly spans: readonly (readonly number[])[];
}

export function compileScanPlan(rules: readonly ScanRule[]): ScanPlan {
	const anchors = new Map<string, Anchor>();
	rules.forEach((rule, ruleIndex) => {
		const confirms = compileStickyAlternatives(rule.pattern, { ignoreCase: rule.ignoreCase });
		parsePyPattern(rule.pattern).forEach((sequence, alternative) => {
			const { prefixes, complete, boundaryBefore, boundaryAfter } = literalPrefixes(sequence);
			const exact = complete && rule.ignoreCase;
			prefixes.forEach((folded, order) => {
				if (folded.length < 2) throw new Error(`No literal of two characters starts ${rule.pattern}`);
				let anchor = anchors.get(folded);
				if (anchor === undefined) anchors.set(folded, anchor = { folded, uses: [], usesHere: [] });
				anchor.uses.push({
					rule: ruleIndex, mode: modeCodes[rule.mode], alternative, order, length: folded.length,
					confirm: exact ? null : confirms[alternative] ?? null,
					boundaryBefore: exact && boundaryBefore,
					boundaryAfter: exact && boundaryAfter,
				});
			});
		});
	});
	for (const anchor of anchors.values()) {
		for (const other of anchors.values()) {
			if (anchor.folded.startsWith(other.folded)) anchor.usesHere.push(...other.uses);
		}
		anchor.usesHere.sort(byRuleThenPriority);
	}
	return { rules, ...bucketsByFirstThree([...anchors.values()]) };
}

function bucketsByFirstThree(anchors: readonly Anchor[]): Pick<ScanPlan, 'bucketOf' | 'buckets'> {
	const byKey = new Map<number, Anchor[]>();
	for (const anchor of anchors) {
		const { folded } = anchor;
		const head = (folded.charCodeAt(0) << 14) | (folded.charCodeAt(1) << 7);
		if (/[\0\x7f]/.test(folded)) {
			throw new Error('An anchor cannot hold NUL or DEL: they stand for the end of the text and for any character past ASCII');
		}
		const thirds = folded.length === 2 ? Array.from({ length: 128 }, (_, code) => code) : [folded.charCodeAt(2)];
		for (const third of thirds) {
			const bucket = byKey.get(head | third) ?? [];
			byKey.set(head | third, [...bucket, anchor].sort((a, b) => b.folded.length - a.folded.length));
		}
	}
	// Keys with the same anchors share one entry, so the entries fit in a byte.
	const entries = new Map<string, number>();
	const buckets: Anchor[][] = [[]];
	const bucketOf = new Uint8Array(1 << 21);
	for (const [key, bucket] of byKey) {
		const name = bucket.map((anchor) => anchor.folded).join('\0');
		let entry = entries.get(name);
		if (entry === undefined) {
			entries.set(name, entry = buckets.push(bucket) - 1);
		}
		if (entry > 0xff) throw new Error('Too many anchor buckets for a byte');
		bucketOf[key] = entry;
	}
	return { bucketOf, buckets };
}

const byRuleThenPriority = (a: AnchorUse, b: AnchorUse): number =>
	a.rule - b.rule || a.alternative - b.alternative || a.order - b.order;

/** `messageStarts`: where each joined message starts in `text` (only `messages` rules need it). */
export function runScanPlan(plan: ScanPlan, text: string, messageStarts: readonly number[] = [0]): ScanResult {
	const { rules, buckets, bucketOf } = plan;
	const values = rules.map(() => 0);
	const spans = rules.map((): number[] => []);
	// count: where the rule's next search starts; messages: the last message it matched.
	const resume = rules.map(() => -1);
	let message = 0;
	const length = text.length;
	// The folded codes at start, start + 1 and start + 2, seven bits each (see `bucketOf`).
	let key = length > 1 ? (keyCode(text.charCodeAt(0)) << 7) | keyCode(text.charCodeAt(1)) : 0;
	for (let start = 0; start + 1 < length; start++) {
		key = ((key << 7) & 0x1fffff) | (start + 2 < length ? keyCode(text.charCodeAt(start + 2)) : 0);
		const entry = bucketOf[key]!;
		if (entry === 0) continue;
		const found = anchorHere(buckets[entry]!, text, start);
		if (found === undefined) continue;
		while (message + 1 < messageStarts.length && (messageStarts[message + 1] ?? 0) <= start) message++;
		let matchedRule = -1;
		for (const use of found) {
			const rule = use.rule;
			if (rule === matchedRule) continue;
			switch (use.mode) {
				case modeCodes.count: if (start < (resume[rule] ?? 0)) continue; break;
				case modeCodes.exists: if (values[rule] !== 0) continue; break;
				case modeCodes.messages: if (resume[rule] === message) continue; break;
				default: break;
			}
			let end = start + use.length;
			if (use.confirm !== null) {
				use.confirm.lastIndex = start;
				if (!use.confirm.test(text)) continue;
				end = use.confirm.lastIndex;
			} else if ((use.boundaryBefore && !isBoundary(text, start)) || (use.boundaryAfter && !isBoundary(text, end))) {
				continue;
			}
			matchedRule = rule;
			switch (use.mode) {
				case modeCodes.count: values[rule] = (values[rule] ?? 0) + 1; resume[rule] = end; break;
				case modeCodes.exists: values[rule] = 1; break;
				case modeCodes.messages: values[rule] = (values[rule] ?? 0) + 1; resume[rule] = message; break;
				default: spans[rule]?.push(start, end);
			}
		}
	}
	return { values, spans };
}

/** The uses of the longest anchor of `bucket` at `start`, if any is there. */
function anchorHere(bucket: readonly Anchor[], text: string, start: number): readonly AnchorUse[] | undefined {
	for (const anchor of bucket) {
		if (startsWithFolded(text, start, anchor.folded)) return anchor.usesHere;
	}
	return undefined;
}

/** A character's folded code as `bucketOf` keys it. */
function keyCode(code: number): number {
	if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
	const folded = foldCode(code);
	return folded < 0x80 ? folded : 0x7f;
}

function startsWithFolded(text: string, start: number, folded: string): boolean {
	if (start + folded.length > text.length) return false;
	for (let i = 0; i < folded.length; i++) {
		if (foldCode(text.charCodeAt(start + i)) !== folded.charCodeAt(i)) return false;
	}
	return true;
}
