import type { CatalogEntry } from '../catalog/catalog.ts';
import type { AggregateValues, Evaluation } from '../model.ts';
import { tierNames } from '../../shared/tiers.ts';

/** One achievement against the aggregate, exactly as docs/engine.md §4 defines it. */
export function evaluate(entry: CatalogEntry, values: AggregateValues): Evaluation {
	return entry.requires ? evaluateMultiCondition(entry, entry.requires, values) : evaluateTiered(entry, values);
}

function evaluateTiered(entry: CatalogEntry, values: AggregateValues): Evaluation {
	const progress = (entry.metric && values[entry.metric]) || 0;
	const tiers = entry.tiers;
	const achieved = tiers.filter((threshold) => threshold <= progress).length;
	const unlocked = achieved > 0;
	const allAchieved = achieved === tiers.length;
	const current = achieved > 0 ? tiers[achieved - 1]! : 0;
	const next = allAchieved ? tiers[tiers.length - 1]! : tiers[achieved]!;
	const progressPct = allAchieved
		? 100
		: clamp(Math.floor(((progress - current) / Math.max(1, next - current)) * 100), 0, 99);
	const signal = progress > 0;
	return {
		id: entry.id,
		unlocked,
		discovered: signal || unlocked || !entry.secret,
		state: stateOf(unlocked, entry.secret, signal),
		tier: unlocked ? tierNames[achieved - 1]! : null,
		progress,
		progress_pct: progressPct,
		next_tier: allAchieved ? null : tierNames[achieved]!,
		next_threshold: next,
	};
}

function evaluateMultiCondition(
	entry: CatalogEntry,
	requires: Readonly<Record<string, number>>,
	values: AggregateValues,
): Evaluation {
	const parts = Object.entries(requires).map(([metric, minimum]) => {
		const value = values[metric] ?? 0;
		return { met: value >= minimum, share: Math.min(1, value / Math.max(1, minimum)), value };
	});
	const unlocked = parts.every((part) => part.met);
	const progress = Math.floor((parts.reduce((sum, part) => sum + part.share, 0) / parts.length) * 100);
	const signal = parts.some((part) => part.value > 0);
	return {
		id: entry.id,
		unlocked,
		discovered: signal || unlocked || !entry.secret,
		state: stateOf(unlocked, entry.secret, signal),
		tier: null,
		progress,
		progress_pct: unlocked ? 100 : Math.min(99, progress),
		next_tier: null,
		next_threshold: 100,
	};
}

function stateOf(unlocked: boolean, secret: boolean, signal: boolean): Evaluation['state'] {
	if (unlocked) {
		return 'unlocked';
	}
	return secret && !signal ? 'secret' : 'discovered';
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}
