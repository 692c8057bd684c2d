import type { AchievementCardVm, CardState, RequirementVm } from '../../src/shared/protocol.ts';
import { formatDate, formatNumber } from '../format.ts';
import { domId, h, icon, meter } from '../dom.ts';
import { render } from 'lit-html';
import { renderEarned } from './earned.ts';
import { tierClass } from './tier.ts';

const stateLabels: Readonly<Record<CardState, string>> = {
	unlocked: 'Unlocked',
	discovered: 'Discovered',
	secret: 'Secret',
};

/**
 * One achievement card. Its state is written out as text (a badge and the accessible name), so it
 * never depends on colour alone. Cards start out of the tab order; the grid's roving tabindex
 * decides which one is the tab stop.
 */
export function renderCard(card: AchievementCardVm): HTMLLIElement {
	const hidden = card.state === 'secret';
	const nameId = domId('card-name', card.id);
	const stateId = domId('card-state', card.id);
	const classes = ['card', `state-${card.state}`, tierClass(card.state === 'unlocked' ? card.tier : null)];
	return h('li', {
		class: classes.join(' '),
		'data-id': card.id,
		tabindex: -1,
		'aria-labelledby': `${nameId} ${stateId}`,
	},
	h('div', { class: 'card-head' },
		h('span', { class: 'card-icon' }, icon(card.icon)),
		h('div', { class: 'card-title' },
			h('h3', { class: 'card-name', id: nameId }, card.name, hidden ? h('span', { class: 'visually-hidden' }, ' (hidden secret)') : null),
			h('p', { class: 'card-category' }, card.category)),
		h('p', { class: 'card-badges', id: stateId },
			h('span', { class: `badge badge-state badge-${card.state}` }, stateLabels[card.state]),
			badgeForTier(card))),
	hidden
		? h('p', { class: 'card-description card-hint' }, 'Hidden until Hermes sees a first signal.')
		: h('p', { class: 'card-description' }, card.description),
	card.criteria
		? h('details', { class: 'card-criteria' },
			h('summary', { tabindex: -1 }, hidden ? 'How to reveal' : 'What counts'),
			h('p', {}, card.criteria))
		: null,
	hidden ? null : renderProgress(card),
	card.evidence ? renderEvidence(card.evidence.sessionId, card.evidence.title, card.evidence.value, card.metricLabel) : null,
	card.earned ? earnedSlot(card) : null,
	card.unlockedAt !== null && !card.earned ? h('p', { class: 'card-unlocked' }, `Unlocked ${formatDate(card.unlockedAt)}`) : null);
}

function earnedSlot(card: AchievementCardVm): HTMLElement {
	const slot = h('div', { class: 'card-earned-slot' });
	render(renderEarned(card), slot);
	return slot;
}

function badgeForTier(card: AchievementCardVm): HTMLElement | null {
	if (card.state === 'unlocked' && card.tier) {
		return h('span', { class: `badge badge-tier ${tierClass(card.tier)}` }, h('span', { class: 'visually-hidden' }, ', tier '), card.tier);
	}
	if (card.state === 'unlocked') {
		return h('span', { class: 'badge badge-tier tier-none' }, h('span', { class: 'visually-hidden' }, ', '), 'Complete');
	}
	if (card.state === 'discovered' && card.nextTier) {
		return h('span', { class: `badge badge-target ${tierClass(card.nextTier)}` }, h('span', { class: 'visually-hidden' }, ', '), `Target ${card.nextTier}`);
	}
	return null;
}

function renderProgress(card: AchievementCardVm): HTMLElement {
	if (card.requirements.length > 0) {
		return h('div', { class: 'card-progress' },
			meter(card.progressPct, `${card.name} progress`, `${card.progressPct}% of all conditions met`),
			h('ul', { class: 'requirements', role: 'list' }, ...card.requirements.map(renderRequirement)));
	}
	const maxed = card.nextTier === null;
	const amounts = maxed
		? `${formatNumber(card.progress)}`
		: `${formatNumber(card.progress)} / ${formatNumber(card.nextThreshold)}`;
	const unit = card.metricLabel ?? '';
	const label = maxed ? `${card.name}: every tier reached` : `${card.name}: progress to ${card.nextTier}`;
	const valueText = maxed
		? `${formatNumber(card.progress)} ${unit}, every tier reached`
		: `${formatNumber(card.progress)} of ${formatNumber(card.nextThreshold)} ${unit}, next tier ${card.nextTier}`;
	return h('div', { class: 'card-progress' },
		meter(card.progressPct, label, valueText.trim()),
		h('p', { class: 'progress-text' },
			h('span', { class: 'progress-amounts' }, amounts),
			unit ? h('span', { class: 'progress-unit' }, unit) : null,
			h('span', { class: 'progress-next' }, maxed ? 'All tiers' : `Next: ${card.nextTier}`)));
}

function renderRequirement(requirement: RequirementVm): HTMLLIElement {
	const met = requirement.value >= requirement.minimum;
	return h('li', { class: `requirement${met ? ' met' : ''}` },
		icon(met ? 'pass-filled' : 'circle-large-outline', 'requirement-icon'),
		h('span', { class: 'requirement-label' }, requirement.label),
		h('span', { class: 'requirement-amounts' },
			`${formatNumber(requirement.value)} / ${formatNumber(requirement.minimum)}`),
		h('span', { class: 'visually-hidden' }, met ? ', met' : ', not met yet'));
}

function renderEvidence(sessionId: string, title: string, value: number, unit: string | null): HTMLElement {
	const shownTitle = title.trim() === '' ? 'Untitled session' : title;
	return h('p', { class: 'card-evidence' },
		h('span', { class: 'evidence-label' }, 'Best session'),
		h('button', {
			type: 'button',
			class: 'link evidence-link',
			tabindex: -1,
			'data-action': 'open-session',
			'data-session-id': sessionId,
			title: `Open this session's transcript (${formatNumber(value)}${unit ? ` ${unit}` : ''})`,
		}, icon('comment-discussion', 'evidence-icon'), h('span', { class: 'evidence-title' }, shownTitle)));
}
