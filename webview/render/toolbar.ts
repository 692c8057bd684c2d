import { html } from 'lit-html';
import type { TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { sortKeys, sortLabels, stateFilters } from '../uiState.ts';
import type { StateFilter, UiState } from '../uiState.ts';
import type { CategoryProgress } from './summary.ts';
import { icon } from './parts.ts';

const stateFilterLabels: Readonly<Record<StateFilter, string>> = {
	all: 'All',
	unlocked: 'Unlocked',
	discovered: 'Discovered',
	secret: 'Secret',
};

/**
 * Search, category, sort and state filters, sticky at the top while the cards scroll. Values are
 * bound with `live`, so a model arriving while the user types never rewrites the field. The text
 * field and selects are vscode-elements; the app reads their `value` on `input`/`change`.
 */
export function renderToolbar(ui: UiState, categories: readonly CategoryProgress[], counts: Readonly<Record<StateFilter, number>>): TemplateResult {
	const categoryLabel = ui.category === '' ? 'All categories' : ui.category;
	return html`<div class="toolbar" role="search" aria-label="Filter achievements">
		<vscode-textfield class="search" type="search" placeholder="Search achievements ( / )" label="Search achievements"
			aria-label="Search achievements" data-control="search" .value=${live(ui.search)}>${icon('search', 'search-icon')}</vscode-textfield>
		<div class="toolbar-row">
			<vscode-single-select class="select" label="Category" aria-label="Category" title="Category: ${categoryLabel}" data-control="category" .value=${live(ui.category)}>
				<vscode-option value="" ?selected=${ui.category === ''}>All categories</vscode-option>
				${repeat(categories, (c) => c.name, (c) => html`<vscode-option value=${c.name} ?selected=${c.name === ui.category}
					description="${c.unlocked} of ${c.total} unlocked">${c.name} (${c.unlocked}/${c.total})</vscode-option>`)}
			</vscode-single-select>
			<vscode-single-select class="select" label="Sort by" aria-label="Sort by" title="Sort by: ${sortLabels[ui.sort]}" data-control="sort" .value=${live(ui.sort)}>
				${sortKeys.map((key) => html`<vscode-option value=${key} ?selected=${key === ui.sort}>${sortLabels[key]}</vscode-option>`)}
			</vscode-single-select>
		</div>
		<div class="segments" role="group" aria-label="Show">
			${stateFilters.map((filter) => html`<button type="button" class="segment" data-action="state-filter" data-value=${filter}
				aria-pressed=${filter === ui.state ? 'true' : 'false'}><span class="segment-label">${stateFilterLabels[filter]}</span><span class="segment-count">${counts[filter]}</span></button>`)}
		</div>
	</div>`;
}

export function readValue(element: EventTarget | null): string {
	const value = (element as { value?: unknown } | null)?.value;
	return typeof value === 'string' ? value : '';
}
