import { html, nothing } from 'lit-html';
import type { TemplateResult } from 'lit-html';
import type { ProblemVm } from '../../src/shared/protocol.ts';
import { icon } from './parts.ts';

/**
 * No Hermes home is a normal first run, not an error: say what Hermes is, where we looked, and
 * offer the two ways on (point at the folder, or look around with demo data). A home created
 * later is picked up by itself.
 */
function renderWelcome(problem: ProblemVm): TemplateResult {
	return html`<section class="welcome" aria-labelledby="welcome-heading">
		${icon('star-full', 'welcome-icon')}
		<h2 id="welcome-heading" class="welcome-heading">Achievements for your Hermes Agent history</h2>
		<p>Hermes Agent is an open-source AI agent by Nous Research that keeps every session on your computer.
			This view turns that history into 60 achievements, from Copper to Olympian.
			<button type="button" class="link" data-action="open-link" data-link="hermesAgent">About Hermes Agent</button></p>
		<p class="welcome-where">No Hermes history in <code title=${problem.home}>${problem.home}</code> yet. It appears here by itself once Hermes has run.</p>
		<div class="problem-actions">
			<button type="button" class="button" data-action="choose-home">Choose Hermes Home…</button>
			<button type="button" class="button button-secondary" data-action="start-demo">Try with demo data</button>
		</div>
	</section>`;
}

/** The other empty and error states: what is wrong and the one action that helps. */
export function renderProblem(problem: ProblemVm | null): TemplateResult | typeof nothing {
	if (problem === null) {
		return nothing;
	}
	if (problem.kind === 'no-home') {
		return renderWelcome(problem);
	}
	const noSessions = problem.kind === 'no-sessions';
	return html`<section class="problem problem-${problem.kind}" aria-labelledby="problem-heading">
		${icon(noSessions ? 'comment-discussion' : 'error', 'problem-icon')}
		<h2 id="problem-heading" class="problem-heading">${noSessions ? 'No sessions yet' : 'Cannot read the Hermes history'}</h2>
		<p class="problem-text">${noSessions
			? 'Achievements appear here once Hermes Agent has recorded a session. Start a chat with Hermes, then come back.'
			: 'Your earlier achievements are kept; the view updates after the next successful read.'}</p>
		${noSessions ? nothing : html`<p class="problem-detail">${problem.message}</p>`}
		<p class="problem-home">Hermes home: <code title=${problem.home}>${problem.home}</code></p>
		<div class="problem-actions">
			${noSessions
				? html`<button type="button" class="button button-secondary" data-action="start-demo">Try with demo data</button>`
				: html`<button type="button" class="button" data-action="rescan">Read again</button>`}
			<button type="button" class="button button-secondary" data-action="choose-home">Choose Hermes Home…</button>
		</div>
	</section>`;
}

/** Shown on every screen of the demo, with the one click that leaves it. */
export function renderDemoBanner(demo: boolean): TemplateResult | typeof nothing {
	if (!demo) {
		return nothing;
	}
	return html`<div class="demo-banner" role="note" aria-label="Demo data">
		${icon('beaker', 'demo-icon')}
		<p><strong>Demo data.</strong> A generated history, not your own.</p>
		<button type="button" class="button button-secondary demo-leave" data-action="leave-demo">Leave demo</button>
	</div>`;
}
