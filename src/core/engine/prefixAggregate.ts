import type { Contribution, StatName } from '../model.ts';
import { bestMetrics, sums } from './aggregate.ts';
import { isNightStart, isWeekendStart } from './localTime.ts';
import { isLocalModel, modelProvider } from './providers.ts';

const countedMetrics = ['session_count', 'distinct_model_count', 'distinct_provider_count', 'local_model_chat_sessions', 'weekend_sessions', 'night_sessions'] as const;

/** Every aggregate metric, each with a fixed slot: a replay reads and writes numbers, not keyed properties. */
const metricNames: readonly string[] = [...countedMetrics, ...Object.keys(bestMetrics), ...sums.map(([name]) => name)];
const slotOf = new Map(metricNames.map((name, index) => [name, index]));
const slot = (name: string): number => slotOf.get(name)!;
const bestSlots = Object.entries(bestMetrics).map(([metric, stat]): [number, StatName] => [slot(metric), stat]);
const sumSlots = sums.map(([metric, stat]): [number, StatName] => [slot(metric), stat]);
const [sessionCount, distinctModels, distinctProviders, localModelSessions, weekendSessions, nightSessions] = countedMetrics.map(slot) as [number, number, number, number, number, number];

/** The slot of an aggregate metric in `PrefixAggregate.at`, or -1 for a name the aggregate never has (its value is 0). */
export function metricSlot(metric: string): number {
	return slotOf.get(metric) ?? -1;
}

/**
 * The aggregate of a growing prefix of the history, for replaying it session by session. Unlike
 * `Aggregate` it never removes a session, so a best is a plain running maximum and each step costs
 * a few dozen additions into a typed array: a replay of 5,000 sessions stays in the milliseconds.
 * `values()` always equals `Aggregate.values()` over the same sessions (the tests hold them together).
 */
export class PrefixAggregate {
	private readonly numbers = new Float64Array(metricNames.length);
	private readonly modelNames = new Set<string>();
	private readonly providers = new Set<string>();

	/** An independent copy, to go back to (see EarnedDates: the newest session changing). */
	clone(): PrefixAggregate {
		const copy = new PrefixAggregate();
		copy.numbers.set(this.numbers);
		this.modelNames.forEach((name) => copy.modelNames.add(name));
		this.providers.forEach((name) => copy.providers.add(name));
		return copy;
	}

	/** The value in a slot from `metricSlot` (0 for -1). */
	at(metricSlot: number): number {
		return metricSlot < 0 ? 0 : this.numbers[metricSlot]!;
	}

	/** Every metric by name, as `Aggregate.values()` gives them. */
	values(): Record<string, number> {
		return Object.fromEntries(metricNames.map((name, index) => [name, this.numbers[index]!]));
	}

	add(c: Contribution): void {
		const numbers = this.numbers;
		const stats = c.stats;
		numbers[sessionCount]! += 1;
		for (const [index, stat] of bestSlots) {
			if (stats[stat] > numbers[index]!) {
				numbers[index] = stats[stat];
			}
		}
		for (const [index, stat] of sumSlots) {
			numbers[index]! += stats[stat];
		}
		for (const name of c.model_names) {
			if (name === '' || name === 'None' || this.modelNames.has(name)) {
				continue;
			}
			this.modelNames.add(name);
			const provider = modelProvider(name);
			if (provider) {
				this.providers.add(provider);
			}
		}
		numbers[distinctModels] = this.modelNames.size;
		numbers[distinctProviders] = this.providers.size;
		if (c.model_names.some(isLocalModel)) {
			numbers[localModelSessions]! += 1;
		}
		if (c.started_at !== null) {
			if (isWeekendStart(c.started_at)) {
				numbers[weekendSessions]! += 1;
			}
			if (isNightStart(c.started_at)) {
				numbers[nightSessions]! += 1;
			}
		}
	}
}
