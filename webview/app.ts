import type { AchievementCardVm, ToWebview, ViewModel } from '../src/shared/protocol.ts';
import { visibleCards } from './cardQuery.ts';
import { custom, h, icon } from './dom.ts';
import { cardsOf, setActiveCard, targetForKey } from './gridNavigation.ts';
import type { HostApi } from './hostApi.ts';
import { attachJourneyInteractions } from './journeyInteractions.ts';
import { isToWebview } from './messages.ts';
import { renderJourney } from './render/journey.ts';
import { render as renderTemplate } from 'lit-html';
import { renderShareCard, themePalette } from './shareCard.ts';
import { renderCard } from './render/card.ts';
import { renderHighlights } from './render/highlights.ts';
import { renderProblem } from './render/problem.ts';
import { announcementFor, renderStatus } from './render/status.ts';
import { renderSummary } from './render/summary.ts';
import { createToolbar, readValue } from './render/toolbar.ts';
import { defaultUiState, isOneOf, readUiState, sortKeys, stateFilters } from './uiState.ts';
import type { StateFilter, UiState } from './uiState.ts';

export interface AppOptions {
	readonly root: HTMLElement;
	readonly host: HostApi;
	/** Where the host's messages arrive: the webview's `window`. */
	readonly messageSource: EventTarget;
	/** Injected so tests control "updated 2 min ago". */
	readonly now?: () => number;
}

export interface App {
	dispose(): void;
}

/** "Updated 2 min ago" must keep ticking while the view sits idle. */
const statusRefreshMs = 30_000;
const navigationKeys = new Set(['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End']);

/**
 * The whole view: builds the page skeleton once, then repaints its regions from every `model`
 * message (always a full snapshot).
 */
