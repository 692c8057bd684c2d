/**
 * "Next achievement": the one rule the status bar, the view's Next up and the CLI's "Closest next"
 * share. An achievement is in reach when it is not a hidden secret, has a next step (a next tier, or
 * for a multi-condition achievement, its unlock) and has made some progress towards it. The
 * percentage is the one the progress bars show: the count against the next threshold (for a
 * multi-condition achievement, the share of its conditions met). Closest first: the highest
 * percentage, then the smaller amount left, then by name and id so the order never depends on the
 * input order.
 */
export interface NextStepFacts {
	readonly id: string;
	readonly name: string;
	/** A secret nobody has seen a signal of yet. */
	readonly hidden: boolean;
	readonly hasNextStep: boolean;
	/** 0–100: how far the count is towards the next threshold (`percentOfThreshold`). */
	readonly progressPct: number;
	/** What is left to the next step, in the achievement's own unit. */
	readonly remaining: number;
}

/** The `count` items closest to their next step; `facts` reads an item in whatever shape its layer has. */
export function closestToNextStep<T>(items: readonly T[], count: number, facts: (item: T) => NextStepFacts): T[] {
	return items
		.map((item) => ({ item, facts: facts(item) }))
		.filter(({ facts: f }) => !f.hidden && f.hasNextStep && f.progressPct > 0 && f.progressPct < 100)
		.sort((a, b) => b.facts.progressPct - a.facts.progressPct
			|| a.facts.remaining - b.facts.remaining
			|| a.facts.name.localeCompare(b.facts.name)
			|| a.facts.id.localeCompare(b.facts.id))
		.slice(0, count)
		.map(({ item }) => item);
}

/** How far `progress` is towards `threshold`, in whole percent, 99 at most until it is reached. */
export function percentOfThreshold(progress: number, threshold: number): number {
	return threshold <= 0 ? 0 : Math.min(99, Math.floor((progress / threshold) * 100));
}
