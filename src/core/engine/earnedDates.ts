import { catalog } from '../catalog/catalog.ts';
import type { Contribution, HistoryActivity, TierEarned } from '../model.ts';
import { tierNames } from '../../shared/tiers.ts';
import { localDay } from './localTime.ts';
import { metricSlot, PrefixAggregate } from './prefixAggregate.ts';

/** What a snapshot reads from the earned dates. */
export interface EarnedView {
	/** Every tier of one achievement the history reached, lowest first (`[]` when none). */
	tierHistory(achievementId: string): readonly TierEarned[];
	activity(): HistoryActivity;
}

/** One catalog entry as a replay checks it: metric slots instead of names. */
interface Goals {
	readonly multiCondition: boolean;
	/** Tiered: the metric's slot; multi-condition: one slot per requirement. */
	readonly slots: readonly number[];
	/** Tiered: the ascending thresholds; multi-condition: each requirement's minimum. */
	readonly thresholds: readonly number[];
}

const goals: readonly Goals[] = catalog.map((entry) => entry.requires
	? { multiCondition: true, slots: Object.keys(entry.requires).map(metricSlot), thresholds: Object.values(entry.requires) }
	: { multiCondition: false, slots: [entry.metric === null ? -1 : metricSlot(entry.metric)], thresholds: entry.tiers });

/** How the last `update` brought the result up to date (the tests and the cost script check it). */
export type EarnedUpdate = 'unchanged' | 'appended' | 'newest-redone' | 'replayed';

/** The running state just before the newest session's step. */
interface StepState {
	readonly prefix: PrefixAggregate;
	readonly nextGoal: readonly number[];
	readonly reached: readonly TierEarned[][];
}

/**
 * When each achievement and tier was earned, from the history itself: sessions in `started_at` order
 * (then id; sessions without a start time last), and for every tier the first session whose prefix of
 * the history reaches it. Only per-session contributions are used, never the text. Every aggregate
 * value only grows as sessions are added, so "reached" never flips back and one pass is enough.
 *
 * Kept between scans: a session that sorts after every held one is one more step of the running
 * prefix (one evaluation), and so is a change to the newest session (Hermes appending to the session
 * in progress: its step is taken again from the state kept before it); any other change (an older
 * session changed, inserted or removed) replays the prefix from the start, which costs additions
 * only, no re-reading.
 */
export class EarnedDates implements EarnedView {
	private held = new Map<string, Contribution>();
	private order: Contribution[] = [];
	private prefix = new PrefixAggregate();
	/** Per catalog entry: index of the next tier (or 0/1 for multi-condition) not reached yet. */
	private nextGoal = new Array<number>(catalog.length).fill(0);
	private reached: TierEarned[][] = catalog.map(() => []);
	private readonly days = new Map<string, number>();
	private activityCache: HistoryActivity | undefined;
	private readonly byId = new Map(catalog.map((entry, index) => [entry.id, index]));
	private beforeNewest: StepState | undefined;

	/** Brings the result up to date with exactly these sessions (compared by contribution identity). */
	update(sessions: ReadonlyMap<string, { readonly contribution: Contribution }>): EarnedUpdate {
		const added: Contribution[] = [];
		const replaced: Contribution[] = [];
		let kept = 0;
		for (const { contribution } of sessions.values()) {
			const old = this.held.get(contribution.session_id);
			if (old === contribution) {
				kept++;
			} else if (old === undefined) {
				added.push(contribution);
			} else {
				replaced.push(contribution);
			}
		}
		const removed = kept + replaced.length < this.held.size;
		if (added.length === 0 && replaced.length === 0 && !removed) {
			return 'unchanged';
		}
		added.sort(historyOrder);
		const last = this.order.at(-1);
		const newest = replaced[0];
		if (added.length === 0 && !removed && replaced.length === 1 && newest !== undefined && last !== undefined
			&& newest.session_id === last.session_id && newest.started_at === last.started_at && this.beforeNewest !== undefined) {
			// Same session, same start: the activity (days, first and last start) stays as it was.
			this.release(last);
			this.hold(newest);
			this.order[this.order.length - 1] = newest;
			this.restore(this.beforeNewest);
			this.step(newest);
			return 'newest-redone';
		}
		this.activityCache = undefined;
		if (replaced.length === 0 && !removed && (last === undefined || historyOrder(last, added[0]!) < 0)) {
			for (const contribution of added) {
				this.hold(contribution);
				this.order.push(contribution);
				this.beforeNewest = this.state();
				this.step(contribution);
			}
			return 'appended';
		}
		this.applyChanges(added, replaced, removed ? sessions : undefined);
		this.replay();
		return 'replayed';
	}

