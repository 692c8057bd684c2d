// Scans a home twice through a scan worker with a small heap, as the coordinator would after the
// first worker died; prints what each scan ended with. Run as a child: if running the worker out
// of memory took the whole process down, the parent sees it instead of dying itself.
import { ScanWorkerClient } from '../../src/core/scan/scanWorkerClient.ts';

const [home = '', workerScript = '', heapLimitMb = '48'] = process.argv.slice(2);
const client = new ScanWorkerClient(workerScript, home, 1, Number(heapLimitMb));
const listeners = { onProgress: () => undefined, onPartial: () => undefined };

async function attempt(): Promise<unknown> {
	try {
		const { snapshot } = await client.scan(false, listeners);
		return { ok: true, skipped: snapshot.scan_meta.skipped, sessionCount: snapshot.aggregate.session_count };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	}
}

// The worker does not keep a process alive (it is unref'd), so this does while the scans run.
const keepAlive = setInterval(() => undefined, 1000);
const first = await attempt();
const second = await attempt();
clearInterval(keepAlive);
client.dispose();
console.log(JSON.stringify({ first, second }));
