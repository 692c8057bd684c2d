import type { ToWebview } from '../src/shared/protocol.ts';

/** Anything can post into a webview's window; only the host's two message shapes are acted on. */
export function isToWebview(data: unknown): data is ToWebview {
	if (typeof data !== 'object' || data === null) {
		return false;
	}
	const message = data as { type?: unknown; model?: unknown; achievementId?: unknown; requestId?: unknown };
	switch (message.type) {
		case 'model':
			return typeof message.model === 'object' && message.model !== null
				&& Array.isArray((message.model as { achievements?: unknown }).achievements);
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
