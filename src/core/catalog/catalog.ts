import data from './catalog.json' with { type: 'json' };
import { achievementTexts, metricLabels } from './catalogText.ts';

export type AchievementKind = 'lifetime' | 'best_session' | 'multi_condition';

/** One achievement: the committed catalog data joined with our texts. */
export interface CatalogEntry {
	readonly id: string;
	readonly name: string;
	readonly category: string;
	readonly kind: AchievementKind;
	readonly icon: string;
	readonly secret: boolean;
	/** The aggregate value a tiered achievement climbs; `null` for multi-condition ones. */
	readonly metric: string | null;
	/** Ascending thresholds, Copper first; empty for multi-condition ones. */
	readonly tiers: readonly number[];
	/** Metric → minimum, all of which must be met; `null` for tiered ones. */
	readonly requires: Readonly<Record<string, number>> | null;
	readonly description: string;
	readonly criteria: string;
	readonly hint: string | null;
	readonly metricLabel: string | null;
}

interface RawAchievement {
	readonly id: string;
	readonly name: string;
	readonly category: string;
	readonly kind: string;
	readonly icon: string;
	readonly secret?: boolean;
	readonly metric?: string;
	readonly tiers?: readonly number[];
	// JSON typing widens each entry with the other entries' keys as `undefined`.
	readonly requires?: Readonly<Record<string, number | undefined>>;
}

const kinds: readonly string[] = ['lifetime', 'best_session', 'multi_condition'];

function isKind(kind: string): kind is AchievementKind {
	return kinds.includes(kind);
}

function definedNumbers(record: Readonly<Record<string, number | undefined>>): Readonly<Record<string, number>> {
	const result: Record<string, number> = {};
	for (const [key, value] of Object.entries(record)) {
		if (typeof value === 'number') {
			result[key] = value;
		}
	}
	return result;
}

// A catalog that does not match its texts is a build mistake: fail at load, not in the view.
function toEntry(raw: RawAchievement): CatalogEntry {
	const text = achievementTexts[raw.id];
	if (text === undefined) {
		throw new Error(`catalog: no texts for achievement "${raw.id}"`);
	}
	if (!isKind(raw.kind)) {
		throw new Error(`catalog: unknown kind "${raw.kind}" for "${raw.id}"`);
	}
	const metric = raw.metric ?? null;
	return {
		id: raw.id,
		name: raw.name,
		category: raw.category,
		kind: raw.kind,
		icon: raw.icon,
		secret: raw.secret === true,
		metric,
		tiers: raw.tiers ?? [],
		requires: raw.requires === undefined ? null : definedNumbers(raw.requires),
		description: text.description,
		criteria: text.criteria,
		hint: text.hint ?? null,
		metricLabel: metric === null ? null : (metricLabels[metric] ?? null),
	};
}

const rawAchievements: readonly RawAchievement[] = data.achievements;

export const catalog: readonly CatalogEntry[] = rawAchievements.map(toEntry);

export const categories: readonly string[] = [...new Set(catalog.map((entry) => entry.category))];
