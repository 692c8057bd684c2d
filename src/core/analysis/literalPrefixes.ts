/**
 * The literal text every match of one alternative of a Python pattern starts with, so that a
 * single scan for those literals can find every place where the alternative may match.
 */
import { foldCode } from './caseFold.ts';
import type { PyNode, PySequence } from './pyRegex.ts';

export interface LiteralPrefixes {
	/** Case-folded (`foldCode`) ASCII literals in the order the regex tries them (greedy `?` first, then alternatives). */
	readonly prefixes: readonly string[];
	/** Whether the prefixes are the whole alternative, so that a prefix that matches is the match. */
	readonly complete: boolean;
}

const maxPrefixes = 16;

/** The literal prefixes of a sequence; a leading `\b` is skipped (it constrains, it consumes nothing). */
export function literalPrefixes(sequence: PySequence): LiteralPrefixes {
	let prefixes: string[] = [''];
	let index = 0;
	while (sequence[index]?.kind === 'boundary') index++;
	for (; index < sequence.length; index++) {
		const node = sequence[index];
		if (node === undefined) break;
		const options = nodeLiterals(node);
		if (options === null || prefixes.length * options.length > maxPrefixes) return { prefixes, complete: false };
		prefixes = prefixes.flatMap((prefix) => options.map((option) => prefix + option));
	}
	return { prefixes, complete: true };
}

/** The strings a node matches, in the order the regex tries them; null when not a small literal set. */
function nodeLiterals(node: PyNode): string[] | null {
	switch (node.kind) {
		case 'literal':
			return foldedAscii(node.code);
		case 'class': {
			if (node.negated) return null;
			const chars = new Set<string>();
			for (const item of node.items) {
				if (item.kind !== 'range' || item.to - item.from > 3) return null;
				for (let code = item.from; code <= item.to; code++) {
					const folded = foldedAscii(code);
					if (folded === null) return null;
					chars.add(folded[0] ?? '');
				}
			}
			// One character matches at most one member: their order does not matter.
			return [...chars];
		}
		case 'group': {
			const out: string[] = [];
			for (const alternative of node.alternatives) {
				const inner = literalPrefixes(alternative);
				if (!inner.complete || alternative[0]?.kind === 'boundary') return null;
				out.push(...inner.prefixes);
			}
			return out.length <= maxPrefixes ? out : null;
		}
		case 'repeat': {
			if (node.min !== 0 || node.max !== 1) return null;
			const inner = nodeLiterals(node.node);
			if (inner === null) return null;
			return node.lazy ? ['', ...inner] : [...inner, ''];
		}
		default:
			return null;
	}
}

function foldedAscii(code: number): [string] | null {
	const folded = foldCode(code);
	return folded < 0x80 ? [String.fromCharCode(folded)] : null;
}
