import { html, nothing } from 'lit-html';
import type { TemplateResult } from 'lit-html';
import type { AchievementCardVm } from '../../src/shared/protocol.ts';
import { nextUp, recentUnlocks } from '../cardQuery.ts';
import { formatNumber } from '../format.ts';
import { icon, meter } from './parts.ts';
import { tierClass } from './tier.ts';

const recentCount = 5;
const nextUpCount = 3;

/**
 * "Recent unlocks" and "Next up" for a roomy editor tab (a side bar hides them: its first cards are
 * already the next ones up). Each list is one tab stop; arrows move inside.
 */
export function renderHighlights(cards: readonly AchievementCardVm[]): TemplateResult | typeof nothing {
	const recent = recentUnlocks(cards, recentCount);
	const next = nextUp(cards, nextUpCount);
	if (recent.length === 0 && next.length === 0) {
		return nothing;
	}
	return html`<div class="highlights">
		${recent.length > 0 ? html`<section class="highlight recent" aria-labelledby="recent-heading">
			<h2 id="recent-heading" class="section-heading">Recent unlocks</h2>
			<ul class="chips" role="list" data-roving>${recent.map((card, index) => html`<li>
				<button type="button" class="chip ${tierClass(card.tier)}" data-action="reveal" data-id=${card.id} tabindex=${index === 0 ? 0 : -1}
					title=${card.tier ? `${card.name} (${card.tier})` : card.name}>${icon(card.icon, 'chip-icon')}<span class="chip-text">${card.name}</span>${card.tier ? html`<span class="visually-hidden">, ${card.tier}</span>` : nothing}</button>
			</li>`)}</ul>
		</section>` : nothing}
		${next.length > 0 ? html`<section class="highlight next-up" aria-labelledby="next-heading">
			<h2 id="next-heading" class="section-heading">Next up</h2>
			<ul class="next-list" role="list" data-roving>${next.map(renderNextUp)}</ul>
		</section>` : nothing}
	</div>`;
}

function renderNextUp(card: AchievementCardVm, index: number): TemplateResult {
	// A multi-condition achievement has no tiers: its next step is the unlock itself.
	const target = card.nextTier ?? 'Unlock';
	const amounts = `${formatNumber(card.progress)} / ${formatNumber(card.nextThreshold)}`;
	const detail = `${target} · ${card.requirements.length > 0 ? `${card.progress}%` : amounts}`;
	return html`<li class="next-item ${tierClass(card.nextTier)}">
		<button type="button" class="next-button" data-action="reveal" data-id=${card.id} tabindex=${index === 0 ? 0 : -1} title="${card.name}: ${detail}">
			${icon(card.icon, 'next-icon')}<span class="next-name">${card.name}</span><span class="next-target">${detail}</span>
		</button>
		${meter(card.progressPct, `${card.name}: progress to ${target}`, `${card.progressPct}% of the way to ${target}`, 'meter-thin')}
	</li>`;
}