	tierHistory(achievementId: string): readonly TierEarned[] {
		const index = this.byId.get(achievementId);
		return index === undefined ? [] : this.reached[index]!;
	}

	activity(): HistoryActivity {
		if (this.activityCache === undefined) {
			const starts = this.order.filter((c) => c.started_at !== null);
			this.activityCache = {
				first_session_at: starts[0]?.started_at ?? null,
				last_session_at: starts.at(-1)?.started_at ?? null,
				sessions_per_day: Object.fromEntries([...this.days].sort(([a], [b]) => (a < b ? -1 : 1))),
			};
		}
		return this.activityCache;
	}

	private applyChanges(added: readonly Contribution[], replaced: readonly Contribution[], current: ReadonlyMap<string, unknown> | undefined): void {
		if (current !== undefined) {
			for (const [id, contribution] of this.held) {
				if (!current.has(id)) {
					this.release(contribution);
				}
			}
		}
		for (const contribution of replaced) {
			this.release(this.held.get(contribution.session_id)!);
			this.hold(contribution);
		}
		for (const contribution of added) {
			this.hold(contribution);
		}
		this.order = [...this.held.values()].sort(historyOrder);
	}

	private replay(): void {
		this.prefix = new PrefixAggregate();
		this.nextGoal.fill(0);
		this.reached = catalog.map(() => []);
		this.beforeNewest = undefined;
		this.order.forEach((contribution, index) => {
			if (index === this.order.length - 1) {
				this.beforeNewest = this.state();
			}
			this.step(contribution);
		});
	}

	private state(): StepState {
		return { prefix: this.prefix.clone(), nextGoal: [...this.nextGoal], reached: [...this.reached] };
	}

	private restore(state: StepState): void {
		this.prefix = state.prefix.clone();
		this.nextGoal = [...state.nextGoal];
		this.reached = [...state.reached];
	}

	/** One more session on the running prefix: records every goal it reaches. */
	private step(session: Contribution): void {
		const prefix = this.prefix;
		prefix.add(session);
		for (let index = 0; index < goals.length; index++) {
			const { multiCondition, slots, thresholds } = goals[index]!;
			let next = this.nextGoal[index]!;
			if (multiCondition) {
				if (next === 0 && slots.every((slot, i) => prefix.at(slot) >= thresholds[i]!)) {
					this.record(index, earnedBy(session, null));
					this.nextGoal[index] = 1;
				}
				continue;
			}
			const progress = prefix.at(slots[0]!);
			while (next < thresholds.length && thresholds[next]! <= progress) {
				this.record(index, earnedBy(session, tierNames[next]!));
				next++;
			}
			this.nextGoal[index] = next;
		}
	}

	/** Copy on write: a snapshot already handed out keeps the list it was given. */
	private record(index: number, earned: TierEarned): void {
		this.reached[index] = [...this.reached[index]!, earned];
	}

	private hold(contribution: Contribution): void {
		this.held.set(contribution.session_id, contribution);
		this.countDay(contribution, 1);
	}

	private release(contribution: Contribution): void {
		this.held.delete(contribution.session_id);
		this.countDay(contribution, -1);
	}

	private countDay(contribution: Contribution, sign: 1 | -1): void {
		if (contribution.started_at === null) {
			return;
		}
		const day = localDay(contribution.started_at);
		const count = (this.days.get(day) ?? 0) + sign;
		if (count > 0) {
			this.days.set(day, count);
		} else {
			this.days.delete(day);
		}
	}
}

/** `started_at` ascending, then id (code-unit order); a session without a start time sorts last. */
export function historyOrder(a: Contribution, b: Contribution): number {
	if (a.started_at !== b.started_at) {
		if (a.started_at === null) {
			return 1;
		}
		if (b.started_at === null) {
			return -1;
		}
		return a.started_at - b.started_at;
	}
	return a.session_id < b.session_id ? -1 : a.session_id > b.session_id ? 1 : 0;
}

function earnedBy(session: Contribution, tier: TierEarned['tier']): TierEarned {
	return { tier, earned_at: session.started_at, session_id: session.session_id, session_title: session.title };
}
