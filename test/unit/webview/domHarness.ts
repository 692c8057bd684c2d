/// <reference types="mocha" />
/// <reference types="node" />
import './installDom.ts';
import { JSDOM } from 'jsdom';
import type { ToHost, ToWebview, ViewModel } from '../../../src/shared/protocol.ts';
import { createApp } from '../../../webview/app.ts';
import type { App } from '../../../webview/app.ts';
import type { HostApi } from '../../../webview/hostApi.ts';

/** Stands in for `acquireVsCodeApi()`: records what the view posts and what it persists. */
export class FakeHost implements HostApi {
	readonly posted: ToHost[] = [];
	state: unknown;

	constructor(initialState?: unknown) {
		this.state = initialState;
	}

	postMessage(message: ToHost): void {
		this.posted.push(message);
	}

	getState(): unknown {
		return this.state === undefined ? undefined : structuredClone(this.state);
	}

	setState(state: unknown): void {
		// VS Code serialises the state; cloning catches anything that would not survive that.
		this.state = structuredClone(state);
	}
}

export interface Harness {
	readonly window: Window;
	readonly document: Document;
	readonly root: HTMLElement;
	readonly host: FakeHost;
	readonly app: App;
	/** Delivers a host message the way VS Code does: a `message` event on the window. */
	send(message: ToWebview): void;
	sendModel(model: ViewModel): void;
	dispose(): void;
}

/** Fixed "now" for the view: three minutes after the builders' snapshot was generated. */
export const viewNow = (1_767_000_000 + 180) * 1000;

/**
 * A fresh jsdom page with the app mounted on `#app`. The webview code reads the global
 * `document`, so it is pointed at this page until `dispose()`.
 */
export function mountApp(host = new FakeHost(), initialModel: ViewModel | null = null): Harness {
	const dom = new JSDOM('<!DOCTYPE html><html lang="en"><head><title>Achievements</title></head><body><main id="app"></main></body></html>', {
		pretendToBeVisual: true,
		// Lets a test evaluate a script (axe-core) inside the page; the page's own markup never runs scripts.
		runScripts: 'outside-only',
	});
	const window = dom.window as unknown as Window;
	const globals = globalThis as { document?: Document; window?: Window };
	const previous = { document: globals.document, window: globals.window };
	globals.document = window.document;
	globals.window = window;
	const root = window.document.getElementById('app') as HTMLElement;
	const app = createApp({ root, host, messageSource: window, now: () => viewNow, initialModel });
	const send = (message: ToWebview): void => {
		window.dispatchEvent(new dom.window.MessageEvent('message', { data: message }));
	};
	return {
		window,
		document: window.document,
		root,
		host,
		app,
		send,
		sendModel: (model) => send({ type: 'model', model }),
		dispose() {
			app.dispose();
			dom.window.close();
			globals.document = previous.document;
			globals.window = previous.window;
		},
	};
}

export function key(target: Element, name: string): void {
	const view = target.ownerDocument.defaultView as Window & typeof globalThis;
	target.dispatchEvent(new view.KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
}

export function click(target: Element): void {
	const view = target.ownerDocument.defaultView as Window & typeof globalThis;
	target.dispatchEvent(new view.MouseEvent('click', { bubbles: true, cancelable: true }));
}

export function cardIds(root: ParentNode): string[] {
	return [...root.querySelectorAll<HTMLElement>('li.card')].map((card) => card.dataset.id ?? '');
}
