// Sees which worker threads the extension host starts, through the in-process inspector's NodeWorker
// domain (it reports workers already running when enabled, and every new one after).
import { Session } from 'node:inspector';

export interface WorkerWatch {
	readonly workerUrls: readonly string[];
	dispose(): void;
}

export async function watchWorkers(): Promise<WorkerWatch> {
	const session = new Session();
	session.connect();
	const workerUrls: string[] = [];
	session.on('NodeWorker.attachedToWorker', (message) => {
		workerUrls.push(message.params.workerInfo.url);
	});
	await new Promise<void>((resolve, reject) => {
		session.post('NodeWorker.enable', { waitForDebuggerOnStart: false }, (error) => (error ? reject(error) : resolve()));
	});
	return {
		workerUrls,
		dispose: () => {
			session.post('NodeWorker.disable', () => session.disconnect());
		},
	};
}
