// A stand-in for dist/scanWorker.js in the ScanWorkerClient tests. A full scan crashes the worker in
// the middle of the request (an uncaught exception: the thread reports `error`, then `exit`); any
// other scan is answered after a pause, long enough for a crashed predecessor's `exit` to arrive first.
import { parentPort } from 'node:worker_threads';

const answerDelayMs = 200;

parentPort.on('message', (message) => {
	if (message.type === 'scan' && message.full) {
		throw new Error('simulated crash in the middle of a scan');
	}
	setTimeout(() => {
		parentPort.postMessage({ type: 'scanned', requestId: message.requestId, snapshot: { scan_id: `answer-${message.requestId}` }, unsaved: null });
		parentPort.postMessage({ type: 'persisted', requestId: message.requestId, unsaved: null, written: null });
	}, answerDelayMs);
});
