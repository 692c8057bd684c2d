import assert from 'node:assert/strict';
import { toViewModel } from '../../../src/host/viewModel.ts';
import type { ViewModel } from '../../../src/shared/protocol.ts';
import { realisticAchievements, snapshot, status } from '../host/snapshotBuilders.ts';
import { FakeHost, cardIds, click, key, mountApp } from './domHarness.ts';
import type { Harness } from './domHarness.ts';

function realisticModel(): ViewModel {
	return toViewModel(snapshot(), status());
}

function typeSearch(harness: Harness, value: string): void {
	const field = harness.root.querySelector<HTMLElement & { value?: string }>('[data-control="search"]');
	assert.ok(field);
	field.value = value;
	field.dispatchEvent(new (harness.window as Window & typeof globalThis).Event('input', { bubbles: true }));
}

/** Counts DOM mutations under the app root from now on. */
function watchMutations(harness: Harness): () => number {
	let count = 0;
	const view = harness.window as Window & typeof globalThis;
	const observer = new view.MutationObserver((records) => {
		count += records.length;
	});
	observer.observe(harness.root, { subtree: true, childList: true, attributes: true, characterData: true });
	return () => {
		count += observer.takeRecords().length;
		observer.disconnect();
		return count;
	};
}

function details(harness: Harness, id: string): HTMLDetailsElement {
	const element = harness.root.querySelector<HTMLDetailsElement>(`li.card[data-id="${id}"] details`);
	assert.ok(element, `details of ${id}`);
	return element;
}

