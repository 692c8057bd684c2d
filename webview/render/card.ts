import { html, nothing } from 'lit-html';
import type { TemplateResult } from 'lit-html';
import type { AchievementCardVm, CardState, RequirementVm } from '../../src/shared/protocol.ts';
import { formatDate, formatNumber } from '../format.ts';
import { domId, icon, meter } from './parts.ts';
import { renderEarned } from './earned.ts';
import { tierClass } from './tier.ts';

const stateLabels: Readonly<Record<CardState, string>> = {
	unlocked: 'Unlocked',
	discovered: 'Discovered',
	secret: 'Secret',
};

/** What the view adds to a card beyond its data: roving focus, its open details, a reveal highlight. */
export interface CardView {
	/** The grid's one tab stop. */
	readonly active: boolean;
	readonly expanded: boolean;
	/** Just revealed from a notification: outlined for a moment. */
	readonly highlighted: boolean;
}

/**
 * One achievement card. Its state is written out as text (a badge and the accessible name), so it
 * never depends on colour alone. Only the grid's active card is a tab stop; Enter or Space on it
 * opens its details. Long names are cut with an ellipsis and keep their full text as a tooltip.
 */
export function renderCard(card: AchievementCardVm, view: CardView): TemplateResult {
	const hidden = card.state === 'secret';
	const nameId = domId('card-name', card.id);
	const stateId = domId('card-state', card.id);
	const classes = `card state-${card.state} ${tierClass(card.state === 'unlocked' ? card.tier : null)}${view.highlighted ? ' revealed' : ''}`;
	return html`<li class=${classes} data-id=${card.id} tabindex=${view.active ? 0 : -1} aria-labelledby="${nameId} ${stateId}">
		<div class="card-head">
			<span class="card-icon">${icon(card.icon)}</span>
			<div class="card-title">
				<h3 class="card-name" id=${nameId} title=${card.name}>${card.name}${hidden ? html`<span class="visually-hidden"> (hidden secret)</span>` : nothing}</h3>
				<p class="card-category" title=${card.category}>${card.category}</p>
			</div>
			<p class="card-badges" id=${stateId}>
				<span class="badge badge-state badge-${card.state}">${stateLabels[card.state]}</span>${badgeForTier(card)}
			</p>
		</div>
		${hidden
			? html`<p class="card-description card-hint">Hidden until Hermes sees a first signal.</p>`
			: html`<p class="card-description">${card.description}</p>`}
		${card.criteria
			? html`<details class="card-criteria" ?open=${view.expanded}>
				<summary tabindex="-1">${hidden ? 'How to reveal' : 'What counts'}</summary>
				<p>${card.criteria}</p>
			</details>`
			: nothing}
		${hidden ? nothing : renderProgress(card)}
		${card.evidence ? renderEvidence(card.evidence.sessionId, card.evidence.title, card.evidence.value, card.metricLabel, view.active) : nothing}
		${card.earned
			? renderEarned(card, view.active)
			: card.unlockedAt !== null ? html`<p class="card-unlocked">Unlocked ${formatDate(card.unlockedAt)}</p>` : nothing}
	</li>`;
}

function badgeForTier(card: AchievementCardVm): TemplateResult | typeof nothing {
	if (card.state === 'unlocked' && card.tier) {
		return html`<span class="badge badge-tier ${tierClass(card.tier)}"><span class="visually-hidden">, tier </span>${card.tier}</span>`;
	}
	if (card.state === 'unlocked') {
		return html`<span class="badge badge-tier tier-none"><span class="visually-hidden">, </span>Complete</span>`;
	}
	if (card.state === 'discovered' && card.nextTier) {
		return html`<span class="badge badge-target ${tierClass(card.nextTier)}"><span class="visually-hidden">, </span>Target ${card.nextTier}</span>`;
	}
	return nothing;
}

/** The bar and the text under it measure one quantity: `progress` against the next threshold. */
function renderProgress(card: AchievementCardVm): TemplateResult {
	if (card.requirements.length > 0) {
		return html`<div class="card-progress">
			${meter(card.progressPct, `${card.name} progress`, `${card.progressPct}% of all conditions met`)}
			<ul class="requirements" role="list">${card.requirements.map(renderRequirement)}</ul>
		</div>`;
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
	return html`<div class="card-progress">
		${meter(card.progressPct, label, valueText.trim())}
		<p class="progress-text">
			<span class="progress-amounts">${amounts}</span>${unit ? html`<span class="progress-unit" title=${unit}>${unit}</span>` : nothing}<span class="progress-next">${maxed ? 'All tiers' : `Next: ${card.nextTier}`}</span>
		</p>
	</div>`;
}

function renderRequirement(requirement: RequirementVm): TemplateResult {
	const met = requirement.value >= requirement.minimum;
	return html`<li class="requirement${met ? ' met' : ''}">
		${icon(met ? 'pass-filled' : 'circle-large-outline', 'requirement-icon')}
		<span class="requirement-label" title=${requirement.label}>${requirement.label}</span>
		<span class="requirement-amounts">${formatNumber(requirement.value)} / ${formatNumber(requirement.minimum)}</span>
		<span class="visually-hidden">${met ? ', met' : ', not met yet'}</span>
	</li>`;
}

function renderEvidence(sessionId: string, title: string, value: number, unit: string | null, active: boolean): TemplateResult {
	const shownTitle = title.trim() === '' ? 'Untitled session' : title;
	return html`<p class="card-evidence">
		<span class="evidence-label">Best session</span>
		<button type="button" class="link evidence-link" tabindex=${active ? 0 : -1} data-action="open-session" data-session-id=${sessionId}
			title="Open this session's transcript: ${shownTitle} (${formatNumber(value)}${unit ? ` ${unit}` : ''})">${icon('comment-discussion', 'evidence-icon')}<span class="evidence-title">${shownTitle}</span></button>
	</p>`;
}
