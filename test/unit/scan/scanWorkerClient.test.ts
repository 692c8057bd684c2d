import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ScanWorkerClient } from '../../../src/core/scan/scanWorkerClient.ts';

const crashingWorker = join(import.meta.dirname, '..', '..', 'support', 'crashingScanWorker.mjs');
const quiet = { onProgress: () => undefined, onPartial: () => undefined };

describe('ScanWorkerClient when its worker crashes', () => {
	let client: ScanWorkerClient;
	beforeEach(() => {
		client = new ScanWorkerClient(crashingWorker, '/unused-home');
	});
	afterEach(() => client.dispose());

	it('fails the request in flight with the crash', async () => {
		await assert.rejects(client.scan(true, quiet), /simulated crash in the middle of a scan/);
	});

	it('lets the retry on a new worker finish, though the dead worker reports its exit after the retry started', async () => {
		let retry: Promise<unknown> | undefined;
		await client.scan(true, quiet).catch(() => {
			// At once, as the coordinator's follow-up does: the crashed worker's `exit` is still to come.
			retry = client.scan(false, quiet);
		});
		assert.ok(retry);
		const result = await retry as { snapshot: { scan_id: string }; persisted: Promise<{ unsaved: string | null }> };
		assert.match(result.snapshot.scan_id, /^answer-/);
		assert.equal((await result.persisted).unsaved, null, 'its files are reported written, not failed by the old worker');
	});

	it('still fails every open request when it is disposed', async () => {
		const open = client.scan(false, quiet);
		client.dispose();
		await assert.rejects(open, /cancelled/);
	});
});
