import { Worker } from 'node:worker_threads';
import type { Snapshot } from '../model.ts';
import type { FromWorker, ToWorker, WorkerData, WrittenSnapshot } from './workerProtocol.ts';
import { scanThreadYoungGenerationMb } from './scanThreadLimits.ts';

export interface ScanListeners {
	onProgress(done: number, total: number): void;
	onPartial(snapshot: Snapshot): void;
}

/** A scan's result, handed over before it is written to disk. */
export interface ScanResult {
	readonly snapshot: Snapshot;
	/** What could not be saved so far (null: everything was). */
	readonly unsaved: string | null;
	/** Settles once the scan's files are written. */
	readonly persisted: Promise<Persisted>;
}

export interface Persisted {
	/** What could not be saved (null: everything was). */
	readonly unsaved: string | null;
	/** The snapshot file as the scan left it (null: not written). */
	readonly written: WrittenSnapshot | null;
}

interface Pending {
	/** The worker the request went to: only its death may fail the request. */
	readonly worker: Worker;
	readonly resolve: (message: FromWorker) => void;
	readonly reject: (error: Error) => void;
	readonly listeners?: ScanListeners;
	/** A scan request stays pending after its result until its files are written. */
	persisted?: (outcome: Persisted) => void;
}

/** The worker ended while requests were in flight (out of memory, or an uncaught error). */
class WorkerEnded extends Error {}

/**
 * The coordinator's handle on its scan worker. The worker starts with the first scan and then
 * stays, keeping the checkpoint and aggregate in memory between refreshes; if it dies, the
 * requests in flight fail (a scan is first tried once more) and the next one starts a new worker.
 */
export class ScanWorkerClient {
	private worker: Worker | undefined;
	private readonly pending = new Map<number, Pending>();
	private nextRequestId = 1;
	private disposed = false;

	private readonly script: string;
	private readonly home: string;
	private readonly threads: number;
	private readonly heapLimitMb: number;

	/**
	 * `threads`: how many read sessions at once, the worker included. `heapLimitMb`: the worker's
	 * old-generation limit (lowered only by tests that run one out of memory).
	 */
	constructor(script: string, home: string, threads = 1, heapLimitMb = 1024) {
		this.script = script;
		this.home = home;
		this.threads = threads;
		this.heapLimitMb = heapLimitMb;
	}

	/**
	 * A worker that dies mid-scan (out of memory on one session) is replaced once and the scan run
	 * again: the new worker finds the session the old one died on and leaves it out.
	 */
	async scan(full: boolean, listeners: ScanListeners): Promise<ScanResult> {
		try {
			return await this.scanOnce(full, listeners);
		} catch (error) {
			if (!(error instanceof WorkerEnded) || this.disposed) {
				throw error;
			}
			return this.scanOnce(full, listeners);
		}
	}

	private async scanOnce(full: boolean, listeners: ScanListeners): Promise<ScanResult> {
		let persistedResolve!: (outcome: Persisted) => void;
		const persisted = new Promise<Persisted>((resolve) => (persistedResolve = resolve));
		const answer = await this.send({ type: 'scan', requestId: this.nextRequestId++, full }, listeners, persistedResolve);
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

	/** Resolves once the worker has written (or tried to write) everything; with what could not be saved. */
	async flush(): Promise<string | null> {
		if (!this.worker) {
			return null;
		}
		const answer = await this.send({ type: 'flush', requestId: this.nextRequestId++ });
		return answer.type === 'flushed' ? answer.unsaved : null;
	}

	/** Stops the worker at once, even mid-scan: its files are only ever replaced atomically. */
	dispose(): void {
		this.disposed = true;
		void this.worker?.terminate();
		this.worker = undefined;
		this.failAll(new Error('The scan was cancelled.'));
	}

	private send(message: ToWorker, listeners?: ScanListeners, persisted?: (outcome: Persisted) => void): Promise<FromWorker> {
		if (this.disposed) {
			persisted?.({ unsaved: 'The scan was cancelled.', written: null });
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
			workerData: { home: this.home, script: this.script, threads: this.threads } satisfies WorkerData,
			// Out of memory, the worker alone ends (usually: a huge string can still abort the whole
			// process, which is why sessions over the read budget are never read at all).
			resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb, maxYoungGenerationSizeMb: scanThreadYoungGenerationMb },
		});
		worker.unref();
		worker.on('message', (message: FromWorker) => this.receive(message));
		worker.on('error', (error) => this.crashed(worker, new WorkerEnded(`The scan worker failed: ${error.message}`, { cause: error })));
		worker.on('exit', (code) => this.crashed(worker, new WorkerEnded(`The scan worker stopped (exit code ${code}).`)));
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
				pending.persisted?.({ unsaved: message.error, written: null });
				return;
			case 'scanned':
				pending.resolve(message);
				return;
			case 'persisted':
				this.pending.delete(message.requestId);
				pending.persisted?.({ unsaved: message.unsaved, written: message.written });
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
				pending.persisted?.({ unsaved: error.message, written: null });
			}
		}
	}
}
