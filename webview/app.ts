import { html, nothing, render } from 'lit-html';
import type { TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { AchievementCardVm, ExternalLink, ToWebview, ViewModel } from '../src/shared/protocol.ts';
import { CardOrder } from './cardOrder.ts';
import { sortCards, visibleCards } from './cardQuery.ts';
import { cardsOf, moveInGroup, targetForKey } from './gridNavigation.ts';
import type { HostApi } from './hostApi.ts';
import { attachJourneyInteractions } from './journeyInteractions.ts';
import { isToWebview } from './messages.ts';
import { renderJourney } from './render/journey.ts';
import { renderShareCard, themePalette } from './shareCard.ts';
import { renderCard } from './render/card.ts';
import { renderHighlights } from './render/highlights.ts';
import { setMeterWidths } from './render/parts.ts';
import { renderDemoBanner, renderProblem } from './render/problem.ts';
import { announcementFor, renderStatus } from './render/status.ts';
import { categoryProgress, renderSummary } from './render/summary.ts';
import { readValue, renderToolbar } from './render/toolbar.ts';
import { defaultUiState, isOneOf, readUiState, sortKeys, stateFilters } from './uiState.ts';
import type { StateFilter, UiState } from './uiState.ts';
import { errorMessage } from '../src/shared/errorMessage.ts';

export interface AppOptions {
	readonly root: HTMLElement;
	readonly host: HostApi;
	/** Where the host's messages arrive: the webview's `window`. */
	readonly messageSource: EventTarget;
	/** The model the host embedded in the page, painted before any message arrives. */
	readonly initialModel?: ViewModel | null;
	/** Injected so tests control "updated 2 min ago". */
	readonly now?: () => number;
}

export interface App {
	dispose(): void;
}

/** "Updated 2 min ago" must keep ticking while the view sits idle. */
const statusRefreshMs = 30_000;
/** How long a card revealed from a notification stays outlined. */
const revealHighlightMs = 2500;
const externalLinkNames: ReadonlySet<string> = new Set<ExternalLink>(['hermesAgent']);

/**
 * The whole view, rendered with lit-html: every model (always a full snapshot) goes through one
 * render that changes only the DOM whose values changed. Cards are keyed by id, so open details,
 * focus, scroll position and the search text survive every update, and a model equal to the one
 * shown changes nothing at all.
 */
export function createApp(options: AppOptions): App {
	const { root, host } = options;
	const now = options.now ?? Date.now;
	let model: ViewModel | undefined = options.initialModel ?? undefined;
	let shownJson = model ? JSON.stringify(model) : '';
	let ui: UiState = readUiState(host.getState());
	let highlightId: string | null = null;
	let highlightTimer: ReturnType<typeof setTimeout> | undefined;
	let firstScorePainted = false;
	const order = new CardOrder();

	function updateUi(change: Partial<UiState>): void {
		ui = { ...ui, ...change };
		host.setState(ui);
	}

	/** The cards to show, in order: sorted, held still while a first scan streams, then filtered. */
	function shownCards(current: ViewModel): AchievementCardVm[] {
		const streaming = current.scan.partial || current.scan.phase === 'bootstrap';
		const ordered = order.arrange(sortCards(current.achievements, ui.sort), streaming, ui.sort);
		const matching = new Set(visibleCards(current.achievements, ui).map((card) => card.id));
		return ordered.filter((card) => matching.has(card.id));
	}

	function view(): TemplateResult {
		if (!model) {
			return html`<h1 class="visually-hidden">Hermes Achievements</h1>${skeleton('Loading achievements…')}`;
		}
		const current = model;
		const hasGrid = current.achievements.length > 0 && (current.problem === null || current.problem.kind === 'unreadable');
		return html`<h1 class="visually-hidden">Hermes Achievements${current.demo ? ' (demo data)' : ''}</h1>
			${renderStatus(current, now())}
			<p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${announcementFor(current)}</p>
			${renderDemoBanner(current.demo)}
			${renderProblem(current.problem)}
			${hasGrid ? browse(current) : current.problem === null ? skeleton('Your achievements appear here as the first read of your Hermes history goes along.') : nothing}`;
	}

	function browse(current: ViewModel): TemplateResult {
		const cards = shownCards(current);
		const categories = categoryProgress(current);
		const activeId = cards.some((card) => card.id === ui.focusedId) ? ui.focusedId : cards[0]?.id ?? null;
		const expanded = new Set(ui.expanded);
		const total = current.achievements.length;
		return html`<div class="content">
			${renderSummary(current, ui.category, now())}
			${renderHighlights(current.achievements)}
			${showsJourney() ? html`<div class="journey-slot">${renderJourney(current.journey, current.scan.sessionsTotal)}</div>` : nothing}
			<section class="browse" aria-labelledby="browse-heading">
				<h2 id="browse-heading" class="visually-hidden">All achievements</h2>
				${renderToolbar(ui, categories, stateCounts(current.achievements, ui))}
				<p class="result-count" aria-live="polite">${cards.length === total ? `${total} achievements` : `Showing ${cards.length} of ${total}`}${current.scan.partial ? ' · figures so far, still reading' : ''}</p>
				<ul class="grid" role="list" aria-label="Achievements">
					${repeat(cards, (card) => card.id, (card) => renderCard(card, {
						active: card.id === activeId,
						expanded: expanded.has(card.id),
						highlighted: card.id === highlightId,
					}))}
				</ul>
				${cards.length === 0 ? html`<div class="no-results">
					<p>No achievements match these filters.</p>
					<button type="button" class="button button-secondary" data-action="clear-filters">Clear filters</button>
				</div>` : nothing}
			</section>
		</div>`;
	}

	/** The Journey belongs to the roomy editor tab; the narrow side bar leaves it out. */
	function showsJourney(): boolean {
		return root.ownerDocument.documentElement.dataset.surface !== 'sidebar';
	}

	function paint(): void {
		const focused = root.ownerDocument.activeElement;
		render(view(), root, { creationScope: root.ownerDocument });
		// A keyed move is a remove and an insert, which drops focus; the element itself is kept.
		if (focused && focused !== root.ownerDocument.activeElement && focused.isConnected && root.contains(focused)) {
			(focused as HTMLElement).focus({ preventScroll: true });
		}
		setMeterWidths(root);
		if (model && root.hasAttribute('aria-busy')) {
			root.removeAttribute('aria-busy');
		}
		if (!firstScorePainted && model && model.achievements.length > 0) {
			firstScorePainted = true;
			// For the first-paint measure in the end-to-end test: the frame that shows the score.
			const view = root.ownerDocument.defaultView;
			view?.requestAnimationFrame?.(() => view.performance.mark('hermes-achievements:score-painted'));
		}
	}

	function grid(): HTMLElement | null {
		return root.querySelector<HTMLElement>('ul.grid');
	}

	function cardById(id: string): HTMLElement | undefined {
		const list = grid();
		return list ? cardsOf(list).find((card) => card.dataset.id === id) : undefined;
	}

	function reveal(achievementId: string): void {
		if (!model?.achievements.some((a) => a.id === achievementId)) {
			return;
		}
		if (!visibleCards(model.achievements, ui).some((a) => a.id === achievementId)) {
			updateUi({ category: defaultUiState.category, state: defaultUiState.state, search: defaultUiState.search });
		}
		updateUi({ focusedId: achievementId });
		highlightId = achievementId;
		clearTimeout(highlightTimer);
		highlightTimer = setTimeout(() => {
			highlightId = null;
			paint();
		}, revealHighlightMs);
		paint();
		const card = cardById(achievementId);
		if (card) {
			card.scrollIntoView?.({ block: 'center' });
			card.focus({ preventScroll: true });
		}
	}

	function toggleExpanded(id: string): void {
		const open = new Set(ui.expanded);
		if (open.has(id)) {
			open.delete(id);
		} else {
			open.add(id);
		}
		updateUi({ expanded: [...open] });
		paint();
	}

	function post(type: 'rescan' | 'chooseHome' | 'openSettings' | 'startDemo' | 'leaveDemo'): void {
		host.postMessage({ type });
	}

	function onClick(event: MouseEvent): void {
		const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
		if (!target || !root.contains(target)) {
			return;
		}
		const { action, value, id } = target.dataset;
		switch (action) {
			case 'rescan':
				return post('rescan');
			case 'choose-home':
				return post('chooseHome');
			case 'open-settings':
				return post('openSettings');
			case 'start-demo':
				return post('startDemo');
			case 'leave-demo':
				return post('leaveDemo');
			case 'open-link':
				if (target.dataset.link && externalLinkNames.has(target.dataset.link)) {
					host.postMessage({ type: 'openLink', link: target.dataset.link as ExternalLink });
				}
				return;
			case 'open-session':
				if (target.dataset.sessionId) {
					host.postMessage({ type: 'openSession', sessionId: target.dataset.sessionId });
				}
				return;
			case 'reveal':
				if (id) {
					reveal(id);
				}
				return;
			case 'state-filter':
				if (isOneOf<StateFilter>(stateFilters, value)) {
					updateUi({ state: value });
					paint();
				}
				return;
			case 'category-chip':
				updateUi({ category: value === ui.category ? '' : value ?? '' });
				paint();
				return;
			case 'clear-filters':
				updateUi({ category: '', state: 'all', search: '' });
				paint();
				return;
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
		paint();
	}

	/** `<details>` toggled by a click on its summary: remembered, so the next render keeps it. */
	function onToggle(event: Event): void {
		const details = event.target as HTMLDetailsElement;
		const id = details.closest<HTMLElement>('li.card')?.dataset.id;
		if (!id || !details.matches('.card-criteria') || details.open === ui.expanded.includes(id)) {
			return;
		}
		toggleExpanded(id);
	}

	function onKeyDown(event: KeyboardEvent): void {
		const target = event.target as HTMLElement;
		if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextEntry(target)) {
			const search = root.querySelector<HTMLElement>('[data-control="search"]');
			if (search) {
				event.preventDefault();
				search.focus();
			}
			return;
		}
		const list = grid();
		if (list && target.matches('li.card') && list.contains(target)) {
			onCardKey(event, list, target);
			return;
		}
		const group = target.closest<HTMLElement>('[data-roving]');
		if (group && moveInGroup(group, target, event.key)) {
			event.preventDefault();
		}
	}

	function onCardKey(event: KeyboardEvent, list: HTMLElement, card: HTMLElement): void {
		if (event.key === 'Enter' || event.key === ' ') {
			event.preventDefault();
			if (card.dataset.id && card.querySelector('details')) {
				toggleExpanded(card.dataset.id);
			}
			return;
		}
		const next = targetForKey(list, card, event.key);
		if (next === undefined) {
			return;
		}
		event.preventDefault();
		if (next !== card && next.dataset.id) {
			updateUi({ focusedId: next.dataset.id });
			paint();
			next.focus();
		}
	}

	function onFocusIn(event: FocusEvent): void {
		const card = (event.target as Element | null)?.closest<HTMLElement>('li.card');
		if (card?.dataset.id && card.dataset.id !== ui.focusedId) {
			updateUi({ focusedId: card.dataset.id });
			paint();
		}
	}

	function handleMessage(message: ToWebview): void {
		switch (message.type) {
			case 'model': {
				const json = JSON.stringify(message.model);
				if (json !== shownJson) {
					shownJson = json;
					model = message.model;
					paint();
				}
				confirmShown();
				return;
			}
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
			const card = renderShareCard(model, themePalette(getComputedStyle(root.ownerDocument.documentElement)));
			host.postMessage({ type: 'cardRendered', requestId, ...card });
		} catch (error) {
			host.postMessage({ type: 'cardFailed', requestId, error: errorMessage(error) });
		}
	}

	/** Tells the host the model is on screen (the frame after the render), so it may send the next. */
	function confirmShown(): void {
		const view = root.ownerDocument.defaultView;
		const confirm = (): void => host.postMessage({ type: 'shown' });
		if (view?.requestAnimationFrame) {
			view.requestAnimationFrame(confirm);
		} else {
			confirm();
		}
	}

	function onMessage(event: Event): void {
		const data = (event as MessageEvent<unknown>).data;
		if (isToWebview(data)) {
			handleMessage(data);
		}
	}

	// The static skeleton of the HTML gives way to the rendered view.
	root.replaceChildren();
	paint();
	// The text field's `input` is its inner input's (composed, bubbling). The selects dispatch
	// `change` on themselves without bubbling, and `<details>` fires `toggle` without bubbling:
	// both are caught on the way down.
	const listeners: readonly (readonly [string, (event: never) => void, boolean])[] = [
		['click', onClick, false],
		['input', onControlChange, false],
		['change', onControlChange, true],
		['toggle', onToggle, true],
		['keydown', onKeyDown, false],
		['focusin', onFocusIn, false],
	];
	for (const [type, listener, capture] of listeners) {
		root.addEventListener(type, listener as EventListener, capture);
	}
	const journeyInteractions = attachJourneyInteractions(root);
	const timer = setInterval(() => {
		if (model) {
			paint();
		}
	}, statusRefreshMs);

	// The host posts nothing before `ready`, so it goes out only once the listener is in place.
	options.messageSource.addEventListener('message', onMessage);
	host.postMessage({ type: 'ready' });

	return {
		dispose() {
			options.messageSource.removeEventListener('message', onMessage);
			clearInterval(timer);
			clearTimeout(highlightTimer);
			journeyInteractions.dispose();
			for (const [type, listener, capture] of listeners) {
				root.removeEventListener(type, listener as EventListener, capture);
			}
		},
	};
}

function skeleton(text: string): TemplateResult {
	return html`<div class="skeleton" aria-hidden="true"><div class="skeleton-line"></div><div class="skeleton-line short"></div><div class="skeleton-card"></div><div class="skeleton-card"></div></div>
		<p class="loading">${text}</p>`;
}

function isTextEntry(element: HTMLElement): boolean {
	return element.matches('input, textarea, select, vscode-textfield, vscode-single-select, [contenteditable]');
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

function assertNever(value: never): never {
	throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
