import { Worker } from 'node:worker_threads';
import type { Snapshot } from '../model.ts';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol.ts';

export interface ScanListeners {
	onProgress(done: number, total: number): void;
	onPartial(snapshot: Snapshot): void;
}

interface Pending {
	readonly resolve: (message: FromWorker) => void;
	readonly reject: (error: Error) => void;
	readonly listeners?: ScanListeners;
}

/**
 * The coordinator's handle on its scan worker. The worker starts with the first scan and then
 * stays, keeping the checkpoint and aggregate in memory between refreshes; if it dies, the
 * request in flight fails and the next one starts a new worker.
 */
export class ScanWorkerClient {
	private worker: Worker | undefined;
	private readonly pending = new Map<number, Pending>();
	private nextRequestId = 1;
	private disposed = false;

	private readonly script: string;
	private readonly home: string;
	private readonly threads: number;

	constructor(script: string, home: string, threads: number) {
		this.script = script;
		this.home = home;
		this.threads = threads;
	}

	async scan(full: boolean, listeners: ScanListeners): Promise<Snapshot> {
		const answer = await this.send({ type: 'scan', requestId: this.nextRequestId++, full }, listeners);
		if (answer.type !== 'scanned') {
			throw new Error(`Unexpected answer from the scan worker: ${answer.type}`);
		}
		return answer.snapshot;
	}

	async resetHistory(): Promise<string> {
		const answer = await this.send({ type: 'resetHistory', requestId: this.nextRequestId++ });
		if (answer.type !== 'historyReset') {
			throw new Error(`Unexpected answer from the scan worker: ${answer.type}`);
		}
		return answer.backupPath;
	}

	/** Resolves once the worker has written every result it delivered (rejects if a write failed). */
	async flush(): Promise<void> {
		if (!this.worker) {
			return;
		}
		const answer = await this.send({ type: 'flush', requestId: this.nextRequestId++ });
		if (answer.type === 'flushed' && answer.error !== null) {
			throw new Error(`Could not save the scan results: ${answer.error}`);
		}
	}

	/** Stops the worker at once, even mid-scan: its files are only ever replaced atomically. */
	dispose(): void {
		this.disposed = true;
		void this.worker?.terminate();
		this.worker = undefined;
		this.failAll(new Error('The scan was cancelled.'));
	}

	private send(message: ToWorker, listeners?: ScanListeners): Promise<FromWorker> {
		if (this.disposed) {
			return Promise.reject(new Error('The scan was cancelled.'));
		}
		const worker = this.ensureWorker();
		return new Promise((resolve, reject) => {
			this.pending.set(message.requestId, { resolve, reject, listeners });
			worker.postMessage(message);
		});
	}

	private ensureWorker(): Worker {
		if (this.worker) {
			return this.worker;
		}
		const worker = new Worker(this.script, {
			workerData: { home: this.home, script: this.script, threads: this.threads } satisfies WorkerData,
			// A huge history must not be able to take the whole extension host down with it.
			resourceLimits: { maxOldGenerationSizeMb: 1024 },
		});
		worker.unref();
		worker.on('message', (message: FromWorker) => this.receive(message));
		worker.on('error', (error) => this.crashed(worker, error));
		worker.on('exit', (code) => this.crashed(worker, new Error(`The scan worker stopped (exit code ${code}).`)));
		this.worker = worker;
		return worker;
	}

	private receive(message: FromWorker): void {
		const pending = this.pending.get(message.requestId);
		if (!pending) {
			return;
		}
		switch (message.type) {
			case 'progress':
				pending.listeners?.onProgress(message.done, message.total);
				return;
			case 'partial':
				pending.listeners?.onPartial(message.snapshot);
				return;
			case 'failed':
				this.pending.delete(message.requestId);
				pending.reject(new Error(message.error));
				return;
			case 'scanned':
			case 'historyReset':
			case 'flushed':
				this.pending.delete(message.requestId);
				pending.resolve(message);
				return;
		}
	}

	private crashed(worker: Worker, error: Error): void {
		if (this.worker === worker) {
			this.worker = undefined;
		}
		this.failAll(error);
	}

	private failAll(error: Error): void {
		for (const pending of this.pending.values()) {
			pending.reject(error);
		}
		this.pending.clear();
	}
}
