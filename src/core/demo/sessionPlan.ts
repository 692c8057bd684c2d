import { deriveSeed, SeededRandom } from './random.ts';
import { cronPrompts, modelWeights, projects, sourceWeights, themeWeights, titles, type Project, type Theme } from './vocabulary.ts';

export type ChildKind = 'delegate' | 'compression' | 'branch';

/** A top-level session, decided before any message is generated. */
export interface RootPlan {
	readonly seed: number;
	readonly id: string;
	readonly source: string;
	readonly theme: Theme;
	readonly project: Project;
	readonly model: string | null;
	readonly title: string | null;
	readonly startedAt: number;
	readonly userId: string | null;
	readonly targetMessages: number;
	readonly cronPrompt: string | null;
	readonly children: readonly ChildKind[];
}

export interface PlanOptions {
	readonly seed: number;
	readonly sessions: number;
	readonly minMessages: number;
	readonly maxMessages: number;
	readonly now: number;
}

const day = 86400;
const hourWeights: readonly (readonly [number, number])[] = [
	[0, 2.5], [1, 2], [2, 1.4], [3, 0.8], [4, 0.6], [5, 0.9], [6, 1.5], [7, 3], [8, 5], [9, 7], [10, 8], [11, 8], [12, 6],
	[13, 7], [14, 8], [15, 8], [16, 7], [17, 6], [18, 5], [19, 5], [20, 5], [21, 5], [22, 4.5], [23, 3.5],
];
const marathonRate = 0.01;

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

/** `YYYYMMDD_HHMMSS` in UTC, the stamp Hermes puts at the front of session ids. */
export function idStamp(unixSeconds: number): string {
	const date = new Date(unixSeconds * 1000);
	return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}_${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

export function uniqueId(base: string, rng: SeededRandom, taken: Set<string>): string {
	let id = base;
	while (taken.has(id)) {
		id += rng.hex(1);
	}
	taken.add(id);
	return id;
}

export function uniqueTitle(base: string, taken: Set<string>): string {
	let title = base;
	for (let copy = 2; taken.has(title); copy++) {
		title = `${base} #${copy}`;
	}
	taken.add(title);
	return title;
}

function startTime(rng: SeededRandom, spanDays: number, now: number): number {
	const today = Math.floor(now / day) * day;
	let dayStart = today - rng.int(1, spanDays) * day;
	// Hobby projects happen on weekends: weekdays are re-drawn once in a while.
	const weekday = new Date(dayStart * 1000).getUTCDay();
	if (weekday !== 0 && weekday !== 6 && rng.chance(0.3)) {
		dayStart = today - rng.int(1, spanDays) * day;
	}
	return dayStart + rng.weighted(hourWeights) * 3600 + rng.between(0, 3599);
}

function targetLength(rng: SeededRandom, options: PlanOptions, forceMarathon: boolean): number {
	const { minMessages, maxMessages } = options;
	if (forceMarathon) {
		return rng.int(Math.round(maxMessages * 1.6), maxMessages * 2);
	}
	if (rng.chance(marathonRate)) {
		return rng.int(maxMessages * 2, maxMessages * 4);
	}
	// The smaller of two draws skews toward short sessions, as real histories do.
	const skew = Math.min(rng.next(), rng.next());
	return Math.max(minMessages, Math.round(minMessages + skew * (maxMessages - minMessages)));
}

function childKinds(rng: SeededRandom): ChildKind[] {
	const roll = rng.next();
	if (roll < 0.05) {
		return Array.from({ length: rng.int(1, 3) }, (): ChildKind => 'delegate');
	}
	if (roll < 0.08) {
		return ['compression'];
	}
	return roll < 0.09 ? ['branch'] : [];
}

/**
 * Top-level sessions in start order, with room for their children, so that roots plus children
 * make exactly `options.sessions`. Each root draws from its own stream, so one root's choices
 * never shift another's.
 */
export function planRoots(options: PlanOptions): RootPlan[] {
	const spanDays = Math.max(28, Math.ceil(options.sessions / 12));
	const takenIds = new Set<string>();
	const takenTitles = new Set<string>();
	const roots: RootPlan[] = [];
	let total = 0;
	for (let index = 0; total < options.sessions; index++) {
		const rng = new SeededRandom(deriveSeed(options.seed, 1, index));
		const source = rng.weighted(sourceWeights);
		let theme = rng.weighted(themeWeights);
		if (source === 'cron') {
			theme = rng.pick<Theme>(['ops', 'agent', 'research']);
		}
		const startedAt = Math.round(startTime(rng, spanDays, options.now) * 1e6) / 1e6;
		const idBase = source === 'cron' ? `cron_${rng.hex(12)}_${idStamp(startedAt)}` : `${idStamp(startedAt)}_${rng.hex(6)}`;
		const title = source !== 'cron' && rng.chance(0.7) ? uniqueTitle(rng.pick(titles[theme]), takenTitles) : null;
		const userId = source === 'cli' || source === 'cron' ? null : String(rng.int(100_000_000, 999_999_999));
		const children = childKinds(rng).slice(0, Math.max(0, options.sessions - total - 1));
		roots.push({
			seed: deriveSeed(options.seed, 2, index),
			id: uniqueId(idBase, rng, takenIds),
			source,
			theme,
			project: rng.pick(projects[theme]),
			model: rng.weighted(modelWeights),
			title,
			startedAt,
			userId,
			// One long session early on, so even a small demo has a marathon to show.
			targetMessages: targetLength(rng, options, index === 3),
			cronPrompt: source === 'cron' ? rng.pick(cronPrompts) : null,
			children,
		});
		total += 1 + children.length;
	}
	return roots.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
}
