import { catalog } from '../catalog/catalog.ts';
import type { AchievementView, AggregateValues, ScanMeta, Snapshot, UnlockRecord } from '../model.ts';
import { evaluate } from './evaluate.ts';

export interface SnapshotInput {
	readonly values: AggregateValues;
	readonly unlocks: ReadonlyMap<string, UnlockRecord>;
	readonly home: string;
	readonly scanId: string;
	readonly meta: ScanMeta;
	/** Unix seconds. */
	readonly generatedAt: number;
	readonly partial: boolean;
	readonly error?: string | null;
}

const hiddenName = '???';

/** Evaluates the whole catalog and assembles the payload every consumer reads. */
export function buildSnapshot(input: SnapshotInput): Snapshot {
	const achievements = catalog.map((entry): AchievementView => {
		const evaluation = evaluate(entry, input.values);
		const unlock = evaluation.unlocked ? input.unlocks.get(entry.id) : undefined;
		// A secret nobody has a signal of yet gives nothing away: no name, no rule, no thresholds.
		const hidden = evaluation.state === 'secret';
		return {
			...evaluation,
			name: hidden ? hiddenName : entry.name,
			description: hidden ? (entry.hint ?? '') : entry.description,
			criteria: hidden ? (entry.hint ?? '') : entry.criteria,
			category: entry.category,
			icon: entry.icon,
			kind: entry.kind,
			secret: entry.secret,
			metric: hidden ? null : entry.metric,
			metric_label: hidden ? null : entry.metricLabel,
			tiers: hidden ? [] : entry.tiers,
			requires: hidden ? null : entry.requires,
			unlocked_at: unlock?.unlocked_at ?? null,
			unlocked_tier: unlock?.tier ?? null,
			evidence: unlock?.evidence ?? null,
		};
	});
	return {
		achievements,
		unlocked_count: achievements.filter((a) => a.state === 'unlocked').length,
		discovered_count: achievements.filter((a) => a.state === 'discovered').length,
		secret_count: achievements.filter((a) => a.state === 'secret').length,
		total_count: achievements.length,
		aggregate: input.values,
		generated_at: input.generatedAt,
		is_stale: false,
		scan_id: input.scanId,
		error: input.error ?? null,
		scan_meta: input.meta,
		home: input.home,
		partial: input.partial,
	};
}

/** The evidence an unlock records: for a best-of-session metric, the session holding it. */
export function evidenceMetric(id: string): string | null {
	const entry = catalog.find((e) => e.id === id);
	return entry && entry.kind === 'best_session' ? entry.metric : null;
}
