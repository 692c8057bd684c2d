/**
 * Runs many reference rules in one pass over a text. Every match of every rule starts with one of
 * a few literals (see `literalPrefixes`); one combined regex finds each place where any of them
 * occurs, and only there is each rule tried, alternative by alternative in the rule's own order,
 * exactly as Python's `re` tries them at that start. Each rule keeps its own scan position, so a
 * rule's count is its own non-overlapping `findall`, whatever the other rules match.
 */
import { foldCode } from './caseFold.ts';
import { literalPrefixes } from './literalPrefixes.ts';
import { isBoundary } from './pyWord.ts';
import { compileStickyAlternatives, parsePyPattern, translatePyRegex } from './pyRegex.ts';

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
	/** Finds where an anchor starts, in text without the characters of `specialFolds`. */
	readonly finder: RegExp;
	/** The same with Python's non-ASCII folds spelled out; several times slower in V8. */
	readonly foldingFinder: RegExp;
	/** Anchors by their first two folded characters (`first * 128 + second`). */
	readonly buckets: readonly (readonly Anchor[] | undefined)[];
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
	const buckets: Anchor[][] = [];
	for (const anchor of anchors.values()) {
		for (const other of anchors.values()) {
			if (anchor.folded.startsWith(other.folded)) anchor.usesHere.push(...other.uses);
		}
		anchor.usesHere.sort(byRuleThenPriority);
		const key = anchor.folded.charCodeAt(0) * 128 + anchor.folded.charCodeAt(1);
		(buckets[key] ??= []).push(anchor);
	}
	// Longest first: the first anchor that matches is the longest one.
	for (const bucket of buckets) bucket?.sort((a, b) => b.folded.length - a.folded.length);
	// Finding where some anchor starts needs only the anchors no other one is a prefix of.
	const keys = [...anchors.keys()];
	const minimal = keys.filter((key) => !keys.some((other) => other !== key && key.startsWith(other)));
	const alternation = minimal.sort().map((key) => key.replace(/[^A-Za-z0-9]/g, '\\$&')).join('|');
	const folding = translatePyRegex(alternation, { ignoreCase: true }, 'flag');
	if (folding.flags !== 'i') throw new Error('The anchor finder must need only the i flag');
	// Without the u flag, the i flag matches an ASCII letter only to its two ASCII cases.
	return {
		rules,
		finder: new RegExp(`(?=${alternation})[^]`, 'gi'),
		foldingFinder: new RegExp(`(?=${folding.source})[^]`, 'gi'),
		buckets,
	};
}

/** The non-ASCII characters that Python's re.I matches to an ASCII letter (see `foldCode`). */
const specialFolds = /[\u0130\u0131\u017f\u212a]/;

const noUses: readonly AnchorUse[] = [];

const byRuleThenPriority = (a: AnchorUse, b: AnchorUse): number =>
	a.rule - b.rule || a.alternative - b.alternative || a.order - b.order;

/** `messageStarts`: where each joined message starts in `text` (only `messages` rules need it). */
export function runScanPlan(plan: ScanPlan, text: string, messageStarts: readonly number[] = [0]): ScanResult {
	const { rules, buckets } = plan;
	const finder = specialFolds.test(text) ? plan.foldingFinder : plan.finder;
	const values = rules.map(() => 0);
	const spans = rules.map((): number[] => []);
	// count: where the rule's next search starts; messages: the last message it matched.
	const resume = rules.map(() => -1);
	let message = 0;
	finder.lastIndex = 0;
	// The finder matches the one character where an anchor starts, so the next search starts after it.
	while (finder.test(text)) {
		const start = finder.lastIndex - 1;
		const bucket = buckets[foldCode(text.charCodeAt(start)) * 128 + foldCode(text.charCodeAt(start + 1))];
		if (bucket === undefined) continue;
		let found: readonly AnchorUse[] = noUses;
		for (const anchor of bucket) {
			if (startsWithFolded(text, start, anchor.folded)) {
				found = anchor.usesHere;
				break;
			}
		}
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

function startsWithFolded(text: string, start: number, folded: string): boolean {
	if (start + folded.length > text.length) return false;
	for (let i = 0; i < folded.length; i++) {
		if (foldCode(text.charCodeAt(start + i)) !== folded.charCodeAt(i)) return false;
	}
	return true;
}