describe('achievements webview updates in place', () => {
	let harness: Harness;
	afterEach(() => harness?.dispose());

	it('paints the embedded model at once, before any message, and still says ready', () => {
		harness = mountApp(new FakeHost(), realisticModel());
		assert.equal(harness.root.querySelectorAll('li.card').length, 9);
		assert.match(harness.root.querySelector('.score')?.textContent ?? '', /3\s*\/ 9 unlocked/);
		assert.deepEqual(harness.host.posted, [{ type: 'ready' }]);
	});

	it('shows a skeleton, never a blank view, while there is no model yet', () => {
		harness = mountApp();
		assert.ok(harness.root.querySelector('.skeleton'));
		assert.match(harness.root.textContent ?? '', /Loading achievements/);
	});

	it('keeps open details, the search text, focus and the very same card elements through 5 updates', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		typeSearch(harness, 'o');
		const open = ['let_him_cook', 'full_send', 'toolchain_maxxer'];
		for (const id of open) {
			const element = details(harness, id);
			element.open = true;
			element.dispatchEvent(new (harness.window as Window & typeof globalThis).Event('toggle'));
		}
		const focusTarget = harness.root.querySelector<HTMLElement>('li.card[data-id="full_send"]');
		focusTarget?.focus();
		const elementsBefore = new Map(cardIds(harness.root).map((id) => [id, harness.root.querySelector(`li.card[data-id="${id}"]`)]));
		const changed = (progress: number) => toViewModel(snapshot({
			achievements: realisticAchievements().map((a) => a.id === 'memory_keeper' ? { ...a, progress } : a),
		}), status());
		for (const model of [realisticModel(), changed(31), realisticModel(), changed(33), realisticModel()]) {
			harness.sendModel(model);
		}
		for (const id of open) {
			assert.equal(details(harness, id).open, true, `${id} stays open`);
		}
		assert.equal((harness.root.querySelector('[data-control="search"]') as HTMLElement & { value?: string }).value, 'o');
		assert.equal(harness.document.activeElement, focusTarget);
		for (const [id, element] of elementsBefore) {
			assert.equal(harness.root.querySelector(`li.card[data-id="${id}"]`), element, `${id} is the same element`);
		}
	});

	it('changes nothing at all for a model equal to the one shown', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const mutations = watchMutations(harness);
		harness.sendModel(realisticModel());
		assert.equal(mutations(), 0);
	});

	it('changes only the figures that changed for a model with one new value', () => {
		harness = mountApp();
		harness.sendModel(toViewModel(snapshot({ achievements: realisticAchievements().map((a) => a.id === 'memory_keeper' ? { ...a, progress: 5 } : a) }), status()));
		const mutations = watchMutations(harness);
		harness.sendModel(toViewModel(snapshot({ achievements: realisticAchievements().map((a) => a.id === 'memory_keeper' ? { ...a, progress: 6 } : a) }), status()));
		const count = mutations();
		assert.ok(count > 0 && count < 10, `${count} mutations`);
	});

	it('keeps the card order still while a first scan streams, then re-sorts once when it ends', () => {
		harness = mountApp();
		const partial = (bump: string, done: number) => toViewModel(snapshot({
			partial: true,
			achievements: realisticAchievements().map((a) => a.id === bump ? { ...a, progress: a.next_threshold - 1 } : a),
		}), status({ state: 'SCANNING', scanning: { kind: 'bootstrap', started_at: 1, sessions_done: done, sessions_total: 100 } }));
		harness.sendModel(partial('none', 10));
		const first = cardIds(harness.root);
		harness.sendModel(partial('memory_keeper', 50));
		assert.deepEqual(cardIds(harness.root), first, 'no reorder while streaming');
		assert.match(harness.root.querySelector('.partial-tag')?.textContent ?? '', /so far \(50 of 100 sessions read\)/);
		assert.match(harness.root.querySelector('.result-count')?.textContent ?? '', /figures so far/);
		harness.sendModel(toViewModel(snapshot({
			achievements: realisticAchievements().map((a) => a.id === 'memory_keeper' ? { ...a, progress: a.next_threshold - 1 } : a),
		}), status()));
		assert.equal(cardIds(harness.root)[0], 'memory_keeper', 're-sorted once the scan ended');
		assert.equal(harness.root.querySelector('.partial-tag'), null);
	});

	it('opens and closes a card\'s details with Enter and Space, and Space does not scroll', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const card = harness.root.querySelector<HTMLElement>('li.card[data-id="let_him_cook"]');
		assert.ok(card);
		card.focus();
		key(card, 'Enter');
		assert.equal(details(harness, 'let_him_cook').open, true);
		const view = harness.window as Window & typeof globalThis;
		const space = new view.KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
		card.dispatchEvent(space);
		assert.equal(details(harness, 'let_him_cook').open, false);
		assert.equal(space.defaultPrevented, true);
		assert.deepEqual((harness.host.state as { expanded: string[] }).expanded, []);
	});

	it('jumps to the search with /, but not while typing in it', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const search = harness.root.querySelector<HTMLElement>('[data-control="search"]');
		assert.ok(search);
		// jsdom cannot focus the (undefined) custom element; in VS Code it delegates focus to its input.
		let focused = 0;
		search.focus = () => {
			focused += 1;
		};
		const card = harness.root.querySelector<HTMLElement>('li.card') as HTMLElement;
		const view = harness.window as Window & typeof globalThis;
		const slash = new view.KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true });
		card.dispatchEvent(slash);
		assert.equal(focused, 1);
		assert.equal(slash.defaultPrevented, true);
		const typed = new view.KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true });
		search.dispatchEvent(typed);
		assert.equal(focused, 1);
		assert.equal(typed.defaultPrevented, false);
	});

	it('reveals a card in the middle of the view, focused and highlighted', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const card = harness.root.querySelector<HTMLElement>('li.card[data-id="memory_keeper"]');
		assert.ok(card);
		let scrolled: unknown;
		card.scrollIntoView = (options?: unknown) => {
			scrolled = options;
		};
		harness.send({ type: 'reveal', achievementId: 'memory_keeper' });
		assert.deepEqual(scrolled, { block: 'center' });
		assert.equal(harness.document.activeElement, card);
		assert.ok(card.classList.contains('revealed'));
	});

	it('filters by a category chip, and a second click shows all again', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const chip = () => harness.root.querySelector<HTMLElement>('.category-chip[data-value="Hermes Native"]') as HTMLElement;
		click(chip());
		assert.deepEqual(cardIds(harness.root), ['memory_keeper']);
		assert.equal(chip().getAttribute('aria-pressed'), 'true');
		click(chip());
		assert.equal(cardIds(harness.root).length, 9);
	});

	it('moves between category chips with arrow keys: the row is one tab stop', () => {
		harness = mountApp();
		harness.sendModel(realisticModel());
		const chips = () => [...harness.root.querySelectorAll<HTMLElement>('.category-chip')];
		assert.deepEqual(chips().map((c) => c.tabIndex), [0, -1, -1]);
		chips()[0].focus();
		key(chips()[0], 'ArrowRight');
		assert.equal(harness.document.activeElement, chips()[1]);
		assert.deepEqual(chips().map((c) => c.tabIndex), [-1, 0, -1]);
	});

	it('labels demo data and leaves the demo in one click', () => {
		harness = mountApp();
		harness.sendModel(toViewModel(snapshot(), status(), { demo: true }));
		assert.match(harness.root.querySelector('.demo-banner')?.textContent ?? '', /Demo data/);
		assert.match(harness.root.querySelector('h1')?.textContent ?? '', /demo data/);
		click(harness.root.querySelector('[data-action="leave-demo"]') as Element);
		assert.deepEqual(harness.host.posted.at(-1), { type: 'leaveDemo' });
	});

	it('shows another window\'s scan, what could not be saved and skipped sessions in plain words', () => {
		harness = mountApp();
		const base = realisticModel();
		harness.sendModel({ ...base, scan: { ...base.scan, otherWindowScanning: true, unsavedMessage: 'The snapshot could not be saved: the folder is read-only.' } });
		assert.equal(harness.root.querySelector('.status-text')?.textContent?.trim(), 'Another window is updating your achievements…');
		assert.match(harness.root.querySelector('.status-note')?.textContent ?? '', /read-only/);
		harness.sendModel({ ...base, scan: { ...base.scan, skippedNote: '2 sessions skipped (too large)' } });
		assert.match(harness.root.querySelector('.status-text')?.textContent ?? '', /2 sessions skipped \(too large\)/);
	});
});
