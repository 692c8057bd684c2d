/**
 * The literal text every match of one alternative of a Python pattern starts with, so that a
 * single scan for those literals can find every place where the alternative may match.
 */
import { foldCode } from './caseFold.ts';
import type { PyNode, PySequence } from './pyRegex.ts';

export interface LiteralPrefixes {
	/** Case-folded (`foldCode`) ASCII literals in the order the regex tries them (greedy `?` first, then alternatives). */
	readonly prefixes: readonly string[];
	/**
	 * Whether the prefixes are the whole alternative, apart from the `\b` before and after them,
	 * so that a prefix that matches there is the match.
	 */
	readonly complete: boolean;
	readonly boundaryBefore: boolean;
	readonly boundaryAfter: boolean;
}

const maxPrefixes = 16;

/** The literal prefixes of a sequence; a leading `\b` is skipped (it consumes nothing). */
export function literalPrefixes(sequence: PySequence): LiteralPrefixes {
	let prefixes: string[] = [''];
	let first = 0;
	let last = sequence.length;
	while (sequence[first]?.kind === 'boundary') first++;
	while (last > first && sequence[last - 1]?.kind === 'boundary') last--;
	const boundaryBefore = first > 0;
	const partial = { complete: false, boundaryBefore: false, boundaryAfter: false };
	for (let index = first; index < last; index++) {
		const node = sequence[index];
		if (node === undefined) break;
		const literals = nodeLiterals(node);
		if (literals === null || prefixes.length * literals.options.length > maxPrefixes) return { prefixes, ...partial };
		prefixes = prefixes.flatMap((prefix) => literals.options.map((option) => prefix + option));
		if (!literals.complete) return { prefixes, ...partial };
	}
	return { prefixes, complete: true, boundaryBefore, boundaryAfter: last < sequence.length };
}

interface NodeLiterals {
	/** What the node matches (or, when not complete, what its matches start with), in the order tried. */
	readonly options: readonly string[];
	readonly complete: boolean;
}

/** The literals a node matches; null when they are not a small set of non-empty literals. */
function nodeLiterals(node: PyNode): NodeLiterals | null {
	switch (node.kind) {
		case 'literal': {
			const folded = foldedAscii(node.code);
			return folded === null ? null : { options: [folded], complete: true };
		}
		case 'class': {
			if (node.negated) return null;
			const chars = new Set<string>();
			for (const item of node.items) {
				if (item.kind !== 'range' || item.to - item.from > 3) return null;
				for (let code = item.from; code <= item.to; code++) {
					const folded = foldedAscii(code);
					if (folded === null) return null;
					chars.add(folded);
				}
			}
			// One character matches at most one member: their order does not matter.
			return { options: [...chars], complete: true };
		}
		case 'group': {
			const options: string[] = [];
			let complete = true;
			for (const alternative of node.alternatives) {
				const inner = literalPrefixes(alternative);
				if (inner.prefixes.includes('')) return null;
				options.push(...inner.prefixes);
				complete &&= inner.complete && !inner.boundaryBefore && !inner.boundaryAfter;
			}
			return options.length <= maxPrefixes ? { options, complete } : null;
		}
		case 'repeat': {
			if (node.min !== 0 || node.max !== 1) return null;
			const inner = nodeLiterals(node.node);
			if (inner === null || !inner.complete) return null;
			return { options: node.lazy ? ['', ...inner.options] : [...inner.options, ''], complete: true };
		}
		default:
			return null;
	}
}

function foldedAscii(code: number): string | null {
	const folded = foldCode(code);
	return folded < 0x80 ? String.fromCharCode(folded) : null;
}
