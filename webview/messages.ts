import type { ToWebview, ViewModel } from '../src/shared/protocol.ts';

/** A model as far as the view relies on its shape before painting it. */
export function isViewModel(value: unknown): value is ViewModel {
	return typeof value === 'object' && value !== null
		&& Array.isArray((value as { achievements?: unknown }).achievements)
		&& typeof (value as { scan?: unknown }).scan === 'object' && (value as { scan?: unknown }).scan !== null;
}

/** Anything can post into a webview's window; only the host's two message shapes are acted on. */
export function isToWebview(data: unknown): data is ToWebview {
	if (typeof data !== 'object' || data === null) {
		return false;
	}
	const message = data as { type?: unknown; model?: unknown; achievementId?: unknown; requestId?: unknown };
	switch (message.type) {
		case 'model':
			return isViewModel(message.model);
		case 'reveal':
			return typeof message.achievementId === 'string';
		case 'showJourney':
			return true;
		case 'renderCard':
			return typeof message.requestId === 'number';
		default:
			return false;
	}
}
