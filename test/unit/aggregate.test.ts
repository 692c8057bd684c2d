import assert from 'node:assert/strict';
import type { CatalogEntry } from '../../src/core/catalog/catalog.ts';
import { Aggregate } from '../../src/core/engine/aggregate.ts';
import { evaluate } from '../../src/core/engine/evaluate.ts';
import { modelProvider } from '../../src/core/engine/providers.ts';
import type { Contribution, StatName } from '../../src/core/model.ts';
import { statNames } from '../../src/core/model.ts';

function contribution(id: string, options: { stats?: Partial<Record<StatName, number>>; models?: string[]; startedAt?: number | null } = {}): Contribution {
	const stats = Object.fromEntries(statNames.map((name) => [name, 0])) as Record<StatName, number>;
	Object.assign(stats, options.stats ?? {});
	return {
		session_id: id,
		title: `Session ${id}`,
		source: 'cli',
		started_at: options.startedAt === undefined ? 1_757_000_000 : options.startedAt,
		last_active: null,
		tool_names: [],
		model_names: options.models ?? [],
		port_conflict: false,
		stats,
	};
}

/** The aggregate of exactly these sessions, built by adding only. */
function fromScratch(contributions: readonly Contribution[]): Readonly<Record<string, number>> {
	const aggregate = new Aggregate();
	contributions.forEach((c) => aggregate.add(c));
	return aggregate.values();
}

