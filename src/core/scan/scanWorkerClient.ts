import { Worker } from 'node:worker_threads';
import type { Snapshot } from '../model.ts';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol.ts';

export interface ScanListeners {
	onProgress(done: number, total: number): void;
	onPartial(snapshot: Snapshot): void;
}

/** A scan's result, handed over before it is written to disk. */
export interface ScanResult {
	readonly snapshot: Snapshot;
	/** What could not be saved so far (null: everything was). */
	readonly unsaved: string | null;
	/** Settles once the scan's files are written, with what could not be saved (null: everything). */
	readonly persisted: Promise<string | null>;
}

interface Pending {
	/** The worker the request went to: only its death may fail the request. */
	readonly worker: Worker;
	readonly resolve: (message: FromWorker) => void;
	readonly reject: (error: Error) => void;
	readonly listeners?: ScanListeners;
	/** A scan request stays pending after its result until its files are written. */
	persisted?: (unsaved: string | null) => void;
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

	constructor(script: string, home: string) {
		this.script = script;
		this.home = home;
	}

	async scan(full: boolean, listeners: ScanListeners): Promise<ScanResult> {
		const requestId = this.nextRequestId++;
		let persistedResolve!: (unsaved: string | null) => void;
		const persisted = new Promise<string | null>((resolve) => (persistedResolve = resolve));
		const answer = await this.send({ type: 'scan', requestId, full }, listeners, persistedResolve);
		if (answer.type !== 'scanned') {
			throw new Error(`Unexpected answer from the scan worker: ${answer.type}`);
		}
		return { snapshot: answer.snapshot, unsaved: answer.unsaved, persisted };
	}

	async resetHistory(): Promise<string> {
		const answer = await this.send({ type: 'resetHistory', requestId: this.nextRequestId++ });
		if (answer.type !== 'historyReset') {
			throw new Error(`Unexpected answer from the scan worker: ${answer.type}`);
		}
		return answer.backupPath;
	}

	/** Resolves once the worker has written (or tried to write) every result it delivered. */
	async flush(): Promise<void> {
		if (!this.worker) {
			return;
		}
		await this.send({ type: 'flush', requestId: this.nextRequestId++ });
	}

	/** Stops the worker at once, even mid-scan: its files are only ever replaced atomically. */
	dispose(): void {
		this.disposed = true;
		void this.worker?.terminate();
		this.worker = undefined;
		this.failAll(new Error('The scan was cancelled.'));
	}

	private send(message: ToWorker, listeners?: ScanListeners, persisted?: (unsaved: string | null) => void): Promise<FromWorker> {
		if (this.disposed) {
			persisted?.('The scan was cancelled.');
			return Promise.reject(new Error('The scan was cancelled.'));
		}
		const worker = this.ensureWorker();
		return new Promise((resolve, reject) => {
			this.pending.set(message.requestId, { worker, resolve, reject, listeners, persisted });
			worker.postMessage(message);
		});
	}

	private ensureWorker(): Worker {
		if (this.worker) {
			return this.worker;
		}
		const worker = new Worker(this.script, {
			workerData: { home: this.home } satisfies WorkerData,
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
				pending.persisted?.(message.error);
				return;
			case 'scanned':
				pending.resolve(message);
				return;
			case 'persisted':
				this.pending.delete(message.requestId);
				pending.persisted?.(message.unsaved);
				return;
			case 'historyReset':
			case 'flushed':
				this.pending.delete(message.requestId);
				pending.resolve(message);
				return;
		}
	}

	/**
	 * A worker that dies reports `error` and then `exit`. By the time its `exit` arrives, the failed
	 * scan may already have been retried on a replacement, so only the dead worker's requests fail.
	 */
	private crashed(worker: Worker, error: Error): void {
		if (this.worker === worker) {
			this.worker = undefined;
		}
		this.failAll(error, worker);
	}

	/** Rejects the requests sent to `worker`, or every request when no worker is named. */
	private failAll(error: Error, worker?: Worker): void {
		for (const [requestId, pending] of this.pending) {
			if (worker === undefined || pending.worker === worker) {
				this.pending.delete(requestId);
				// A scan whose result was already handed over only loses its write; rejecting then is a no-op.
				pending.reject(error);
				pending.persisted?.(error.message);
			}
		}
	}
}
