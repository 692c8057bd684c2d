import type { ViewModel } from '../shared/protocol.ts';

/**
 * Decides which models reach one webview: only ones that differ from what it shows. A refresh that
 * found nothing new yields an identical model, so it posts nothing and the view mutates nothing.
 * Models are compared as JSON (the form they travel in anyway).
 */
export class ModelPosts {
	private shown: string | undefined;
	private count = 0;

	/** The webview (re)loaded its HTML, which embeds this model (undefined: it shows a skeleton). */
	loaded(embedded: ViewModel | null): void {
		this.shown = embedded === null ? undefined : JSON.stringify(embedded);
	}

	/** True when `model` should be posted; it is then counted as shown. */
	take(model: ViewModel): boolean {
		const json = JSON.stringify(model);
		if (json === this.shown) {
			return false;
		}
		this.shown = json;
		this.count += 1;
		return true;
	}

	/** Models posted so far (for the extension API the tests read). */
	get posted(): number {
		return this.count;
	}
}
