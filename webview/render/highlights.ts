import type { AchievementCardVm } from '../../src/shared/protocol.ts';
import { nextUp, recentUnlocks } from '../cardQuery.ts';
import { formatNumber } from '../format.ts';
import { h, icon, meter } from '../dom.ts';
import { tierClass } from './tier.ts';

const recentCount = 5;
const nextUpCount = 3;

/** "Recent unlocks" and "Next up": each entry is a button that jumps to its card. */
export function renderHighlights(cards: readonly AchievementCardVm[]): HTMLElement | null {
	const recent = recentUnlocks(cards, recentCount);
	const next = nextUp(cards, nextUpCount);
	if (recent.length === 0 && next.length === 0) {
		return null;
	}
	return h('div', { class: 'highlights' },
		recent.length > 0 ? h('section', { class: 'highlight recent', 'aria-labelledby': 'recent-heading' },
			h('h2', { id: 'recent-heading', class: 'section-heading' }, 'Recent unlocks'),
			h('ul', { class: 'chips', role: 'list' }, ...recent.map((card) => h('li', {},
				h('button', {
					type: 'button',
					class: `chip ${tierClass(card.tier)}`,
					'data-action': 'reveal',
					'data-id': card.id,
					title: card.tier ? `${card.name} (${card.tier})` : card.name,
				}, icon(card.icon, 'chip-icon'), h('span', { class: 'chip-text' }, card.name),
				card.tier ? h('span', { class: 'visually-hidden' }, `, ${card.tier}`) : null))))) : null,
		next.length > 0 ? h('section', { class: 'highlight next-up', 'aria-labelledby': 'next-heading' },
			h('h2', { id: 'next-heading', class: 'section-heading' }, 'Next up'),
			h('ul', { class: 'next-list', role: 'list' }, ...next.map(renderNextUp))) : null);
}

function renderNextUp(card: AchievementCardVm): HTMLLIElement {
	// A multi-condition achievement has no tiers: its next step is the unlock itself.
	const target = card.nextTier ?? 'Unlock';
	const amounts = `${formatNumber(card.progress)} / ${formatNumber(card.nextThreshold)}`;
	return h('li', { class: `next-item ${tierClass(card.nextTier)}` },
		h('button', { type: 'button', class: 'next-button', 'data-action': 'reveal', 'data-id': card.id },
			icon(card.icon, 'next-icon'),
			h('span', { class: 'next-name' }, card.name),
			h('span', { class: 'next-target' }, `${target} · ${card.requirements.length > 0 ? `${card.progress}%` : amounts}`)),
		meter(card.progressPct, `${card.name}: progress to ${target}`, `${card.progressPct}% of the way to ${target}`, 'meter-thin'));
}
