import type { CardState } from '../src/shared/protocol.ts';

export const sortKeys = ['next', 'tier', 'name', 'recent'] as const;
export type SortKey = (typeof sortKeys)[number];

export const sortLabels: Readonly<Record<SortKey, string>> = {
	next: 'Closest to next tier',
	tier: 'Highest tier',
	name: 'Name',
	recent: 'Most recent',
};

export const stateFilters = ['all', 'unlocked', 'discovered', 'secret'] as const;
export type StateFilter = (typeof stateFilters)[number];

/**
 * What the user chose in the view. It is the only thing persisted with `setState` (it survives
 * hiding and reloading the view); the achievements themselves always come from the host.
 */
export interface UiState {
	/** `''` for every category. */
	readonly category: string;
	readonly state: StateFilter;
	readonly search: string;
	readonly sort: SortKey;
	/** The card that had focus, restored after a re-render or a reload. */
	readonly focusedId: string | null;
	/** Cards whose "What counts" is open; kept through updates and reloads. */
	readonly expanded: readonly string[];
}

export const defaultUiState: UiState = { category: '', state: 'all', search: '', sort: 'next', focusedId: null, expanded: [] };

/** Reads back persisted state defensively: it may come from an older version of the view. */
export function readUiState(raw: unknown): UiState {
	if (typeof raw !== 'object' || raw === null) {
		return defaultUiState;
	}
	const r = raw as Record<string, unknown>;
	return {
		category: typeof r.category === 'string' ? r.category : defaultUiState.category,
		state: isOneOf(stateFilters, r.state) ? r.state : defaultUiState.state,
		search: typeof r.search === 'string' ? r.search : defaultUiState.search,
		sort: isOneOf(sortKeys, r.sort) ? r.sort : defaultUiState.sort,
		focusedId: typeof r.focusedId === 'string' ? r.focusedId : null,
		expanded: Array.isArray(r.expanded) ? r.expanded.filter((id): id is string => typeof id === 'string') : [],
	};
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export function matchesState(filter: StateFilter, state: CardState): boolean {
	return filter === 'all' || filter === state;
}
