/**
 * Keyboard movement. The card grid is one tab stop (the app renders `tabindex` 0 on the active
 * card only); arrow keys, Home and End move between cards by layout. Smaller groups (category
 * chips, highlight lists) work the same way along one line.
 */
const cardSelector = 'li.card';
const groupItemSelector = 'button';

export function cardsOf(grid: HTMLElement): HTMLElement[] {
	return [...grid.querySelectorAll<HTMLElement>(cardSelector)];
}

/** Handles a key press on a card; returns the card that should get focus, if the key moves it. */
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

/** Moves focus inside a one-line group (roving tabindex); true when the key was used. */
export function moveInGroup(group: HTMLElement, from: HTMLElement, key: string): boolean {
	const items = [...group.querySelectorAll<HTMLElement>(groupItemSelector)];
	const index = items.indexOf(from);
	if (index < 0) {
		return false;
	}
	const last = items.length - 1;
	const target = {
		ArrowRight: Math.min(last, index + 1),
		ArrowDown: Math.min(last, index + 1),
		ArrowLeft: Math.max(0, index - 1),
		ArrowUp: Math.max(0, index - 1),
		Home: 0,
		End: last,
	}[key];
	if (target === undefined) {
		return false;
	}
	const next = items[target];
	for (const item of items) {
		item.tabIndex = item === next ? 0 : -1;
	}
	next.focus();
	return true;
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