export function createApp(options: AppOptions): App {
	const { root, host } = options;
	const now = options.now ?? Date.now;
	let model: ViewModel | undefined;
	let ui: UiState = readUiState(host.getState());
	let lastAnnouncement = '';

	const statusSlot = h('div', { class: 'status-slot' });
	const liveRegion = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
	const rescanButton = h('button', { type: 'button', class: 'button button-secondary rescan', 'data-action': 'rescan', title: 'Rescan all sessions' },
		icon('refresh'), h('span', {}, 'Rescan'));
	const header = h('header', { class: 'view-header' },
		h('h1', { class: 'visually-hidden' }, 'Hermes Achievements'), statusSlot, rescanButton);
	const problemSlot = h('div', { class: 'problem-slot' });
	const summarySlot = h('div', { class: 'summary-slot' });
	const highlightsSlot = h('div', { class: 'highlights-slot' });
	const toolbar = createToolbar(ui);
	const countBadge = custom('vscode-badge', { variant: 'counter', class: 'count-badge' });
	const resultCount = h('p', { class: 'result-count' });
	const grid = h('ul', { class: 'grid', role: 'list', 'aria-label': 'Achievements' });
	const noResults = h('div', { class: 'no-results', hidden: true },
		h('p', {}, 'No achievements match these filters.'),
		h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'clear-filters' }, 'Clear filters'));
	const browse = h('section', { class: 'browse', 'aria-labelledby': 'browse-heading' },
		h('h2', { id: 'browse-heading', class: 'section-heading browse-heading' }, 'All achievements ', countBadge),
		toolbar.element, resultCount, grid, noResults);
	const journeySlot = h('div', { class: 'journey-slot' });
	const content = h('div', { class: 'content', hidden: true }, summarySlot, highlightsSlot, journeySlot, browse);
	const loading = h('p', { class: 'loading' }, 'Loading achievements…');
	root.replaceChildren(header, liveRegion, problemSlot, loading, content);

	function render(): void {
		if (!model) {
			return;
		}
		root.removeAttribute('aria-busy');
		loading.hidden = true;
		statusSlot.replaceChildren(renderStatus(model.scan, now()));
		announce(announcementFor(model));
		problemSlot.replaceChildren(...(model.problem ? [renderProblem(model.problem)] : []));
		const hasGrid = model.achievements.length > 0 && (model.problem === null || model.problem.kind === 'unreadable')
			&& model.scan.updatedAt !== null;
		content.hidden = !hasGrid;
		if (!hasGrid) {
			const firstScan = model.problem === null;
			loading.hidden = !firstScan;
			loading.textContent = 'Your achievements appear here as soon as the first scan of your Hermes history finishes.';
			return;
		}
		summarySlot.replaceChildren(renderSummary(model, now()));
		highlightsSlot.replaceChildren(...nonNull(renderHighlights(model.achievements)));
		renderTemplate(renderJourney(model.journey, model.scan.sessionsTotal), journeySlot);
		renderGrid();
	}

	function renderGrid(): void {
		if (!model) {
			return;
		}
		const focusWasInGrid = grid.contains(document.activeElement);
		const cards = visibleCards(model.achievements, ui);
		toolbar.update(model.categories, stateCounts(model.achievements, ui), ui);
		countBadge.textContent = String(model.achievements.length);
		resultCount.textContent = cards.length === model.achievements.length
			? `${cards.length} achievements`
			: `Showing ${cards.length} of ${model.achievements.length}`;
		grid.replaceChildren(...cards.map(renderCard));
		noResults.hidden = cards.length > 0;
		const active = setActiveCard(grid, cardById(ui.focusedId));
		if (focusWasInGrid) {
			(active ?? grid).focus();
		}
	}

	function announce(text: string): void {
		if (text !== lastAnnouncement) {
			lastAnnouncement = text;
			liveRegion.textContent = text;
		}
	}

	function cardById(id: string | null): HTMLElement | undefined {
		return id === null ? undefined : cardsOf(grid).find((card) => card.dataset.id === id);
	}

	function updateUi(change: Partial<UiState>): void {
		ui = { ...ui, ...change };
		host.setState(ui);
	}

	function reveal(achievementId: string): void {
		if (!model?.achievements.some((a) => a.id === achievementId)) {
			return;
		}
		if (!visibleCards(model.achievements, ui).some((a) => a.id === achievementId)) {
			updateUi({ category: defaultUiState.category, state: defaultUiState.state, search: defaultUiState.search });
		}
		updateUi({ focusedId: achievementId });
		renderGrid();
		const card = cardById(achievementId);
		if (card) {
			setActiveCard(grid, card);
			card.scrollIntoView?.({ block: 'nearest' });
			card.focus();
		}
	}

	function onClick(event: MouseEvent): void {
		const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
		if (!target || !root.contains(target)) {
			return;
		}
		switch (target.dataset.action) {
			case 'rescan':
				host.postMessage({ type: 'rescan' });
				break;
			case 'choose-home':
				host.postMessage({ type: 'chooseHome' });
				break;
			case 'open-settings':
				host.postMessage({ type: 'openSettings' });
				break;
			case 'open-session':
				if (target.dataset.sessionId) {
					host.postMessage({ type: 'openSession', sessionId: target.dataset.sessionId });
				}
				break;
			case 'reveal':
				if (target.dataset.id) {
					reveal(target.dataset.id);
				}
				break;
			case 'state-filter':
				if (isOneOf<StateFilter>(stateFilters, target.dataset.value)) {
					updateUi({ state: target.dataset.value });
					renderGrid();
				}
				break;
			case 'clear-filters':
				updateUi({ category: '', state: 'all', search: '' });
				renderGrid();
				break;
		}
	}

	function onControlChange(event: Event): void {
		const control = (event.target as Element | null)?.closest<HTMLElement>('[data-control]');
		switch (control?.dataset.control) {
			case 'search':
				updateUi({ search: readValue(control) });
				break;
			case 'category':
				updateUi({ category: readValue(control) });
				break;
			case 'sort': {
				const sort = readValue(control);
				if (!isOneOf(sortKeys, sort)) {
					return;
				}
				updateUi({ sort });
				break;
			}
			default:
				return;
		}
		renderGrid();
	}

	function onGridKeyDown(event: KeyboardEvent): void {
		const card = event.target as HTMLElement;
		if (!navigationKeys.has(event.key) || !card.matches('li.card')) {
			return;
		}
		const target = targetForKey(grid, card, event.key);
		event.preventDefault();
		if (target && target !== card) {
			setActiveCard(grid, target);
			target.focus();
		}
	}

	function onGridFocusIn(event: FocusEvent): void {
		const card = (event.target as Element | null)?.closest<HTMLElement>('li.card');
		if (card && card.dataset.id && card.dataset.id !== ui.focusedId) {
			setActiveCard(grid, card);
			updateUi({ focusedId: card.dataset.id });
		}
	}

	root.addEventListener('click', onClick);
	// The text field's `input` is its inner input's (composed, bubbling), and the field updates its
	// `value` at the target, so it is read on the way up. The selects dispatch `change` on themselves
	// without bubbling, after updating `value`, so it is caught on the way down.
	toolbar.element.addEventListener('input', onControlChange);
	toolbar.element.addEventListener('change', onControlChange, true);
	grid.addEventListener('keydown', onGridKeyDown);
	grid.addEventListener('focusin', onGridFocusIn);
	const journeyInteractions = attachJourneyInteractions(root);
	const timer = setInterval(() => {
		if (model) {
			statusSlot.replaceChildren(renderStatus(model.scan, now()));
		}
	}, statusRefreshMs);

	function handleMessage(message: ToWebview): void {
		switch (message.type) {
			case 'model':
				model = message.model;
				render();
				return;
			case 'reveal':
				reveal(message.achievementId);
				return;
			case 'showJourney':
				showJourney();
				return;
			case 'renderCard':
				answerCard(message.requestId);
				return;
			default:
				assertNever(message);
		}
	}

	function showJourney(): void {
		const heading = root.querySelector<HTMLElement>('#journey-heading');
		heading?.scrollIntoView?.({ block: 'start' });
		heading?.focus();
	}

	/** The share card is drawn here because only the webview knows the theme's colours. */
	function answerCard(requestId: number): void {
		try {
			if (!model) {
				throw new Error('no achievements to draw yet');
			}
			const card = renderShareCard(model, themePalette(getComputedStyle(document.documentElement)));
			host.postMessage({ type: 'cardRendered', requestId, ...card });
		} catch (error) {
			host.postMessage({ type: 'cardFailed', requestId, error: error instanceof Error ? error.message : String(error) });
		}
	}

	function onMessage(event: Event): void {
		const data = (event as MessageEvent<unknown>).data;
		if (isToWebview(data)) {
			handleMessage(data);
		}
	}

	// The host posts nothing before `ready`, so it goes out only once the listener is in place.
	options.messageSource.addEventListener('message', onMessage);
	host.postMessage({ type: 'ready' });

	return {
		dispose() {
			options.messageSource.removeEventListener('message', onMessage);
			clearInterval(timer);
			journeyInteractions.dispose();
			root.removeEventListener('click', onClick);
			toolbar.element.removeEventListener('input', onControlChange);
			toolbar.element.removeEventListener('change', onControlChange, true);
			grid.removeEventListener('keydown', onGridKeyDown);
			grid.removeEventListener('focusin', onGridFocusIn);
		},
	};
}

function stateCounts(cards: readonly AchievementCardVm[], ui: UiState): Record<StateFilter, number> {
	// Counts follow the category and search, so each state button says what it would show.
	const scoped = visibleCards(cards, { ...ui, state: 'all' });
	return {
		all: scoped.length,
		unlocked: scoped.filter((c) => c.state === 'unlocked').length,
		discovered: scoped.filter((c) => c.state === 'discovered').length,
		secret: scoped.filter((c) => c.state === 'secret').length,
	};
}

function nonNull<T>(value: T | null): T[] {
	return value === null ? [] : [value];
}

function assertNever(value: never): never {
	throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
