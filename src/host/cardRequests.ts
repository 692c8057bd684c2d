import type { ToHost } from '../shared/protocol.ts';

/** The share card as the webview drew it. */
export interface RenderedCard {
	/** PNG bytes, base64. */
	readonly png: string;
	readonly svg: string;
}

type CardAnswer = Extract<ToHost, { type: 'cardRendered' | 'cardFailed' }>;

/** A webview that never answers (closed, crashed) must not leave the command hanging. */
const answerTimeoutMs = 20_000;

/** Share-card requests to one webview, matched to its answers by id. */
export class CardRequests {
	private nextId = 1;
	private readonly pending = new Map<number, { resolve(card: RenderedCard): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();

	/** `send` posts the request (now or once the webview listens); the promise settles with its answer. */
	request(send: (requestId: number) => void): Promise<RenderedCard> {
		const requestId = this.nextId++;
		return new Promise<RenderedCard>((resolve, reject) => {
			const timer = setTimeout(() => {
				this.pending.delete(requestId);
				reject(new Error('the achievements view did not draw the card in time'));
			}, answerTimeoutMs);
			this.pending.set(requestId, { resolve, reject, timer });
			send(requestId);
		});
	}

	settle(answer: CardAnswer): void {
		const waiting = this.pending.get(answer.requestId);
		if (!waiting) {
			return;
		}
		this.pending.delete(answer.requestId);
		clearTimeout(waiting.timer);
		if (answer.type === 'cardRendered') {
			waiting.resolve({ png: answer.png, svg: answer.svg });
		} else {
			waiting.reject(new Error(answer.error));
		}
	}

	dispose(): void {
		for (const [id, waiting] of this.pending) {
			clearTimeout(waiting.timer);
			waiting.reject(new Error('the achievements view was closed'));
			this.pending.delete(id);
		}
	}
}
