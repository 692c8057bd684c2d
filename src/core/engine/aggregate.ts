import { statNames } from '../model.ts';
import type { AggregateValues, Contribution, Evidence, StatName } from '../model.ts';
import { isNightStart, isWeekendStart } from './localTime.ts';
import { isLocalModel, modelProvider } from './providers.ts';

/** Best-of-session metrics and the per-session stat each one maximises (docs/engine.md §3). */
export const bestMetrics = {
	max_tool_calls_in_session: 'tool_call_count',
	max_distinct_tools_in_session: 'distinct_tool_count',
	max_messages_in_session: 'message_count',
	max_terminal_calls_in_session: 'terminal_calls',
	max_file_tool_calls_in_session: 'file_tool_calls',
	max_web_calls_in_session: 'web_calls',
	max_web_browser_calls_in_session: 'web_browser_calls',
	max_files_touched_in_session: 'files_touched_count',
} as const satisfies Record<string, StatName>;

type BestMetric = keyof typeof bestMetrics;

/** Lifetime sums whose aggregate name differs from the per-session stat they add up. */
const renamedSums = {
	total_errors: 'error_count',
	total_tool_calls: 'tool_call_count',
	total_terminal_calls: 'terminal_calls',
	total_web_calls: 'web_calls',
	total_web_extract_calls: 'web_extract_calls',
	total_patch_calls: 'patch_calls',
	total_file_reads_searches: 'file_reads_searches',
	total_delegate_calls: 'delegate_calls',
	total_process_calls: 'process_calls',
	total_cron_calls: 'cron_calls',
} as const satisfies Record<string, StatName>;

const plainSums = ['browser_calls', 'image_vision_calls', 'tts_calls'] as const satisfies readonly StatName[];

/** Aggregate name → the per-session stat it sums; every `*_events` stat is summed under its own name. */
export const sums: readonly (readonly [string, StatName])[] = [
	...Object.entries(renamedSums),
	...[...plainSums, ...statNames.filter((name) => name.endsWith('_events'))].map((name) => [name, name] as const),
];

/**
 * The aggregate over all sessions, maintained incrementally: a session's contribution can be
 * added and removed again in O(1) (amortised), and the result always equals a from-scratch
 * aggregate over the sessions currently held. Maxima can't be subtracted, so each best keeps a
 * histogram of the values the sessions hold.
 */
export class Aggregate {
	private readonly sessions = new Map<string, Contribution>();
	private readonly totals = new Map<string, number>(sums.map(([name]) => [name, 0]));
	private readonly bestHistograms = new Map<BestMetric, Map<number, number>>(
		(Object.keys(bestMetrics) as BestMetric[]).map((metric) => [metric, new Map()]),
	);
	private readonly modelNames = new Map<string, number>();
	private readonly providers = new Map<string, number>();
	private localModelSessions = 0;
	private weekendSessions = 0;
	private nightSessions = 0;

	get size(): number {
		return this.sessions.size;
	}

	/** Adds a session; a session already held is replaced (its old contribution subtracted first). */
	add(contribution: Contribution): void {
		this.remove(contribution.session_id);
		this.sessions.set(contribution.session_id, contribution);
		this.apply(contribution, +1);
	}

	remove(sessionId: string): void {
		const old = this.sessions.get(sessionId);
		if (old) {
			this.sessions.delete(sessionId);
			this.apply(old, -1);
		}
	}

	values(): AggregateValues {
		const values: Record<string, number> = { session_count: this.sessions.size };
		for (const [metric, histogram] of this.bestHistograms) {
			values[metric] = maxKey(histogram);
		}
		for (const [name, total] of this.totals) {
			values[name] = total;
		}
		values.distinct_model_count = this.modelNames.size;
		values.distinct_provider_count = this.providers.size;
		values.local_model_chat_sessions = this.localModelSessions;
		values.weekend_sessions = this.weekendSessions;
		values.night_sessions = this.nightSessions;
		return values;
	}

	/**
	 * The session that holds a best-of-session maximum: among the holders, the first in the
	 * reference's listing order (newest `started_at` first), as Python's `max()` keeps the first.
	 */
	evidenceFor(metric: string): Evidence | null {
		const stat = bestMetrics[metric as BestMetric] as StatName | undefined;
		if (!stat) {
			return null;
		}
		const best = maxKey(this.bestHistograms.get(metric as BestMetric) ?? new Map());
		let holder: Contribution | undefined;
		for (const contribution of this.sessions.values()) {
			if (contribution.stats[stat] === best && (!holder || startsLater(contribution, holder))) {
				holder = contribution;
			}
		}
		return holder ? { session_id: holder.session_id, title: holder.title, value: best } : null;
	}

	private apply(c: Contribution, sign: 1 | -1): void {
		for (const [name, stat] of sums) {
			this.totals.set(name, (this.totals.get(name) ?? 0) + sign * c.stats[stat]);
		}
		for (const [metric, stat] of Object.entries(bestMetrics) as [BestMetric, StatName][]) {
			bump(this.bestHistograms.get(metric)!, c.stats[stat], sign);
		}
		const models = c.model_names.filter((name) => name !== '' && name !== 'None');
		for (const name of models) {
			bump(this.modelNames, name, sign);
			const provider = modelProvider(name);
			if (provider) {
				bump(this.providers, provider, sign);
			}
		}
		if (c.model_names.some(isLocalModel)) {
			this.localModelSessions += sign;
		}
		if (c.started_at !== null) {
			if (isWeekendStart(c.started_at)) {
				this.weekendSessions += sign;
			}
			if (isNightStart(c.started_at)) {
				this.nightSessions += sign;
			}
		}
	}
}

function bump<K>(counts: Map<K, number>, key: K, sign: 1 | -1): void {
	const next = (counts.get(key) ?? 0) + sign;
	if (next > 0) {
		counts.set(key, next);
	} else {
		counts.delete(key);
	}
}

function maxKey(histogram: ReadonlyMap<number, number>): number {
	let max = 0;
	for (const value of histogram.keys()) {
		if (value > max) {
			max = value;
		}
	}
	return max;
}

function startsLater(a: Contribution, b: Contribution): boolean {
	return (a.started_at ?? -Infinity) > (b.started_at ?? -Infinity);
}
