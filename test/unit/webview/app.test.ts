import assert from 'node:assert/strict';
import { toViewModel } from '../../../src/host/viewModel.ts';
import type { ViewModel } from '../../../src/shared/protocol.ts';
import { achievement, realisticAchievements, snapshot, status } from '../host/snapshotBuilders.ts';
import { FakeHost, cardIds, click, key, mountApp, viewNow } from './domHarness.ts';
import type { Harness } from './domHarness.ts';

function realisticModel(): ViewModel {
	return toViewModel(snapshot(), status());
}

function selectValue(harness: Harness, control: string, value: string): void {
	const element = harness.root.querySelector<HTMLElement & { value?: string }>(`[data-control="${control}"]`);
	assert.ok(element, `control ${control}`);
	element.value = value;
	const view = harness.window as Window & typeof globalThis;
	// Like vscode-elements: the select's `change` does not bubble; the text field's `input` comes from its inner input.
	element.dispatchEvent(new view.Event(control === 'search' ? 'input' : 'change', { bubbles: control === 'search' }));
}

/** Text as read: whitespace collapsed. */
function text(element: Element | null): string {
	return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function stateButton(harness: Harness, filter: string): HTMLButtonElement {
	const button = harness.root.querySelector<HTMLButtonElement>(`button[data-action="state-filter"][data-value="${filter}"]`);
	assert.ok(button);
	return button;
}

describe('achievements webview', () => {
	let harness: Harness;
	afterEach(() => harness?.dispose());

	it('posts ready exactly once, before anything else, then only confirms each model it painted', async () => {
		harness = mountApp();
		assert.deepEqual(harness.host.posted, [{ type: 'ready' }]);
		harness.sendModel(realisticModel());
		harness.sendModel(realisticModel());
		await new Promise((resolve) => harness.window.requestAnimationFrame(resolve));
		// The host paces its posts on these confirmations, so even an unchanged model is confirmed.
		assert.deepEqual(harness.host.posted, [{ type: 'ready' }, { type: 'shown' }, { type: 'shown' }]);
	});

	it('ignores window messages that are not the host protocol', () => {
		harness = mountApp();
		const view = harness.window as Window & typeof globalThis;
		harness.window.dispatchEvent(new view.MessageEvent('message', { data: { type: 'model', model: 'nope' } }));
		harness.window.dispatchEvent(new view.MessageEvent('message', { data: 'model' }));
		assert.equal(harness.root.querySelectorAll('li.card').length, 0);
		assert.ok(harness.root.querySelector('.loading:not([hidden])'));
	});

	it('renders the compact header: score, breakdown, tier ladder and per-category progress', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		assert.equal(text(harness.root.querySelector('.score')), '3 / 9 unlocked');
		assert.equal(text(harness.root.querySelector('.score-details')),
			'4 discovered 2 secrets Highest tier: Olympian Latest: Autonomous Avalanche (1 h ago)');
		const ladder = [...harness.root.querySelectorAll('.tier-ladder .tier-name')].map((n) => n.textContent);
		assert.deepEqual(ladder, ['Copper', 'Silver', 'Gold', 'Diamond', 'Olympian']);
		const chips = [...harness.root.querySelectorAll('.category-chip')].map((chip) => text(chip));
		assert.deepEqual(chips, ['Agent Autonomy 3/5', 'Hermes Native 0/1', 'Debugging Chaos 0/3']);
		assert.equal(harness.root.querySelectorAll('li.card').length, 9);
	});

	it('says in plain words when the achievements last changed and what that read', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		assert.equal(text(harness.root.querySelector('.status-text')), 'Updated 3 min ago · 3 new or changed sessions read in 840 ms');
		assert.doesNotMatch(harness.root.textContent ?? '', /reused/);
		const lastRead = { at: viewNow - 7_200_000, durationMs: 9100, sessionsRead: 120, sessionsTotal: 120, full: true };
		harness.sendModel(toViewModel(snapshot(), status(), { lastRead }));
		assert.equal(text(harness.root.querySelector('.status-text')), 'Updated 2 h ago · all 120 sessions read in 9.1 s');
	});

	it('shows a progress bar during the first scan and a background read behind the snapshot on screen', () => {
		harness = mountApp();
		const bootstrap = { kind: 'bootstrap' as const, started_at: 1, sessions_done: 25, sessions_total: 100 };
		harness.sendModel(toViewModel(undefined, status({ state: 'SCANNING', scanning: bootstrap })));
		const bar = harness.root.querySelector('.status [role="progressbar"]');
		assert.equal(bar?.getAttribute('aria-valuenow'), '25');
		assert.match(harness.root.querySelector('.status-text')?.textContent ?? '', /25 of 100 sessions/);
		const refresh = { kind: 'refresh' as const, started_at: 1, sessions_done: 1, sessions_total: 4 };
		harness.sendModel(toViewModel(snapshot({ is_stale: true }), status({ state: 'SCANNING', scanning: refresh })));
		assert.match(text(harness.root.querySelector('.status-text')), /^Reading new sessions… · 1 of 4$/);
		assert.equal(harness.root.querySelector('.status [role="progressbar"]')?.getAttribute('aria-valuenow'), '25');
		assert.equal(harness.root.querySelectorAll('li.card').length, 9, 'the stale snapshot stays on screen');
	});

	it('shows the last scan error next to the last good results', () => {
		harness = mountApp();
		harness.sendModel(toViewModel(snapshot(), status({ state: 'STALE', last_error: 'database is locked' })));
		assert.match(harness.root.querySelector('.status-error')?.textContent ?? '', /database is locked/);
		assert.equal(harness.root.querySelectorAll('li.card').length, 9);
	});

	it('filters by state: "unlocked" shows exactly the unlocked cards', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		click(stateButton(harness, 'unlocked'));
		assert.deepEqual(cardIds(harness.root).sort(), ['autonomous_avalanche', 'let_him_cook', 'subagent_commander']);
		assert.equal(stateButton(harness, 'unlocked').getAttribute('aria-pressed'), 'true');
		assert.equal(stateButton(harness, 'all').getAttribute('aria-pressed'), 'false');
		click(stateButton(harness, 'secret'));
		assert.deepEqual(cardIds(harness.root).sort(), ['forgot_the_env_var', 'yaml_colon_incident']);
	});

	it('filters by category and by search text, and says when nothing matches', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		selectValue(harness, 'category', 'Hermes Native');
		assert.deepEqual(cardIds(harness.root), ['memory_keeper']);
		selectValue(harness, 'category', '');
		selectValue(harness, 'search', 'TOOLBOX');
		assert.deepEqual(cardIds(harness.root), ['toolchain_maxxer']);
		selectValue(harness, 'search', 'no such achievement');
		assert.deepEqual(cardIds(harness.root), []);
		assert.equal(harness.root.querySelector<HTMLElement>('.no-results')?.hidden, false);
		click(harness.root.querySelector('[data-action="clear-filters"]') as Element);
		assert.equal(cardIds(harness.root).length, 9);
	});

	it('sorts by closeness to the next tier, tier, name and most recent unlock', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		assert.deepEqual(cardIds(harness.root).slice(0, 3), ['toolchain_maxxer', 'full_send', 'let_him_cook']);
		selectValue(harness, 'sort', 'tier');
		assert.deepEqual(cardIds(harness.root).slice(0, 3), ['autonomous_avalanche', 'subagent_commander', 'let_him_cook']);
		selectValue(harness, 'sort', 'name');
		assert.deepEqual(cardIds(harness.root).slice(0, 2), ['autonomous_avalanche', 'full_send']);
		assert.deepEqual(cardIds(harness.root).slice(-2).sort(), ['forgot_the_env_var', 'yaml_colon_incident'], 'hidden secrets last');
		selectValue(harness, 'sort', 'recent');
		assert.deepEqual(cardIds(harness.root).slice(0, 3), ['autonomous_avalanche', 'let_him_cook', 'subagent_commander']);
	});

	it('shows hidden secrets as ??? with their hint and no progress or thresholds', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const card = harness.root.querySelector('li.card[data-id="forgot_the_env_var"]');
		assert.ok(card);
		assert.equal(text(card.querySelector('.card-name')), '??? (hidden secret)');
		assert.equal(card.querySelector('summary')?.textContent, 'How to reveal');
		assert.match(card.textContent ?? '', /Some keys only matter/);
		assert.equal(card.querySelector('[role="progressbar"]'), null);
		assert.doesNotMatch(card.textContent ?? '', /5,?000|Copper|env/i);
		assert.equal(card.querySelector('.badge-state')?.textContent, 'Secret');
	});

	it('renders a card with state as text, progress with aria values, and the evidence session', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const card = harness.root.querySelector('li.card[data-id="let_him_cook"]');
		assert.ok(card);
		assert.equal(card.querySelector('.badge-state')?.textContent, 'Unlocked');
		assert.match(card.querySelector('.badge-tier')?.textContent ?? '', /Silver$/);
		assert.equal(card.querySelector('summary')?.textContent, 'What counts');
		const bar = card.querySelector('[role="progressbar"]');
		// The bar measures what the text says: 640 of 1,200 (not the share of the Silver-to-Gold band).
		assert.equal(bar?.getAttribute('aria-valuenow'), '53');
		assert.equal(bar?.getAttribute('aria-valuemax'), '100');
		assert.match(bar?.getAttribute('aria-valuetext') ?? '', /640 of 1,200 tool calls in one session, next tier Gold/);
		assert.equal(card.querySelector('.progress-amounts')?.textContent, '640 / 1,200');
		assert.equal((bar as HTMLElement).style.getPropertyValue('--pct'), '53%');
		assert.equal(card.getAttribute('style'), null);
		const evidence = card.querySelector('[data-action="open-session"]');
		assert.equal(evidence?.textContent, 'Refactor the billing worker');
		click(evidence as Element);
		assert.deepEqual(harness.host.posted.at(-1), { type: 'openSession', sessionId: '20260101_101010_abc123' });
	});

	it('lists each condition of a multi-condition achievement', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const parts = [...harness.root.querySelectorAll('li.card[data-id="full_send"] .requirement')].map((li) => [
			li.querySelector('.requirement-label')?.textContent, li.querySelector('.requirement-amounts')?.textContent, li.classList.contains('met'),
		]);
		assert.deepEqual(parts, [
			['terminal calls in one session', '200 / 180', true],
			['file tool calls in one session', '90 / 120', false],
			['web and browser calls in one session', '15 / 60', false],
		]);
	});

	it('renders hostile strings from the history as text and creates no elements from them', () => {
		harness = mountApp();
		const hostile = '<img src=x onerror=alert(1)>';
		const achievements = realisticAchievements().map((a) => a.id === 'let_him_cook'
			? { ...a, evidence: { session_id: `"><script>alert(1)</script>`, title: hostile, value: 640 } }
			: a);
		harness.sendModel(toViewModel(snapshot({ achievements, home: `/data/${hostile}` }), status()));
		assert.equal(harness.document.querySelectorAll('img, script').length, 0);
		const evidence = harness.root.querySelector('[data-action="open-session"]');
		assert.equal(evidence?.textContent, hostile);
		click(evidence as Element);
		assert.deepEqual(harness.host.posted.at(-1), { type: 'openSession', sessionId: `"><script>alert(1)</script>` });
		harness.sendModel(toViewModel(undefined, status({ state: 'FAILED', home: `/data/${hostile}`, last_error: `No Hermes home at ${hostile}` })));
		assert.equal(harness.document.querySelectorAll('img, script').length, 0);
		assert.match(harness.root.querySelector('.welcome')?.textContent ?? '', /<img src=x onerror=alert\(1\)>/);
	});

	it('moves focus between cards with arrow keys, Home and End, keeping one tab stop', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const cards = () => [...harness.root.querySelectorAll<HTMLElement>('li.card')];
		assert.equal(cards().filter((c) => c.tabIndex === 0).length, 1);
		cards()[0].focus();
		key(cards()[0], 'ArrowRight');
		assert.equal(harness.document.activeElement, cards()[1]);
		key(cards()[1], 'ArrowDown');
		assert.equal(harness.document.activeElement, cards()[2]);
		key(cards()[2], 'End');
		assert.equal(harness.document.activeElement, cards()[8]);
		key(cards()[8], 'Home');
		assert.equal(harness.document.activeElement, cards()[0]);
		key(cards()[0], 'ArrowLeft');
		assert.equal(harness.document.activeElement, cards()[0]);
		key(cards()[0], 'ArrowRight');
		assert.deepEqual(cards().map((c) => c.tabIndex), [-1, 0, -1, -1, -1, -1, -1, -1, -1]);
		// Only the active card's own link is reachable with Tab; details open with Enter on the card.
		key(cards()[1], 'ArrowRight');
		assert.equal(harness.document.activeElement?.getAttribute('data-id'), 'let_him_cook');
		const tabbable = [...harness.root.querySelectorAll<HTMLElement>('.grid summary, .grid button')].filter((e) => e.tabIndex === 0);
		assert.equal(tabbable.length, 1);
		assert.equal(tabbable[0].closest('li.card'), cards()[2]);
	});

	it('updates a card in place on a new model: same element, focus kept, new figures', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const target = harness.root.querySelector<HTMLElement>('li.card[data-id="memory_keeper"]');
		target?.focus();
		const updated = realisticAchievements().map((a) => a.id === 'memory_keeper' ? { ...a, progress: 40, progress_pct: 80 } : a);
		harness.sendModel(toViewModel(snapshot({ achievements: updated }), status()));
		assert.equal(harness.document.activeElement, target, 'the same element keeps focus');
		assert.equal(target?.querySelector('.progress-amounts')?.textContent, '40 / 50');
	});

	it('reveals a card on request, clearing filters that hide it', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		click(stateButton(harness, 'unlocked'));
		harness.send({ type: 'reveal', achievementId: 'toolchain_maxxer' });
		assert.equal((harness.document.activeElement as HTMLElement).dataset.id, 'toolchain_maxxer');
		assert.equal(stateButton(harness, 'all').getAttribute('aria-pressed'), 'true');
	});

	it('updates the live region on phase changes only, not on progress ticks', () => {
		harness = mountApp();
		const tick = (done: number) => toViewModel(undefined, status({
			state: 'SCANNING', scanning: { kind: 'bootstrap', started_at: 1, sessions_done: done, sessions_total: 100 },
		}));
		harness.sendModel(tick(10));
		const live = harness.root.querySelector('[role="status"]');
		let changes = 0;
		const view = harness.window as Window & typeof globalThis;
		new view.MutationObserver((records) => { changes += records.length; }).observe(live as Node, { childList: true, characterData: true, subtree: true });
		const first = live?.textContent;
		harness.sendModel(tick(20));
		harness.sendModel(tick(30));
		assert.equal(live?.textContent, first);
		assert.match(first ?? '', /Reading your Hermes history/);
		harness.sendModel(realisticModel());
		assert.match(live?.textContent ?? '', /up to date: 3 of 9 unlocked/);
		return Promise.resolve().then(() => assert.equal(changes, 1));
	});

	it('persists filters, sort and focus through setState and restores them on reload', () => {
		const host = new FakeHost();
		harness = mountApp(host);
		harness.sendModel(realisticModel());
		click(stateButton(harness, 'discovered'));
		selectValue(harness, 'sort', 'name');
		selectValue(harness, 'search', 'tool');
		assert.deepEqual(host.state, { category: '', state: 'discovered', search: 'tool', sort: 'name', focusedId: null, expanded: [] });
		harness.dispose();

		harness = mountApp(host);
		harness.sendModel(realisticModel());
		assert.equal(stateButton(harness, 'discovered').getAttribute('aria-pressed'), 'true');
		assert.deepEqual(cardIds(harness.root), ['toolchain_maxxer']);
		assert.equal((harness.root.querySelector('[data-control="search"]') as HTMLElement & { value?: string }).value, 'tool');
	});

	it('never persists achievement data', () => {
		const host = new FakeHost();
		harness = mountApp(host);
		harness.sendModel(realisticModel());
		click(stateButton(harness, 'unlocked'));
		harness.root.querySelector<HTMLElement>('li.card')?.focus();
		const persisted = JSON.stringify(host.state);
		assert.doesNotMatch(persisted, /Let Him Cook|Refactor the billing|tool calls/);
	});

	it('survives persisted state from an older or broken version', () => {
		harness = mountApp(new FakeHost({ state: 'bogus', sort: 42, search: 'x'.repeat(3) }));
		harness.sendModel(realisticModel());
		assert.equal(stateButton(harness, 'all').getAttribute('aria-pressed'), 'true');
		assert.deepEqual(cardIds(harness.root), []);
	});

	it('has no Rescan button of its own (the view title bar has the one), and offers one when the history cannot be read', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		assert.equal(harness.root.querySelector('[data-action="rescan"]'), null);
		harness.sendModel(toViewModel(undefined, status({ state: 'FAILED', last_error: 'file is not a database' })));
		click(harness.root.querySelector('[data-action="rescan"]') as Element);
		assert.deepEqual(harness.host.posted.at(-1), { type: 'rescan' });
	});

	it('welcomes a first run without a Hermes home: what Hermes is, choose the folder, or try demo data', () => {
		harness = mountApp();
		harness.sendModel(toViewModel(undefined, status({ state: 'FAILED', home: '/x/.hermes', last_error: 'No Hermes home at /x/.hermes' })));
		assert.equal(text(harness.root.querySelector('.welcome-heading')), 'Achievements for your Hermes Agent history');
		assert.match(text(harness.root.querySelector('.welcome')), /Hermes Agent is an open-source AI agent/);
		assert.equal(harness.root.querySelector('.status'), null, 'not a failure: no status line, no warning');
		assert.equal(harness.root.querySelector('.codicon-error, .codicon-warning'), null);
		assert.equal((harness.root.textContent?.match(/\/x\/\.hermes/g) ?? []).length, 1, 'the folder is named once');
		click(harness.root.querySelector('[data-action="choose-home"]') as Element);
		assert.deepEqual(harness.host.posted.at(-1), { type: 'chooseHome' });
		click(harness.root.querySelector('[data-action="start-demo"]') as Element);
		assert.deepEqual(harness.host.posted.at(-1), { type: 'startDemo' });
		click(harness.root.querySelector('[data-action="open-link"]') as Element);
		assert.deepEqual(harness.host.posted.at(-1), { type: 'openLink', link: 'hermesAgent' });
	});

	it('shows no-sessions and unreadable states with their reason', () => {
		harness = mountApp();
		const empty = snapshot({
			achievements: [achievement({ id: 'let_him_cook' })],
			scan_meta: { mode: 'full', sessions_total: 0, sessions_rescanned: 0, sessions_reused: 0, duration_ms: 5 },
		});
		harness.sendModel(toViewModel(empty, status()));
		assert.equal(harness.root.querySelector('.problem-heading')?.textContent, 'No sessions yet');
		harness.sendModel(toViewModel(undefined, status({ state: 'FAILED', last_error: 'file is not a database' })));
		assert.equal(harness.root.querySelector('.problem-heading')?.textContent, 'Cannot read the Hermes history');
		assert.equal(harness.root.querySelector('.problem-detail')?.textContent, 'file is not a database');
	});
});
