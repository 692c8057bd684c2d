// The scan worker: every SQLite read and every regex of the analysis runs on this thread, so the
// extension host's event loop only ever receives finished (or partial) snapshots.
import { parentPort, workerData } from 'node:worker_threads';
import { ScanEngine } from './scanEngine.ts';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol.ts';
import { errorMessage } from '../../shared/errorMessage.ts';

const port = parentPort;
if (!port) {
	throw new Error('scanWorker must run in a worker thread');
}
const engine = new ScanEngine((workerData as WorkerData).home);
const post = (message: FromWorker): void => port.postMessage(message);

// Requests are handled one after another, so a flush is answered after every earlier write.
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
	queue = queue.then(() => handle(message));
});

async function handle(message: ToWorker): Promise<void> {
	const { requestId } = message;
	let delivered = false;
	try {
		switch (message.type) {
			case 'scan':
				// The answer goes out as soon as the result exists; the engine persists it afterwards.
				await engine.scan(message.full, {
					onProgress: (done, total) => post({ type: 'progress', requestId, done, total }),
					onPartial: (partial) => post({ type: 'partial', requestId, snapshot: partial }),
					onResult: (snapshot, unsaved) => {
						delivered = true;
						post({ type: 'scanned', requestId, snapshot, unsaved });
					},
				});
				post({ type: 'persisted', requestId, unsaved: engine.unsaved() });
				break;
			case 'flush':
				post({ type: 'flushed', requestId });
				break;
			case 'resetHistory':
				post({ type: 'historyReset', requestId, backupPath: await engine.resetHistory() });
				break;
		}
	} catch (error) {
		const reason = errorMessage(error);
		post(delivered ? { type: 'persisted', requestId, unsaved: reason } : { type: 'failed', requestId, error: reason });
	}
}
