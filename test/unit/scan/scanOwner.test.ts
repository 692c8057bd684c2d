import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanHeartbeat, readScanOwner } from '../../../src/core/scan/scanOwner.ts';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForFile(path: string, withinMs: number): Promise<boolean> {
	for (const until = Date.now() + withinMs; Date.now() < until; await pause(10)) {
		if (existsSync(path)) {
			return true;
		}
	}
	return false;
}

describe('scan/scanOwner', () => {
	let dir: string;
	let path: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'hermes-scan-owner-'));
		path = join(dir, 'scan.lock.owner.json');
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('names its owner at once, and removes the file when the scan ends', async () => {
		const heartbeat = new ScanHeartbeat(path, 'bootstrap', Date.now());
		assert.ok(await waitForFile(path, 500), 'written before the first beat');
		assert.equal(readScanOwner(path)?.pid, process.pid);
		heartbeat.stop();
		assert.equal(existsSync(path), false);
	});

	it('not at once: a scan over within a second never writes the file; a longer one does at its first beat', async () => {
		const short = new ScanHeartbeat(path, 'refresh', Date.now(), false);
		await pause(300);
		short.stop();
		await pause(50);
		assert.equal(existsSync(path), false);

		const long = new ScanHeartbeat(path, 'refresh', Date.now(), false);
		try {
			assert.equal(await waitForFile(path, 2_000), true);
			assert.equal(readScanOwner(path)?.kind, 'refresh');
		} finally {
			long.stop();
		}
		assert.equal(existsSync(path), false);
	});
});
