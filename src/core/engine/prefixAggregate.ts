import type { Contribution, StatName } from '../model.ts';
import { bestMetrics, sums } from './aggregate.ts';
import { isNightStart, isWeekendStart } from './localTime.ts';
import { isLocalModel, modelProvider } from './providers.ts';

const bests = Object.entries(bestMetrics) as readonly (readonly [string, StatName])[];

/**
 * The aggregate of a growing prefix of the history, for replaying it session by session. Unlike
 * `Aggregate` it never removes a session, so a best is a plain running maximum and each step costs
 * a few dozen additions: a replay of 5,000 sessions stays in the milliseconds. `values` always
 * equals `Aggregate.values()` over the same sessions (the earned-dates tests hold the two together).
 */
export class PrefixAggregate {
	private readonly current: Record<string, number> = { session_count: 0 };
	private readonly modelNames = new Set<string>();
	private readonly providers = new Set<string>();

	constructor() {
		for (const [metric] of bests) {
			this.current[metric] = 0;
		}
		for (const [name] of sums) {
			this.current[name] = 0;
		}
		for (const name of ['distinct_model_count', 'distinct_provider_count', 'local_model_chat_sessions', 'weekend_sessions', 'night_sessions']) {
			this.current[name] = 0;
		}
	}

	/** The live values (read, never kept: the next `add` changes them). */
	get values(): Readonly<Record<string, number>> {
		return this.current;
	}

	add(c: Contribution): void {
		const values = this.current;
		values.session_count! += 1;
		for (const [metric, stat] of bests) {
			if (c.stats[stat] > values[metric]!) {
				values[metric] = c.stats[stat];
			}
		}
		for (const [name, stat] of sums) {
			values[name]! += c.stats[stat];
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
		values.distinct_model_count = this.modelNames.size;
		values.distinct_provider_count = this.providers.size;
		if (c.model_names.some(isLocalModel)) {
			values.local_model_chat_sessions! += 1;
		}
		if (c.started_at !== null) {
			if (isWeekendStart(c.started_at)) {
				values.weekend_sessions! += 1;
			}
			if (isNightStart(c.started_at)) {
				values.night_sessions! += 1;
			}
		}
	}
}
