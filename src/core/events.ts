/** The shape of `vscode.Disposable`, so the host can push core objects into `context.subscriptions`. */
export interface Disposable {
	dispose(): void;
}

export type Event<T> = (listener: (e: T) => void) => Disposable;

/** A tiny typed event emitter with the same subscription shape as `vscode.EventEmitter`. */
export class Emitter<T> {
	private readonly listeners = new Set<(e: T) => void>();

	readonly event: Event<T> = (listener) => {
		this.listeners.add(listener);
		return { dispose: () => void this.listeners.delete(listener) };
	};

	fire(e: T): void {
		for (const listener of [...this.listeners]) {
			listener(e);
		}
	}

	dispose(): void {
		this.listeners.clear();
	}
}
