// The scan worker: every SQLite read and every regex of the analysis runs on this thread, so the
// extension host's event loop only ever receives finished (or partial) snapshots. The same script,
// started by a scan worker in the reader role, is one of its helpers for large scans.
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { errorMessage } from '../../shared/errorMessage.ts';
import type { ReaderData } from './readerProtocol.ts';
import { ScanEngine } from './scanEngine.ts';
import { runSessionReader } from './sessionReader.ts';
import type { FromWorker, ToWorker, WorkerData } from './workerProtocol.ts';

if (!parentPort) {
	throw new Error('scanWorker must run in a worker thread');
}
const data = workerData as WorkerData | ReaderData;
if ('role' in data) {
	runSessionReader(parentPort, data);
} else {
	serveScans(parentPort, data);
}

function serveScans(port: MessagePort, data: WorkerData): void {
	const engine = new ScanEngine(data.home, { readers: { script: data.script, home: data.home, threads: data.threads } });
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
					post({ type: 'persisted', requestId, unsaved: engine.unsaved(), written: engine.writtenSnapshot() });
					break;
				case 'flush':
					await engine.flushCheckpoint();
					post({ type: 'flushed', requestId, unsaved: engine.unsaved() });
					break;
				case 'resetHistory':
					post({ type: 'historyReset', requestId, backupPath: await engine.resetHistory() });
					break;
			}
		} catch (error) {
			const reason = errorMessage(error);
			post(delivered ? { type: 'persisted', requestId, unsaved: reason, written: null } : { type: 'failed', requestId, error: reason });
		}
	}
}
