import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { InitialViewState, ToHost, ToWebview, ViewModel } from '../shared/protocol.ts';
import { externalLinks, isToHost } from '../shared/protocol.ts';
import { CardRequests } from './cardRequests.ts';
import type { RenderedCard } from './cardRequests.ts';
import { ModelPosts } from './modelPosts.ts';
import type { ServiceSlot } from './serviceSlot.ts';
import { PostPacer } from './postPacer.ts';
import { quietRefreshMs } from './viewModel.ts';
import { renderWebviewHtml } from './webviewHtml.ts';

/** What the webview may ask the host to do. */
export interface WebviewActions {
	rescan(): void;
	openSession(sessionId: string): void;
	chooseHome(): void;
	openSettings(): void;
	startDemo(): void;
	leaveDemo(): void;
}

export interface WebviewBindingOptions {
	readonly webview: vscode.Webview;
	readonly extensionUri: vscode.Uri;
	readonly slot: ServiceSlot;
	readonly actions: WebviewActions;
	/** The model of this moment (the same for every webview). */
	readonly currentModel: () => ViewModel;
	/** Whether the view or panel is on screen now (a hidden webview cannot receive messages). */
	readonly isVisible: () => boolean;
	/** The view's or panel's visibility event: a webview that shows again gets the current model. */
	readonly onDidChangeVisibility: vscode.Event<unknown>;
	/** Called with every model the webview was given, embedded in its HTML or posted, for the extension API. */
	readonly onDidPost: (model: ViewModel, how: 'embedded' | 'posted') => void;
	readonly surface: InitialViewState['surface'];
}

/**
 * During a scan progress changes many times a second; a webview gets a model no sooner than this
 * after it painted the last one (at most 4 a second), so a click on a filter never queues behind repaints.
 */
const postIntervalMs = 300;

/** Scripts on, and the webview may load files from dist/webview only. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
	return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)] };
}

/**
 * Binds one webview (the sidebar view or an editor panel) to the service: writes its HTML with the
 * current model embedded (it paints before any message), waits for `ready`, then posts the model
 * whenever it differs from what the webview shows, while visible, at most 4 times a second.
 */
export class WebviewBinding implements vscode.Disposable {
	private ready = false;
	private pendingReveal: string | undefined;
	/** Posted right after the next model, once the webview listens and is visible. */
	private queued: ToWebview[] = [];
	private readonly cards = new CardRequests();
	private quietTimer: ReturnType<typeof setTimeout> | undefined;
	private readonly posts = new ModelPosts();
	private readonly pacer: PostPacer;
	private readonly disposables: vscode.Disposable[] = [];
	private readonly options: WebviewBindingOptions;

	constructor(options: WebviewBindingOptions) {
		this.options = options;
		const { webview, extensionUri, slot } = options;
		webview.options = webviewOptions(extensionUri);
		this.writeHtml();
		this.pacer = new PostPacer(() => this.postModel(), postIntervalMs);
		this.disposables.push(
			this.pacer,
			webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
			slot.onDidChange(({ status }) => {
				this.pacer.request();
				this.recheckAfterQuietRefresh(status.scanning);
			}),
			options.onDidChangeVisibility(() => this.visibilityChanged()),
		);
	}

	/** Models posted to this webview so far. */
	get modelsPosted(): number {
		return this.posts.posted;
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
		clearTimeout(this.quietTimer);
		for (const disposable of this.disposables.splice(0)) {
			disposable.dispose();
		}
	}

	/**
	 * A hidden webview is torn down and rebuilt from its HTML when shown again: the HTML is rewritten
	 * on hiding, so it comes back with the model of that moment instead of the one it first had.
	 */
	private visibilityChanged(): void {
		if (this.options.isVisible()) {
			this.pacer.request();
		} else {
			this.ready = false;
			this.writeHtml();
		}
	}

	private writeHtml(): void {
		const model = this.options.currentModel();
		this.posts.loaded(model);
		this.options.onDidPost(model, 'embedded');
		const initialState: InitialViewState = { model, resolvedAt: Date.now(), surface: this.options.surface };
		this.options.webview.html = renderHtml(this.options.webview, this.options.extensionUri, initialState);
	}

	/** A background refresh is hidden for its first second; look again when that second is over. */
	private recheckAfterQuietRefresh(scanning: { readonly kind: string; readonly started_at: number } | null): void {
		if (scanning?.kind !== 'refresh' || this.quietTimer !== undefined) {
			return;
		}
		const wait = scanning.started_at + quietRefreshMs - Date.now();
		if (wait >= 0) {
			this.quietTimer = setTimeout(() => {
				this.quietTimer = undefined;
				this.pacer.request();
			}, wait + 10);
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
				// A reloaded webview says ready again; it shows the model its HTML embedded.
				this.ready = true;
				this.pacer.reset();
				this.pacer.request();
				this.flushReveal();
				return;
			case 'shown':
				this.pacer.shown();
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
			case 'startDemo':
				actions.startDemo();
				return;
			case 'leaveDemo':
				actions.leaveDemo();
				return;
			case 'openLink':
				void vscode.env.openExternal(vscode.Uri.parse(externalLinks[message.link]));
				return;
			default:
				assertNever(message);
		}
	}

	/** Posts the current model if the webview does not show it already; true when it posted. */
	private postModel(): boolean {
		if (!this.ready || !this.options.isVisible()) {
			return false;
		}
		const model = this.options.currentModel();
		const posted = this.posts.take(model);
		if (posted) {
			this.post({ type: 'model', model });
			this.options.onDidPost(model, 'posted');
		}
		this.flushReveal();
		return posted;
	}

	private flushReveal(): void {
		if (this.pendingReveal !== undefined && this.ready && this.options.isVisible()) {
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

function renderHtml(webview: vscode.Webview, extensionUri: vscode.Uri, initialState: InitialViewState): string {
	const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(extensionUri), name)).toString();
	return renderWebviewHtml({
		cspSource: webview.cspSource,
		// A fresh random nonce per page: only our own script tag may run.
		nonce: randomBytes(16).toString('base64'),
		scriptUri: asset('main.js'),
		styleUris: [asset('codicon.css'), asset('main.css')],
		title: 'Hermes Achievements',
		initialState,
	});
}

function assertNever(value: never): never {
	throw new Error(`Unhandled webview message: ${JSON.stringify(value)}`);
}
