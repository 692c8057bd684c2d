import { sortKeys, sortLabels, stateFilters } from '../uiState.ts';
import type { StateFilter, UiState } from '../uiState.ts';
import { custom, h, icon } from '../dom.ts';

const stateFilterLabels: Readonly<Record<StateFilter, string>> = {
	all: 'All',
	unlocked: 'Unlocked',
	discovered: 'Discovered',
	secret: 'Secret',
};

export interface Toolbar {
	readonly element: HTMLElement;
	/** Brings the controls in line with the model and UI state without replacing the focused control. */
	update(categories: readonly string[], counts: Readonly<Record<StateFilter, number>>, ui: UiState): void;
}

/**
 * Search, category, sort and state filters. Built once and updated in place, so typing in the
 * search box is never interrupted by a model arriving. The text field and selects are
 * vscode-elements; the app reads their `value` on `input`/`change`, which works the same before
 * the elements are defined (plain DOM under test) as after.
 */
export function createToolbar(initial: UiState): Toolbar {
	const search = custom('vscode-textfield', {
		class: 'search',
		type: 'search',
		placeholder: 'Search achievements',
		label: 'Search achievements',
		'data-control': 'search',
	}, icon('search', 'search-icon'));
	search.querySelector('.search-icon')?.setAttribute('slot', 'content-before');
	setValue(search, initial.search);

	const category = custom('vscode-single-select', { class: 'select', label: 'Category', 'data-control': 'category' });
	const sort = custom('vscode-single-select', { class: 'select', label: 'Sort by', 'data-control': 'sort' },
		...sortKeys.map((key) => custom('vscode-option', { value: key, selected: key === initial.sort }, sortLabels[key])));

	const stateButtons = stateFilters.map((filter) => h('button', {
		type: 'button',
		class: 'segment',
		'data-action': 'state-filter',
		'data-value': filter,
		'aria-pressed': filter === initial.state ? 'true' : 'false',
	}, h('span', { class: 'segment-label' }, stateFilterLabels[filter]), h('span', { class: 'segment-count' }, '')));

	const element = h('div', { class: 'toolbar', role: 'search', 'aria-label': 'Filter achievements' },
		search,
		h('div', { class: 'toolbar-row' }, category, sort),
		h('div', { class: 'segments', role: 'group', 'aria-label': 'Show' }, ...stateButtons));

	let shownCategories: string | undefined;
	return {
		element,
		update(categories, counts, ui) {
			// Options are rebuilt only when the catalog's categories change, never under an open list.
			const key = JSON.stringify(categories);
			if (key !== shownCategories) {
				shownCategories = key;
				category.replaceChildren(
					custom('vscode-option', { value: '', selected: ui.category === '' }, 'All categories'),
					...categories.map((name) => custom('vscode-option', { value: name, selected: name === ui.category }, name)));
			}
			setValue(category, ui.category);
			setValue(sort, ui.sort);
			if (document.activeElement !== search) {
				setValue(search, ui.search);
			}
			for (const button of stateButtons) {
				const filter = button.dataset.value as StateFilter;
				button.setAttribute('aria-pressed', filter === ui.state ? 'true' : 'false');
				const count = button.querySelector('.segment-count');
				if (count) {
					count.textContent = String(counts[filter]);
				}
			}
		},
	};
}

/** The vscode-elements keep their value in a property; before they are defined it is a plain expando. */
export function setValue(element: HTMLElement, value: string): void {
	(element as HTMLElement & { value?: string }).value = value;
}

export function readValue(element: EventTarget | null): string {
	const value = (element as { value?: unknown } | null)?.value;
	return typeof value === 'string' ? value : '';
}
