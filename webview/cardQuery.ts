import type { AchievementCardVm } from '../src/shared/protocol.ts';
import { closestToNextStep } from '../src/shared/nextAchievement.ts';
import { tierRank } from '../src/shared/tiers.ts';
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

/** The achievements closest to their next step, as the status bar and the CLI pick them too. */
export function nextUp(cards: readonly AchievementCardVm[], count: number): AchievementCardVm[] {
	return closestToNextStep(cards, count, (card) => ({
		id: card.id,
		name: card.name,
		hidden: card.state === 'secret',
		hasNextStep: card.requirements.length > 0 ? card.state !== 'unlocked' : card.nextTier !== null,
		progressPct: card.progressPct,
		remaining: card.nextThreshold - card.progress,
	}));
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
