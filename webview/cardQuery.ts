import { tierNames } from '../src/shared/protocol.ts';
import type { AchievementCardVm, TierName } from '../src/shared/protocol.ts';
import { matchesState } from './uiState.ts';
import type { SortKey, UiState } from './uiState.ts';

/** The cards the grid shows for the current filters, search and sort. */
export function visibleCards(cards: readonly AchievementCardVm[], ui: UiState): AchievementCardVm[] {
	const query = ui.search.trim().toLocaleLowerCase();
	const shown = cards.filter((card) =>
		(ui.category === '' || card.category === ui.category)
		&& matchesState(ui.state, card.state)
		&& (query === '' || searchText(card).includes(query)));
	return sortCards(shown, ui.sort);
}

// Hidden secrets carry only '???' and a hint, so searching cannot reveal anything more.
function searchText(card: AchievementCardVm): string {
	return `${card.name}\n${card.description}\n${card.category}`.toLocaleLowerCase();
}

export function sortCards(cards: readonly AchievementCardVm[], sort: SortKey): AchievementCardVm[] {
	const byName = (a: AchievementCardVm, b: AchievementCardVm): number => compareNames(a, b);
	const comparators: Record<SortKey, (a: AchievementCardVm, b: AchievementCardVm) => number> = {
		next: (a, b) => closeness(b) - closeness(a) || byName(a, b),
		tier: (a, b) => tierRank(b.tier) - tierRank(a.tier) || b.progressPct - a.progressPct || byName(a, b),
		name: byName,
		recent: (a, b) => (unlockDate(b) ?? -1) - (unlockDate(a) ?? -1) || byName(a, b),
	};
	return [...cards].sort(comparators[sort]);
}

/** The achievements worth a nudge: discovered or climbing, nearest to their next tier first. */
export function nextUp(cards: readonly AchievementCardVm[], count: number): AchievementCardVm[] {
	return cards
		.filter((card) => card.state !== 'secret' && card.nextTier !== null && card.progressPct < 100 && card.progress > 0)
		.sort((a, b) => b.progressPct - a.progressPct || compareNames(a, b))
		.slice(0, count);
}

export function recentUnlocks(cards: readonly AchievementCardVm[], count: number): AchievementCardVm[] {
	return cards
		.filter((card) => card.state === 'unlocked' && unlockDate(card) !== null)
		.sort((a, b) => (unlockDate(b) ?? 0) - (unlockDate(a) ?? 0) || compareNames(a, b))
		.slice(0, count);
}

/** When the history earned the card's current tier; the first-seen date when the snapshot has no earned dates. */
export function unlockDate(card: AchievementCardVm): number | null {
	return card.earned?.at ?? card.unlockedAt;
}

export function tierRank(tier: TierName | null): number {
	return tier === null ? -1 : tierNames.indexOf(tier);
}

/** Maxed-out cards have nothing left to climb and sink to the end; hidden secrets after them. */
function closeness(card: AchievementCardVm): number {
	if (card.state === 'secret') {
		return -2;
	}
	return card.progressPct >= 100 ? -1 : card.progressPct;
}

function compareNames(a: AchievementCardVm, b: AchievementCardVm): number {
	const hiddenA = a.state === 'secret';
	const hiddenB = b.state === 'secret';
	if (hiddenA !== hiddenB) {
		return hiddenA ? 1 : -1;
	}
	return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}
