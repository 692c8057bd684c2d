// The Journey section, the earned evidence on cards and the share card, rendered from a real scan of a
// committed fixture history (real SQLite, the real engine, the host's view model) in jsdom.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Snapshot } from '../../../src/core/model.ts';
import { ScanEngine } from '../../../src/core/scan/scanEngine.ts';
import { toViewModel } from '../../../src/host/viewModel.ts';
import type { ViewModel } from '../../../src/shared/protocol.ts';
import { cardHeight, cardShapes, cardWidth, shapesToSvg, themePalette } from '../../../webview/shareCard.ts';
import { removeDir, unpackParityHome } from '../../support/fixtures.ts';
import { status } from '../host/snapshotBuilders.ts';
import { click, key, mountApp } from './domHarness.ts';
import type { Harness } from './domHarness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('journey, earned evidence and share card (webview)', function () {
	this.timeout(60_000);
	let snapshot: Snapshot;
	let model: ViewModel;
	let harness: Harness;

	before(async () => {
		const home = unpackParityHome('seed7-s100-v11');
		try {
			snapshot = await new ScanEngine(home).scan(true);
		} finally {
			removeDir(home);
		}
		// Taken a day after the newest session, so the heatmap's year holds the history whatever today is.
		model = toViewModel({ ...snapshot, generated_at: snapshot.activity.last_session_at! + 86_400 }, status());
	});

	beforeEach(() => {
		harness = mountApp();
		harness.sendModel(model);
	});

	afterEach(() => harness.dispose());

	it('draws one marker per tier unlock, in its tier colour, and lists each in the table', () => {
		const tiers = snapshot.achievements.flatMap((a) => a.tier_history);
		assert.ok(tiers.length >= 10, `the fixture earned only ${tiers.length} tiers`);
		const markers = [...harness.root.querySelectorAll('.score-chart .marker')];
		assert.equal(markers.length, tiers.filter((t) => t.earned_at !== null).length);
		const expectedClasses = model.journey.events.map((e) => (e.tier === null ? 'tier-none' : `tier-${e.tier.toLowerCase()}`));
		assert.deepEqual(markers.map((m) => [...m.classList].find((c) => c.startsWith('tier-'))), expectedClasses);
		const rows = harness.root.querySelectorAll('.journey-table tbody tr');
		assert.ok(rows.length >= tiers.length, 'the unlock table misses unlocks');
		assert.equal(harness.root.querySelectorAll('.score-chart [tabindex="0"]').length, 1, 'the chart is one tab stop');
	});

	it('shows a marker\'s details on focus, moves with the arrow keys and opens its session with Enter', () => {
		const markers = [...harness.root.querySelectorAll<SVGElement>('.score-chart .marker')];
		const tip = harness.root.querySelector<HTMLElement>('.journey-tip')!;
		assert.equal(tip.hidden, true);
		markers[0]!.focus();
		assert.equal(tip.hidden, false);
		const first = model.journey.events[0]!;
		assert.match(tip.textContent ?? '', new RegExp(`^${escape(first.name)}`));
		assert.equal(tip.textContent, markers[0]!.getAttribute('aria-label'));
		key(markers[0]!, 'ArrowRight');
		assert.equal(harness.document.activeElement, markers[1]);
		assert.equal(markers[1]!.getAttribute('tabindex'), '0');
		assert.equal(markers[0]!.getAttribute('tabindex'), '-1');
		assert.equal(tip.textContent, markers[1]!.getAttribute('data-tip'));
		key(markers[1]!, 'Enter');
		assert.deepEqual(harness.host.posted.at(-1), { type: 'openSession', sessionId: model.journey.events[1]!.sessionId });
	});

	it('lays out a year of days in the heatmap with every session of that year counted', () => {
		const days = [...harness.root.querySelectorAll<SVGElement>('.heatmap .day')];
		assert.ok(days.length > 364 && days.length <= 53 * 7, `${days.length} days`);
		const counted = days.reduce((sum, day) => sum + Number(/: (\d+) session/.exec(day.getAttribute('data-tip') ?? '')?.[1] ?? 0), 0);
		assert.equal(counted, model.journey.sessionsPerDay.reduce((sum, [, n]) => sum + n, 0));
		assert.ok(counted > 0, 'the fixture has no session in the heatmap\'s year');
		assert.equal(days.at(-1)!.getAttribute('tabindex'), '0', 'today is the heatmap\'s tab stop');
		key(days.at(-1)!, 'ArrowLeft');
		assert.equal(harness.document.activeElement, days.at(-8), 'left goes a week back');
	});

	it('says on every unlocked card when and in which session it was earned, and opens it', () => {
		const unlocked = model.achievements.filter((c) => c.state === 'unlocked');
		assert.ok(unlocked.length > 0);
		for (const card of unlocked) {
			const element = harness.root.querySelector(`li.card[data-id="${card.id}"]`)!;
			const line = element.querySelector('.earned-line');
			assert.ok(line, `${card.id} has no earned line`);
			assert.match(line.textContent!.replace(/\s+/g, ' '), /^ ?Earned [A-Z][a-z]{2} \d{1,2}, \d{4} in /);
			assert.ok(line.textContent!.includes(card.earned!.sessionTitle.trim() || 'Untitled session'));
			assert.equal(element.querySelectorAll('.tier-history-step').length, card.tierHistory.length > 1 ? card.tierHistory.length : 0);
		}
		const climber = unlocked.find((c) => c.tierHistory.length > 1)!;
		click(harness.root.querySelector(`li.card[data-id="${climber.id}"] .earned-link`)!);
		assert.deepEqual(harness.host.posted.at(-1), { type: 'openSession', sessionId: climber.earned!.sessionId });
	});

	it('dates Latest unlock and Recent unlocks by the history, not by the scan', () => {
		const newest = Math.max(...model.achievements.map((c) => c.earned?.at ?? 0));
		assert.equal(model.summary.latestUnlock?.at, newest);
		const chips = [...harness.root.querySelectorAll<HTMLElement>('.recent .chip')].map((chip) => chip.dataset.id);
		const byEarned = model.achievements.filter((c) => c.earned).sort((a, b) => b.earned!.at! - a.earned!.at! || a.name.localeCompare(b.name));
		assert.deepEqual(chips, byEarned.slice(0, chips.length).map((c) => c.id));
	});

	it('focuses the Journey heading when the host asks for the timeline', () => {
		harness.send({ type: 'showJourney' });
		assert.equal(harness.document.activeElement?.id, 'journey-heading');
	});

	it('answers a card request with a failure where there is no canvas (jsdom), never silence', () => {
		harness.send({ type: 'renderCard', requestId: 7 });
		const answer = harness.host.posted.at(-1);
		assert.equal(answer?.type, 'cardFailed');
		assert.equal((answer as { requestId: number }).requestId, 7);
	});

	it('has no serious accessibility violations with the Journey section on the page', async () => {
		assert.ok(harness.root.querySelector('.journey .heatmap'));
		const window = harness.window as Window & { eval(code: string): unknown; axe?: { run(context: Element, options: object): Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }> } };
		window.eval(axeSource);
		// jsdom has no layout: contrast and scrollable regions cannot be judged here (as in accessibility.test.ts).
		const result = await window.axe!.run(harness.document.documentElement, { rules: { 'color-contrast': { enabled: false }, 'scrollable-region-focusable': { enabled: false } } });
		const serious = Array.from(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), (v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
		assert.deepEqual(serious, []);
	});

	it('puts score, tiers and dates on the share card, and no path or session title', () => {
		const palette = themePalette(harness.window.getComputedStyle(harness.document.documentElement));
		const svg = shapesToSvg(cardShapes(model, palette), palette);
		const parsed = new (harness.window as Window & typeof globalThis).DOMParser().parseFromString(svg, 'image/svg+xml');
		assert.equal(parsed.querySelector('parsererror'), null);
		const root = parsed.documentElement;
		assert.equal(root.getAttribute('width'), String(cardWidth));
		assert.equal(root.getAttribute('height'), String(cardHeight));
		const text = root.textContent ?? '';
		assert.ok(text.includes(`${model.summary.unlocked}`) && text.includes(`/ ${model.summary.total} unlocked`), text);
		for (const tier of ['Copper', 'Silver', 'Gold', 'Diamond', 'Olympian']) {
			assert.ok(text.includes(tier), tier);
		}
		assert.ok(!svg.includes(snapshot.home) && !svg.includes('/tmp') && !svg.includes('/home/'), 'a path is on the card');
		const titles = new Set(model.journey.events.map((e) => e.sessionTitle).filter((t) => t.length > 8));
		assert.deepEqual([...titles].filter((title) => text.includes(title)), [], 'a session title is on the card');
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
