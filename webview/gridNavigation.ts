/**
 * Roving tabindex over the card grid: the grid is one tab stop, arrow keys, Home and End move
 * between cards. Controls inside a card (its disclosure, its evidence link) are reachable with
 * Tab only while that card is the active one, so tabbing past the grid stays a single step.
 */
const cardSelector = 'li.card';
const innerControlSelector = 'summary, button, a[href]';

export function cardsOf(grid: HTMLElement): HTMLElement[] {
	return [...grid.querySelectorAll<HTMLElement>(cardSelector)];
}

/** Makes `card` the grid's tab stop (the first card when it is undefined). */
export function setActiveCard(grid: HTMLElement, card: HTMLElement | undefined): HTMLElement | undefined {
	const cards = cardsOf(grid);
	const active = card && cards.includes(card) ? card : cards[0];
	for (const each of cards) {
		const isActive = each === active;
		each.tabIndex = isActive ? 0 : -1;
		for (const control of each.querySelectorAll<HTMLElement>(innerControlSelector)) {
			control.tabIndex = isActive ? 0 : -1;
		}
	}
	return active;
}

/** Handles a key press on a card; returns the card that should get focus, if the key moved it. */
export function targetForKey(grid: HTMLElement, from: HTMLElement, key: string): HTMLElement | undefined {
	const cards = cardsOf(grid);
	const index = cards.indexOf(from);
	if (index < 0 || cards.length === 0) {
		return undefined;
	}
	const columns = columnCount(cards);
	const last = cards.length - 1;
	const target = {
		ArrowRight: Math.min(last, index + 1),
		ArrowLeft: Math.max(0, index - 1),
		ArrowDown: Math.min(last, index + columns),
		ArrowUp: Math.max(0, index - columns),
		Home: 0,
		End: last,
	}[key];
	return target === undefined ? undefined : cards[target];
}

/** Cards in the first row share its top edge; without layout (tests) the grid reads as one column. */
function columnCount(cards: readonly HTMLElement[]): number {
	const top = cards[0].getBoundingClientRect().top;
	let columns = 0;
	for (const card of cards) {
		const rect = card.getBoundingClientRect();
		if (rect.width === 0 || Math.abs(rect.top - top) > 1) {
			break;
		}
		columns += 1;
	}
	return Math.max(1, columns);
}