describe('engine/aggregate', () => {
	const originalTz = process.env.TZ;
	before(() => {
		process.env.TZ = 'UTC';
	});
	after(() => {
		if (originalTz === undefined) {
			delete process.env.TZ;
		} else {
			process.env.TZ = originalTz;
		}
	});

	it('falls back to the next best exactly when the session holding a maximum leaves', () => {
		const a = contribution('a', { stats: { tool_call_count: 40, message_count: 10 } });
		const b = contribution('b', { stats: { tool_call_count: 25, message_count: 90 } });
		const c = contribution('c', { stats: { tool_call_count: 7, message_count: 30 } });
		const aggregate = new Aggregate();
		[a, b, c].forEach((x) => aggregate.add(x));
		assert.equal(aggregate.values().max_tool_calls_in_session, 40);
		assert.equal(aggregate.values().total_tool_calls, 72);
		aggregate.remove('a');
		assert.equal(aggregate.values().max_tool_calls_in_session, 25);
		assert.equal(aggregate.values().max_messages_in_session, 90);
		assert.equal(aggregate.values().total_tool_calls, 32);
		assert.deepEqual(aggregate.values(), fromScratch([b, c]));
		aggregate.remove('b');
		assert.equal(aggregate.values().max_tool_calls_in_session, 7);
		assert.equal(aggregate.values().max_messages_in_session, 30);
		aggregate.remove('c');
		assert.deepEqual(aggregate.values(), fromScratch([]));
		assert.equal(aggregate.values().max_tool_calls_in_session, 0);
		assert.equal(aggregate.values().session_count, 0);
	});

	it('keeps a tied maximum until its last holder leaves, and names the newest holder as evidence', () => {
		const older = contribution('older', { stats: { terminal_calls: 12 }, startedAt: 1_757_000_000 });
		const newer = contribution('newer', { stats: { terminal_calls: 12 }, startedAt: 1_757_500_000 });
		const low = contribution('low', { stats: { terminal_calls: 3 } });
		const aggregate = new Aggregate();
		[older, newer, low].forEach((x) => aggregate.add(x));
		assert.deepEqual(aggregate.evidenceFor('max_terminal_calls_in_session'), { session_id: 'newer', title: 'Session newer', value: 12 });
		aggregate.remove('newer');
		assert.equal(aggregate.values().max_terminal_calls_in_session, 12);
		assert.deepEqual(aggregate.evidenceFor('max_terminal_calls_in_session'), { session_id: 'older', title: 'Session older', value: 12 });
		aggregate.remove('older');
		assert.equal(aggregate.values().max_terminal_calls_in_session, 3);
		assert.equal(aggregate.evidenceFor('total_tool_calls'), null);
	});

	it('replaces a session added twice instead of counting it twice', () => {
		const aggregate = new Aggregate();
		aggregate.add(contribution('s', { stats: { error_count: 5, web_calls: 9 }, models: ['openai/gpt-5'] }));
		const changed = contribution('s', { stats: { error_count: 2, web_calls: 1 }, models: ['anthropic/claude-sonnet-4'] });
		aggregate.add(changed);
		assert.deepEqual(aggregate.values(), fromScratch([changed]));
		assert.equal(aggregate.values().total_errors, 2);
		assert.equal(aggregate.values().max_web_calls_in_session, 1);
		assert.equal(aggregate.size, 1);
	});

	it('counts a model and its provider down only when the last session using it leaves', () => {
		const aggregate = new Aggregate();
		aggregate.add(contribution('a', { models: ['openai/gpt-5'] }));
		aggregate.add(contribution('b', { models: ['openai/gpt-5'] }));
		aggregate.add(contribution('c', { models: ['openai/gpt-4o'] }));
		aggregate.add(contribution('d', { models: ['ollama/llama3'] }));
		aggregate.add(contribution('e', { models: ['None'] }));
		let values = aggregate.values();
		assert.equal(values.distinct_model_count, 3);
		assert.equal(values.distinct_provider_count, 2);
		assert.equal(values.local_model_chat_sessions, 1);
		aggregate.remove('a');
		values = aggregate.values();
		assert.equal(values.distinct_model_count, 3, 'b still uses openai/gpt-5');
		aggregate.remove('b');
		values = aggregate.values();
		assert.equal(values.distinct_model_count, 2);
		assert.equal(values.distinct_provider_count, 2, 'c still uses an openai model');
		aggregate.remove('c');
		aggregate.remove('d');
		values = aggregate.values();
		assert.equal(values.distinct_model_count, 0);
		assert.equal(values.distinct_provider_count, 0);
		assert.equal(values.local_model_chat_sessions, 0);
	});

	it('counts weekend and night starts in the local time zone (pinned to UTC here)', () => {
		// 2025-09-13 is a Saturday.
		const saturdayNoon = Date.UTC(2025, 8, 13, 12, 0, 0) / 1000;
		const mondayNight = Date.UTC(2025, 8, 15, 23, 30, 0) / 1000;
		const mondayEarly = Date.UTC(2025, 8, 15, 5, 59, 59) / 1000;
		const mondaySix = Date.UTC(2025, 8, 15, 6, 0, 0) / 1000;
		const sundayTwo = Date.UTC(2025, 8, 14, 2, 0, 0) / 1000;
		const aggregate = new Aggregate();
		aggregate.add(contribution('sat', { startedAt: saturdayNoon }));
		aggregate.add(contribution('monNight', { startedAt: mondayNight }));
		aggregate.add(contribution('monEarly', { startedAt: mondayEarly }));
		aggregate.add(contribution('monSix', { startedAt: mondaySix }));
		aggregate.add(contribution('sunTwo', { startedAt: sundayTwo }));
		aggregate.add(contribution('unknown', { startedAt: null }));
		assert.equal(aggregate.values().weekend_sessions, 2);
		assert.equal(aggregate.values().night_sessions, 3);
		aggregate.remove('sunTwo');
		assert.equal(aggregate.values().weekend_sessions, 1);
		assert.equal(aggregate.values().night_sessions, 2);
		aggregate.remove('unknown');
		assert.equal(aggregate.values().session_count, 4);
	});

	describe('modelProvider (docs/engine.md §3)', () => {
		const cases: readonly (readonly [string, string | null])[] = [
			['anthropic/claude-sonnet-4', 'anthropic'],
			['  OpenRouter/Qwen/qwen3-coder ', 'openrouter'],
			['claude-opus-4-anthropic', 'anthropic'],
			['gpt-4o-openai', 'openai'],
			['gemini-2.5-pro', 'google'],
			['models-gemini-flash', 'google'],
			['deepseek-chat', 'deepseek'],
			['qwen3:32b', 'qwen'],
			['llama3:8b-instruct', 'llama3'],
			['claude-sonnet-4', 'claude'],
			['mixtral', 'mixtral'],
			['None', null],
			['none', null],
			['', null],
			['   ', null],
		];
		for (const [model, provider] of cases) {
			it(`${JSON.stringify(model)} → ${String(provider)}`, () => {
				assert.equal(modelProvider(model), provider);
			});
		}
	});
});

function tiered(tiers: number[], secret = false): CatalogEntry {
	return {
		id: 'test_tiered', name: 'Tiered', category: 'Test', kind: 'lifetime', icon: 'star', secret,
		metric: 'metric_x', tiers, requires: null, description: '', criteria: '', hint: null, metricLabel: null,
	};
}

