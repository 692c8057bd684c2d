/**
 * "Next achievement": the one rule the status bar, the view's Next up and the CLI's "Closest next"
 * share. An achievement is in reach when it is not a hidden secret, has a next step (a next tier, or
 * for a multi-condition achievement, its unlock) and has made some progress on that step
 * (`progress_pct` above 0: a tier just reached, 0 % of the way to the next, is not yet in reach).
 * Closest first: the highest percentage, then the smaller amount left, then by name and id so the
 * order never depends on the input order.
 */
export interface NextStepFacts {
	readonly id: string;
	readonly name: string;
	/** A secret nobody has seen a signal of yet. */
	readonly hidden: boolean;
	readonly hasNextStep: boolean;
	/** 0–100, of the way from the current step to the next. */
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
