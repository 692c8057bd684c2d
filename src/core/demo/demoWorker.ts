// Worker entry (bundled to dist/demoWorker.js): writes the demo history off the extension host's
// thread, which must never block on the generator's SQLite writes (about half a second).
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../shared/errorMessage.ts';
import { generateHistory } from './historyGenerator.ts';
import type { GenerateOptions } from './historyGenerator.ts';

try {
	const result = generateHistory(workerData as GenerateOptions);
	parentPort?.postMessage({ ok: true, sessions: result.sessions });
} catch (error) {
	parentPort?.postMessage({ ok: false, error: errorMessage(error) });
}
