import { tierNames } from '../../src/shared/protocol.ts';
import type { ViewModel } from '../../src/shared/protocol.ts';
import { formatNumber, relativeTime } from '../format.ts';
import { h, meter } from '../dom.ts';
import { tierClass } from './tier.ts';

/** The header: how far along the user is, at a glance, and the tier ladder. */
export function renderSummary(model: ViewModel, now: number): HTMLElement {
	const { summary } = model;
	const unlockedPct = summary.total === 0 ? 0 : (summary.unlocked / summary.total) * 100;
	const latest = summary.latestUnlock;
	const stats = h('dl', { class: 'stats' },
		stat('Unlocked', h('span', {}, formatNumber(summary.unlocked), h('span', { class: 'stat-of' }, ` / ${formatNumber(summary.total)}`)),
			meter(unlockedPct, 'Achievements unlocked', `${summary.unlocked} of ${summary.total} unlocked`, 'meter-thin')),
		stat('Discovered', formatNumber(summary.discovered), 'known, not earned yet'),
		stat('Secrets', formatNumber(summary.secrets), 'hidden until a first signal'),
		stat('Highest tier', summary.highestTier
			? h('span', { class: `tier-text ${tierClass(summary.highestTier)}` }, summary.highestTier)
			: 'None yet', null, 'stat-wide'),
		stat('Latest unlock', latest ? latest.name : 'None yet', latest ? relativeTime(latest.at, now) : null, 'stat-wide'),
	);
	return h('section', { class: 'summary', 'aria-labelledby': 'summary-heading' },
		h('h2', { id: 'summary-heading', class: 'visually-hidden' }, 'Summary'),
		stats,
		renderTierLadder(model));
}

function stat(label: string, value: Node | string, note?: Node | string | null, extraClass = ''): HTMLDivElement {
	return h('div', { class: `stat${extraClass ? ` ${extraClass}` : ''}` },
		h('dt', { class: 'stat-label' }, label),
		h('dd', { class: 'stat-value' }, value),
		note ? h('dd', { class: 'stat-note' }, note) : null);
}

function renderTierLadder(model: ViewModel): HTMLElement {
	const counts = new Map<string, number>();
	for (const card of model.achievements) {
		if (card.state === 'unlocked' && card.tier) {
			counts.set(card.tier, (counts.get(card.tier) ?? 0) + 1);
		}
	}
	return h('ol', { class: 'tier-ladder', 'aria-label': 'Tier ladder, lowest to highest' },
		...tierNames.map((tier) => {
			const count = counts.get(tier) ?? 0;
			return h('li', { class: `tier-step ${tierClass(tier)}${count === 0 ? ' tier-empty' : ''}` },
				h('span', { class: 'tier-swatch', 'aria-hidden': 'true' }),
				h('span', { class: 'tier-name' }, tier),
				h('span', { class: 'tier-count' }, h('span', { class: 'visually-hidden' }, ': '), String(count)));
		}));
}
