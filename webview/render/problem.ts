import type { ProblemVm } from '../../src/shared/protocol.ts';
import { h, icon } from '../dom.ts';

/** The empty and error states: say what is wrong and offer the one action that helps. */
export function renderProblem(problem: ProblemVm): HTMLElement {
	const heading = {
		'no-home': 'No Hermes home found',
		'no-sessions': 'No sessions yet',
		unreadable: 'Cannot read the Hermes history',
	}[problem.kind];
	const explanation = {
		'no-home': 'Achievements are computed from the sessions Hermes Agent stores in its home folder (HERMES_HOME, or ~/.hermes). Choose the folder if Hermes keeps its data somewhere else.',
		'no-sessions': 'Achievements appear here once Hermes Agent has recorded a session. Start a chat with Hermes, then come back.',
		unreadable: 'The session database could not be read. Your earlier achievements are kept; the view updates after the next successful scan.',
	}[problem.kind];
	const iconName = problem.kind === 'no-sessions' ? 'comment-discussion' : problem.kind === 'no-home' ? 'folder' : 'error';
	return h('section', { class: `problem problem-${problem.kind}`, 'aria-labelledby': 'problem-heading' },
		icon(iconName, 'problem-icon'),
		h('h2', { id: 'problem-heading', class: 'problem-heading' }, heading),
		h('p', { class: 'problem-text' }, explanation),
		h('p', { class: 'problem-detail' }, problem.message),
		problem.home ? h('p', { class: 'problem-home' }, 'Looked in: ', h('code', {}, problem.home)) : null,
		h('div', { class: 'problem-actions' },
			problem.kind === 'no-home'
				? h('button', { type: 'button', class: 'button', 'data-action': 'choose-home' }, 'Choose Hermes Home…')
				: h('button', { type: 'button', class: 'button', 'data-action': 'rescan' }, 'Scan again'),
			h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'open-settings' }, 'Open Settings')));
}