function multi(requires: Record<string, number>, secret = false): CatalogEntry {
	return {
		id: 'test_multi', name: 'Multi', category: 'Test', kind: 'multi_condition', icon: 'star', secret,
		metric: null, tiers: [], requires, description: '', criteria: '', hint: null, metricLabel: null,
	};
}

describe('engine/evaluate', () => {
	const tiers = [10, 50, 100, 250, 1000];

	it('reaches a tier exactly at its threshold', () => {
		const atCopper = evaluate(tiered(tiers), { metric_x: 10 });
		assert.equal(atCopper.unlocked, true);
		assert.equal(atCopper.tier, 'Copper');
		assert.equal(atCopper.next_tier, 'Silver');
		assert.equal(atCopper.next_threshold, 50);
		assert.equal(atCopper.progress_pct, 0);
		const below = evaluate(tiered(tiers), { metric_x: 9 });
		assert.equal(below.unlocked, false);
		assert.equal(below.tier, null);
		assert.equal(below.next_tier, 'Copper');
		assert.equal(below.next_threshold, 10);
		assert.equal(below.progress_pct, 90);
		const atGold = evaluate(tiered(tiers), { metric_x: 100 });
		assert.equal(atGold.tier, 'Gold');
		assert.equal(atGold.next_tier, 'Diamond');
		const justBelowDiamond = evaluate(tiered(tiers), { metric_x: 249 });
		assert.equal(justBelowDiamond.tier, 'Gold');
		assert.equal(justBelowDiamond.progress_pct, 99, 'floor((249-100)/150*100) = 99');
	});

	it('reports 100% with no next tier and the last threshold once every tier is achieved', () => {
		for (const value of [1000, 5000]) {
			const top = evaluate(tiered(tiers), { metric_x: value });
			assert.equal(top.tier, 'Olympian');
			assert.equal(top.progress_pct, 100);
			assert.equal(top.next_tier, null);
			assert.equal(top.next_threshold, 1000);
			assert.equal(top.progress, value);
		}
	});

	it('treats a missing metric as 0 and never goes below 0%', () => {
		const none = evaluate(tiered(tiers), {});
		assert.equal(none.progress, 0);
		assert.equal(none.progress_pct, 0);
		assert.equal(none.state, 'discovered');
		assert.equal(none.discovered, true);
	});

	it('averages the parts of a multi-condition achievement, each capped at 1', () => {
		const entry = multi({ a: 4, b: 10, c: 1 });
		const partial = evaluate(entry, { a: 8, b: 3, c: 0 });
		// parts: min(1, 8/4)=1, 3/10=0.3, 0/1=0 → mean 0.4333 → 43
		assert.equal(partial.progress, 43);
		assert.equal(partial.progress_pct, 43);
		assert.equal(partial.unlocked, false);
		assert.equal(partial.tier, null);
		assert.equal(partial.next_tier, null);
		assert.equal(partial.next_threshold, 100);
		const almost = evaluate(entry, { a: 4, b: 10, c: 0.999 });
		assert.equal(almost.unlocked, false);
		assert.ok(almost.progress_pct <= 99);
		const done = evaluate(entry, { a: 4, b: 10, c: 1 });
		assert.equal(done.unlocked, true);
		assert.equal(done.progress, 100);
		assert.equal(done.progress_pct, 100);
		assert.equal(done.state, 'unlocked');
		const zeroMinimum = evaluate(multi({ a: 0 }), {});
		assert.equal(zeroMinimum.unlocked, true, 'a minimum of 0 is always met');
	});

	it('hides a secret until a signal shows, then shows it as discovered, then unlocked', () => {
		const hidden = evaluate(tiered(tiers, true), { metric_x: 0 });
		assert.equal(hidden.state, 'secret');
		assert.equal(hidden.discovered, false);
		const signal = evaluate(tiered(tiers, true), { metric_x: 3 });
		assert.equal(signal.state, 'discovered');
		assert.equal(signal.discovered, true);
		const unlocked = evaluate(tiered(tiers, true), { metric_x: 10 });
		assert.equal(unlocked.state, 'unlocked');
		assert.equal(unlocked.discovered, true);

		const multiHidden = evaluate(multi({ a: 1, b: 1 }, true), { a: 0, b: 0 });
		assert.equal(multiHidden.state, 'secret');
		assert.equal(multiHidden.discovered, false);
		const multiSignal = evaluate(multi({ a: 1, b: 1 }, true), { a: 0, b: 1 });
		assert.equal(multiSignal.state, 'discovered');
		assert.equal(multiSignal.discovered, true);
		assert.equal(multiSignal.progress, 50);
	});
});
