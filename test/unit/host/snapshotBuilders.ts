import type { AchievementView, Snapshot } from '../../../src/core/model.ts';
import type { ScanStatus } from '../../../src/core/service.ts';

/** Seconds: a fixed "now" so dates in tests never depend on the clock. */
export const generatedAt = 1_767_000_000;

type AchievementOverrides = Partial<AchievementView> & Pick<AchievementView, 'id'>;

/** A tiered achievement as the engine would emit it, discovered at 0 unless told otherwise. */
export function achievement(overrides: AchievementOverrides): AchievementView {
	return {
		name: 'Let Him Cook',
		description: 'You said "go ahead" and then went to make coffee.',
		criteria: 'Tool calls the agent made in a single session; your busiest session counts.',
		category: 'Agent Autonomy',
		icon: 'flame',
		kind: 'best_session',
		secret: false,
		metric: 'max_tool_calls_in_session',
		metric_label: 'tool calls in one session',
		tiers: [200, 500, 1200, 3000, 8000],
		requires: null,
		unlocked: false,
		discovered: true,
		state: 'discovered',
		tier: null,
		progress: 0,
		progress_pct: 0,
		next_tier: 'Copper',
		next_threshold: 200,
		unlocked_at: null,
		unlocked_tier: null,
		evidence: null,
		earned_at: null,
		earned_session_id: null,
		earned_session_title: null,
		tier_history: [],
		...overrides,
	};
}

/** A realistic mix: unlocked at several tiers, discovered, a multi-condition one, and secrets. */
export function realisticAchievements(): AchievementView[] {
	return [
		achievement({
			id: 'let_him_cook', state: 'unlocked', unlocked: true, tier: 'Silver', progress: 640, progress_pct: 20,
			next_tier: 'Gold', next_threshold: 1200, unlocked_at: generatedAt - 86_400 * 3, unlocked_tier: 'Copper',
			evidence: { session_id: '20260101_101010_abc123', title: 'Refactor the billing worker', value: 640 },
		}),
		achievement({
			id: 'autonomous_avalanche', name: 'Autonomous Avalanche', icon: 'avalanche', kind: 'lifetime',
			description: 'One small request, then the tools started rolling downhill.',
			metric: 'total_tool_calls', metric_label: 'tool calls', tiers: [1000, 3000, 8000, 20000, 50000],
			state: 'unlocked', unlocked: true, tier: 'Olympian', progress: 61_234, progress_pct: 100, next_tier: null,
			next_threshold: 50000, unlocked_at: generatedAt - 3600, unlocked_tier: 'Gold',
		}),
		achievement({
			id: 'subagent_commander', name: 'Subagent Commander', icon: 'branch', kind: 'lifetime',
			description: 'Management material: you delegate, they deliver.', metric: 'total_delegate_calls',
			metric_label: 'delegated tasks', tiers: [5, 40, 100, 1000, 5000], state: 'unlocked', unlocked: true,
			tier: 'Gold', progress: 140, progress_pct: 4, next_tier: 'Diamond', next_threshold: 1000,
			unlocked_at: generatedAt - 86_400 * 10, unlocked_tier: 'Gold',
		}),
		achievement({
			id: 'toolchain_maxxer', name: 'Toolchain Maxxer', icon: 'nodes', state: 'discovered',
			description: 'Why use one tool when the whole toolbox is right there?',
			metric: 'max_distinct_tools_in_session', metric_label: 'different tools in one session',
			tiers: [18, 28, 45, 70, 100], progress: 15, progress_pct: 83, next_tier: 'Copper', next_threshold: 18,
		}),
		achievement({
			id: 'full_send', name: 'Full Send', icon: 'rocket', kind: 'multi_condition', metric: null,
			description: 'Terminal, files and the web, all at full throttle.', metric_label: null, tiers: [],
			requires: { max_terminal_calls_in_session: 180, max_file_tool_calls_in_session: 120, max_web_browser_calls_in_session: 60 },
			progress: 72, progress_pct: 72, next_tier: null, next_threshold: 100,
		}),
		achievement({
			id: 'memory_keeper', name: 'Memory Keeper', category: 'Hermes Native', icon: 'crystal', kind: 'lifetime',
			description: 'Nothing you teach it is forgotten.', metric: 'memory_events', metric_label: 'memory calls',
			tiers: [50, 150, 400, 1000, 3000], progress: 12, progress_pct: 24, next_tier: 'Copper', next_threshold: 50,
		}),
		achievement({
			id: 'port_3000_taken', name: 'Port 3000 Is Taken', category: 'Debugging Chaos', icon: 'plug', kind: 'lifetime',
			secret: true, state: 'discovered', description: 'Something is already listening. It is always something.',
			metric: 'port_conflict_events', metric_label: 'sessions with a port conflict', tiers: [15, 40, 100, 300, 1000],
			progress: 3, progress_pct: 20, next_tier: 'Copper', next_threshold: 15,
		}),
		// Hidden secrets exactly as the engine emits them: '???', the hint, and no rule or thresholds,
		// but the evaluation's next tier and threshold are still present.
		achievement({
			id: 'forgot_the_env_var', name: '???', category: 'Debugging Chaos', icon: 'key', kind: 'lifetime',
			secret: true, discovered: false, state: 'secret', description: 'Some keys only matter when they are missing.',
			criteria: 'Some keys only matter when they are missing.', metric: null, metric_label: null, tiers: [],
			progress: 0, progress_pct: 0, next_tier: 'Copper', next_threshold: 5000,
		}),
		achievement({
			id: 'yaml_colon_incident', name: '???', category: 'Debugging Chaos', icon: 'colon', kind: 'lifetime',
			secret: true, discovered: false, state: 'secret', description: 'Indentation is a matter of life and death.',
			criteria: 'Indentation is a matter of life and death.', metric: null, metric_label: null, tiers: [],
			progress: 0, progress_pct: 0, next_tier: 'Copper', next_threshold: 30,
		}),
	];
}

export function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
	const achievements = overrides.achievements ?? realisticAchievements();
	return {
		achievements,
		unlocked_count: achievements.filter((a) => a.state === 'unlocked').length,
		discovered_count: achievements.filter((a) => a.state === 'discovered').length,
		secret_count: achievements.filter((a) => a.state === 'secret').length,
		total_count: achievements.length,
		aggregate: {
			max_terminal_calls_in_session: 200,
			max_file_tool_calls_in_session: 90,
			max_web_browser_calls_in_session: 15,
		},
		generated_at: generatedAt,
		is_stale: false,
		scan_id: 'scan-1',
		error: null,
		scan_meta: { mode: 'incremental', sessions_total: 120, sessions_rescanned: 3, sessions_reused: 117, duration_ms: 840 },
		home: '/home/user/.hermes',
		partial: false,
		activity: { first_session_at: null, last_session_at: null, sessions_per_day: {} },
		...overrides,
	};
}

export function status(overrides: Partial<ScanStatus> = {}): ScanStatus {
	return {
		state: 'FRESH',
		home: '/home/user/.hermes',
		ttl_ms: 120_000,
		scanning: null,
		last_started_at: generatedAt * 1000 - 900,
		last_finished_at: generatedAt * 1000,
		last_success_at: generatedAt * 1000,
		last_duration_ms: 840,
		last_error: null,
		other_scanner: null,
		unsaved: null,
		counters: { scans_run: 1, scans_joined: 0, requests_joined: 0, stale_served: 0, failures: 0, duration_avg_ms: 840, duration_p95_ms: 840 },
		...overrides,
	};
}
