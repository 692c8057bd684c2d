import type { ToHost } from '../src/shared/protocol.ts';

/**
 * What the webview needs from VS Code's `acquireVsCodeApi()`. Behind an interface so tests can
 * hand in a fake and check what was posted and persisted.
 */
export interface HostApi {
	postMessage(message: ToHost): void;
	/** Persisted UI state (filters, sort, focus); never achievement data. */
	getState(): unknown;
	setState(state: unknown): void;
}
