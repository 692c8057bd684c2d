// The scan worker: every SQLite read and every regex of the analysis runs on this thread, so the
// extension host's event loop only ever receives finished (or partial) snapshots.
import { parentPort, workerData } from 'node:worker_threads';
import { ScanEngine } from './scanEngine.ts';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol.ts';

const port = parentPort;
if (!port) {
	throw new Error('scanWorker must run in a worker thread');
}
const engine = new ScanEngine((workerData as WorkerData).home);
const post = (message: FromWorker): void => port.postMessage(message);

// Requests are handled one after another; the coordinator never sends two at once anyway.
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
	queue = queue.then(() => handle(message));
});

async function handle(message: ToWorker): Promise<void> {
	const { requestId } = message;
	try {
		switch (message.type) {
			case 'scan': {
				const snapshot = await engine.scan(message.full, {
					onProgress: (done, total) => post({ type: 'progress', requestId, done, total }),
					onPartial: (partial) => post({ type: 'partial', requestId, snapshot: partial }),
				});
				post({ type: 'scanned', requestId, snapshot });
				break;
			}
			case 'resetHistory':
				post({ type: 'historyReset', requestId, backupPath: await engine.resetHistory() });
				break;
		}
	} catch (error) {
		post({ type: 'failed', requestId, error: error instanceof Error ? error.message : String(error) });
	}
}
