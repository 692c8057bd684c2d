import type { AchievementCardVm } from '../src/shared/protocol.ts';

/**
 * Keeps the grid's order still while a first scan streams partial results: every partial model
 * would re-sort the cards (their figures rise), and cards that jump under the pointer cannot be
 * read or clicked. The order seen first is kept (cards it did not have go last, in sorted order);
 * when the scan ends the grid re-sorts once. A change of sort by the user re-sorts at once.
 */
export class CardOrder {
	private frozen: Map<string, number> | undefined;
	private frozenFor: string | undefined;

	/** `sorted` is the order the current sort gives; returns the order to show. */
	arrange(sorted: readonly AchievementCardVm[], streaming: boolean, sortKey: string): AchievementCardVm[] {
		if (!streaming) {
			this.frozen = undefined;
			return [...sorted];
		}
		if (this.frozen === undefined || this.frozenFor !== sortKey) {
			this.frozen = new Map(sorted.map((card, index) => [card.id, index]));
			this.frozenFor = sortKey;
			return [...sorted];
		}
		const frozen = this.frozen;
		const known = sorted.filter((card) => frozen.has(card.id)).sort((a, b) => (frozen.get(a.id) ?? 0) - (frozen.get(b.id) ?? 0));
		const added = sorted.filter((card) => !frozen.has(card.id));
		for (const card of added) {
			frozen.set(card.id, frozen.size);
		}
		return [...known, ...added];
	}
}
