import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ToHost, ToWebview, ViewModel } from '../shared/protocol.ts';
import { isToHost } from '../shared/protocol.ts';
import { CardRequests } from './cardRequests.ts';
import type { RenderedCard } from './cardRequests.ts';
import type { ServiceSlot } from './serviceSlot.ts';
import { createThrottle } from './timing.ts';
import type { Trigger } from './timing.ts';
import { toViewModel } from './viewModel.ts';
import { renderWebviewHtml } from './webviewHtml.ts';

/** What the webview may ask the host to do. */
export interface WebviewActions {
	rescan(): void;
	openSession(sessionId: string): void;
	chooseHome(): void;
	openSettings(): void;
}

export interface WebviewBindingOptions {
	readonly webview: vscode.Webview;
	readonly extensionUri: vscode.Uri;
	readonly slot: ServiceSlot;
	readonly actions: WebviewActions;
	/** Whether the view or panel is on screen now (a hidden webview cannot receive messages). */
	readonly isVisible: () => boolean;
	/** The view's or panel's visibility event: a webview that shows again gets the current model. */
	readonly onDidChangeVisibility: vscode.Event<unknown>;
	/** Called with every model posted, for the extension API. */
	readonly onDidPost: (model: ViewModel) => void;
}

/** During a scan progress changes many times a second; the webview repaints at most this often. */
const postIntervalMs = 100;

/** Scripts on, and the webview may load files from dist/webview only. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
	return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)] };
}

/**
 * Binds one webview (the sidebar view or an editor panel) to the service: writes its HTML, waits for
 * `ready`, then posts the full model on ready, on every service change while visible, and when it shows again.
 */
export class WebviewBinding implements vscode.Disposable {
	private ready = false;
	private pendingReveal: string | undefined;
	/** Posted right after the next model, once the webview listens and is visible. */
	private queued: ToWebview[] = [];
	private readonly cards = new CardRequests();
	private readonly throttle: Trigger;
	private readonly disposables: vscode.Disposable[] = [];
	private readonly options: WebviewBindingOptions;

	constructor(options: WebviewBindingOptions) {
		this.options = options;
		const { webview, extensionUri, slot } = options;
		webview.options = webviewOptions(extensionUri);
		webview.html = renderHtml(webview, extensionUri);
		this.throttle = createThrottle(() => this.postModel(), postIntervalMs);
		this.disposables.push(
			this.throttle,
			webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
			slot.onDidChange(() => this.throttle.trigger()),
			options.onDidChangeVisibility(() => this.visibilityChanged()),
		);
	}

	/** A hidden webview missed the posts meanwhile: one shown again gets the current model. */
	private visibilityChanged(): void {
		if (this.options.isVisible()) {
			this.throttle.trigger();
		}
	}

	/** Scrolls the webview to one card, now if it listens, else right after its first model. */
	reveal(achievementId: string): void {
		if (this.ready && this.options.isVisible()) {
			this.post({ type: 'reveal', achievementId });
		} else {
			this.pendingReveal = achievementId;
		}
	}

	/** Scrolls the webview to its Journey section. */
	showJourney(): void {
		this.postWhenReady({ type: 'showJourney' });
	}

	/** Has the webview draw the share card in its current theme. */
	requestCard(): Promise<RenderedCard> {
		return this.cards.request((requestId) => this.postWhenReady({ type: 'renderCard', requestId }));
	}

	private postWhenReady(message: ToWebview): void {
		if (this.ready && this.options.isVisible()) {
			this.post(message);
		} else {
			this.queued.push(message);
		}
	}

	dispose(): void {
		this.cards.dispose();
		for (const disposable of this.disposables.splice(0)) {
			disposable.dispose();
		}
	}

	private receive(message: unknown): void {
		if (!isToHost(message)) {
			return;
		}
		this.handle(message);
	}

	private handle(message: ToHost): void {
		const { actions } = this.options;
		switch (message.type) {
			case 'ready':
				// A reloaded webview (hidden, then shown again) says ready again and needs the whole model.
				this.ready = true;
				this.postModel();
				return;
			case 'rescan':
				actions.rescan();
				return;
			case 'openSession':
				actions.openSession(message.sessionId);
				return;
			case 'chooseHome':
				actions.chooseHome();
				return;
			case 'openSettings':
				actions.openSettings();
				return;
			case 'cardRendered':
			case 'cardFailed':
				this.cards.settle(message);
				return;
			default:
				assertNever(message);
		}
	}

	private postModel(): void {
		if (!this.ready || !this.options.isVisible()) {
			return;
		}
		const { service } = this.options.slot;
		const model = toViewModel(service.current(), service.status());
		this.post({ type: 'model', model });
		this.options.onDidPost(model);
		if (this.pendingReveal !== undefined) {
			this.post({ type: 'reveal', achievementId: this.pendingReveal });
			this.pendingReveal = undefined;
		}
		for (const message of this.queued.splice(0)) {
			this.post(message);
		}
	}

	private post(message: ToWebview): void {
		void this.options.webview.postMessage(message);
	}
}

function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
	return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

function renderHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
	const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(extensionUri), name)).toString();
	return renderWebviewHtml({
		cspSource: webview.cspSource,
		// A fresh random nonce per page: only our own script tag may run.
		nonce: randomBytes(16).toString('base64'),
		scriptUri: asset('main.js'),
		styleUris: [asset('codicon.css'), asset('main.css')],
		title: 'Hermes Achievements',
	});
}

function assertNever(value: never): never {
	throw new Error(`Unhandled webview message: ${JSON.stringify(value)}`);
}
