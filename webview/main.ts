// The first-paint measure starts here (module evaluation order: before the elements load).
import './startMark.ts';
import './elements.ts';
import { initialStateElementId } from '../src/shared/protocol.ts';
import type { InitialViewState, ViewModel } from '../src/shared/protocol.ts';
import { createApp } from './app.ts';
import type { HostApi } from './hostApi.ts';
import { isViewModel } from './messages.ts';

// Provided by VS Code inside webviews; callable once per page.
declare const acquireVsCodeApi: () => HostApi;

/** The model the host embedded in the page (see webviewHtml.ts); anything unexpected means none. */
function embeddedModel(): ViewModel | null {
	try {
		const state = JSON.parse(document.getElementById(initialStateElementId)?.textContent ?? 'null') as Partial<InitialViewState> | null;
		if (state && typeof state.surface === 'string') {
			document.documentElement.dataset.surface = state.surface;
		}
		return isViewModel(state?.model) ? state.model : null;
	} catch {
		return null;
	}
}

const root = document.getElementById('app');
if (root) {
	createApp({ root, host: acquireVsCodeApi(), messageSource: window, initialModel: embeddedModel() });
}
