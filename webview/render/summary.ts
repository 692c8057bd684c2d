import { html, nothing } from 'lit-html';
import type { TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { tierNames } from '../../src/shared/protocol.ts';
import type { AchievementCardVm, ViewModel } from '../../src/shared/protocol.ts';
import { formatNumber, plural, relativeTime } from '../format.ts';
import { clampPct, icon, meter } from './parts.ts';
import { tierClass } from './tier.ts';

export interface CategoryProgress {
	readonly name: string;
	readonly unlocked: number;
	readonly total: number;
}

/**
 * The compact header: the score, a one-line breakdown, the tier ladder and one chip per category
 * (its own progress; a click filters the grid to it). Small enough that the toolbar starts on the
 * first screen of a side bar.
 */
export function renderSummary(model: ViewModel, selectedCategory: string, now: number): TemplateResult {
	const { summary, scan } = model;
	const unlockedPct = summary.total === 0 ? 0 : (summary.unlocked / summary.total) * 100;
	const latest = summary.latestUnlock;
	const partial = scan.partial;
	const progress = scan.progress && scan.progress.total > 0 ? scan.progress : null;
	return html`<section class="summary" aria-labelledby="summary-heading">
		<h2 id="summary-heading" class="visually-hidden">Summary</h2>
		<p class="score">
			<span class="score-value">${formatNumber(summary.unlocked)}</span><span class="score-of"> / ${formatNumber(summary.total)} unlocked</span>
			${partial
				? html`<span class="partial-tag" title="Still reading your history: figures may rise">${icon('sync', 'partial-icon')}so far${progress ? ` (${formatNumber(progress.done)} of ${plural(progress.total, 'session')} read)` : ''}</span>`
				: nothing}
		</p>
		${meter(unlockedPct, partial ? 'Achievements unlocked so far' : 'Achievements unlocked', `${summary.unlocked} of ${summary.total} unlocked${partial ? ' so far' : ''}`, 'meter-thin')}
		<p class="score-details">
			<span class="detail">${formatNumber(summary.discovered)} discovered</span>
			<span class="detail">${plural(summary.secrets, 'secret')}</span>
			<span class="detail">Highest tier: ${summary.highestTier
				? html`<span class="tier-text ${tierClass(summary.highestTier)}">${summary.highestTier}</span>`
				: 'none yet'}</span>
			<span class="detail latest" title=${latest ? `${latest.name}, ${relativeTime(latest.at, now)}` : ''}>Latest: ${latest
				? html`<button type="button" class="link latest-link" data-action="reveal" data-id=${latest.id}>${latest.name}</button> (${relativeTime(latest.at, now)})`
				: partial ? 'after the first read' : 'none yet'}</span>
		</p>
		${renderTierLadder(model.achievements)}
		${renderCategoryChips(categoryProgress(model), selectedCategory)}
	</section>`;
}

export function categoryProgress(model: ViewModel): CategoryProgress[] {
	return model.categories.map((name) => {
		const cards = model.achievements.filter((card) => card.category === name);
		return { name, unlocked: cards.filter((card) => card.state === 'unlocked').length, total: cards.length };
	});
}

function renderTierLadder(cards: readonly AchievementCardVm[]): TemplateResult {
	const counts = new Map<string, number>();
	for (const card of cards) {
		if (card.state === 'unlocked' && card.tier) {
			counts.set(card.tier, (counts.get(card.tier) ?? 0) + 1);
		}
	}
	return html`<ol class="tier-ladder" aria-label="Unlocked per tier, lowest to highest">
		${tierNames.map((tier) => {
			const count = counts.get(tier) ?? 0;
			return html`<li class="tier-step ${tierClass(tier)}${count === 0 ? ' tier-empty' : ''}" title="${tier}: ${count}">
				<span class="tier-swatch" aria-hidden="true"></span><span class="tier-name">${tier}</span><span class="tier-count"><span class="visually-hidden">: </span>${count}</span>
			</li>`;
		})}
	</ol>`;
}

/** One tab stop for the whole row (arrow keys move inside), so Tab reaches the search in two steps. */
function renderCategoryChips(categories: readonly CategoryProgress[], selected: string): TemplateResult {
	const activeIndex = Math.max(0, categories.findIndex((c) => c.name === selected));
	return html`<div class="category-chips" role="group" aria-label="Categories: show only one" data-roving>
		${repeat(categories, (c) => c.name, (c, index) => {
			const pressed = c.name === selected;
			return html`<button type="button" class="category-chip" data-action="category-chip" data-value=${c.name}
				aria-pressed=${pressed ? 'true' : 'false'} tabindex=${index === activeIndex ? 0 : -1}
				title="${c.name}: ${c.unlocked} of ${c.total} unlocked${pressed ? ' (click again to show all)' : ''}">
<span class="chip-name">${c.name}</span> <span class="chip-count">${c.unlocked}/${c.total}</span><span class="meter meter-chip" aria-hidden="true" data-pct=${clampPct(c.total === 0 ? 0 : (c.unlocked / c.total) * 100)}><span class="meter-fill"></span></span></button>`;
		})}
	</div>`;
}
