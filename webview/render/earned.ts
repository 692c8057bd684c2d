import { html, nothing } from 'lit-html';
import type { TemplateResult } from 'lit-html';
import type { AchievementCardVm, TierEarnedVm } from '../../src/shared/protocol.ts';
import { formatDate } from '../format.ts';
import { tierClass } from './tier.ts';

/**
 * An unlocked card's evidence from the history: "Earned <date> in <session>" (opens the transcript),
 * and, once more than one tier is reached, each tier with its date and session. Like the card's
 * other controls, its buttons are tab stops only while the card is the grid's active one.
 */
export function renderEarned(card: AchievementCardVm, active: boolean): TemplateResult | typeof nothing {
	const { earned } = card;
	if (card.state !== 'unlocked' || earned === null) {
		return nothing;
	}
	return html`<div class="card-earned">
		<p class="earned-line">
			<span class="earned-label">Earned${earned.at === null ? '' : ` ${formatDate(earned.at)}`} in</span>
			${sessionButton(earned, 'earned-link', active)}
		</p>
		${card.tierHistory.length > 1 ? html`<details class="tier-history">
			<summary tabindex="-1">${card.tierHistory.length} tiers, one by one</summary>
			<ol class="tier-history-list">${card.tierHistory.map((step) => html`<li class="tier-history-step ${tierClass(step.tier)}">
				<span class="tier-history-tier">${step.tier ?? 'Complete'}</span>
				<span class="tier-history-date">${step.at === null ? 'undated' : formatDate(step.at)}</span>
				${sessionButton(step, 'tier-history-session', active)}
			</li>`)}</ol>
		</details>` : nothing}
	</div>`;
}

function sessionButton(step: TierEarnedVm, extraClass: string, active: boolean): TemplateResult {
	const title = step.sessionTitle.trim() === '' ? 'Untitled session' : step.sessionTitle;
	return html`<button type="button" class="link ${extraClass}" tabindex=${active ? 0 : -1} data-action="open-session"
		data-session-id=${step.sessionId} title="Open this session's transcript"><span class="codicon codicon-comment-discussion evidence-icon" aria-hidden="true"></span><span class="earned-title">${title}</span></button>`;
}
