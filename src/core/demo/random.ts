/**
 * A small seeded generator (mulberry32) so a demo history is the same on every machine for a
 * given seed. Never Math.random: the benchmark and the end-to-end tests compare runs.
 */
// Weight tables are module constants; summing them once per table keeps picks cheap.
const totals = new WeakMap<object, number>();

export class SeededRandom {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	between(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		const item = items[Math.floor(this.next() * items.length)];
		if (item === undefined) {
			throw new Error('pick from an empty list');
		}
		return item;
	}

	weighted<T>(choices: readonly (readonly [T, number])[]): T {
		let total = totals.get(choices);
		if (total === undefined) {
			total = 0;
			for (const [, weight] of choices) {
				total += weight;
			}
			totals.set(choices, total);
		}
		let roll = this.next() * total;
		for (const [item, weight] of choices) {
			roll -= weight;
			if (roll < 0) {
				return item;
			}
		}
		const last = choices[choices.length - 1];
		if (last === undefined) {
			throw new Error('weighted pick from an empty list');
		}
		return last[0];
	}

	hex(length: number): string {
		let text = '';
		while (text.length < length) {
			text += this.int(0, 0xffff).toString(16).padStart(4, '0');
		}
		return text.slice(0, length);
	}
}

/** Derives an independent stream seed from a seed and a few integers (a stable hash). */
export function deriveSeed(seed: number, ...parts: readonly number[]): number {
	let hash = (seed ^ 0x9e3779b9) >>> 0;
	for (const part of [...parts, parts.length]) {
		hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b) >>> 0;
		hash = (hash ^ (hash >>> 13)) >>> 0;
		hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
		hash = (hash ^ (hash >>> 16)) >>> 0;
	}
	return hash;
}
