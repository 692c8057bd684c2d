import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { ProcessLock } from '../../../src/core/store/processLock.ts';
import { makeTempDir, removeDir } from '../../support/fixtures.ts';
import { nodeFlags } from '../../support/jsonLineChild.ts';
import { waitFor } from '../../support/waitFor.ts';

const processLockModule = pathToFileURL(join(import.meta.dirname, '..', '..', '..', 'src', 'core', 'store', 'processLock.ts')).href;

describe('store/processLock across processes', () => {
	let dir: string;
	beforeEach(() => (dir = makeTempDir('hermes-lock-')));
	afterEach(() => removeDir(dir));

	it('is refused, not granted and not an error, to a process that first opens it while another holds it, and free once the holder is killed', async () => {
		const path = join(dir, 'scan.lock');
		const holder = spawn(process.execPath, [...nodeFlags, '--input-type=module', '-e', `
			import { ProcessLock } from ${JSON.stringify(processLockModule)};
			const lock = new ProcessLock(() => [${JSON.stringify(path)}]);
			console.log(lock.tryAcquire() ? 'held' : 'refused');
			process.stdin.on('data', () => lock.release());
		`], { stdio: ['pipe', 'pipe', 'inherit'] });
		try {
			const first = await new Promise<string>((resolve) => createInterface({ input: holder.stdout }).once('line', resolve));
			assert.equal(first, 'held');

			// A newcomer (a window opened later, the command line) opens the file while it is held.
			const lock = new ProcessLock(() => [path]);
			try {
				assert.equal(lock.tryAcquire(), false, 'granted while another process holds it');
				assert.equal(lock.tryAcquire(), false);
				holder.kill('SIGKILL');
				await waitFor('the lock to come free after kill -9', () => (lock.tryAcquire() ? true : undefined), 5_000);
				assert.equal(lock.held, true);
			} finally {
				lock.dispose();
			}
		} finally {
			holder.kill('SIGKILL');
		}
	});
});
