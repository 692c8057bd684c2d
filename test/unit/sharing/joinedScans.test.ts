import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createAchievementsService } from '../../../src/core/coordinator.ts';
import type { Snapshot } from '../../../src/core/model.ts';
import type { AchievementsService } from '../../../src/core/service.ts';
import { ownerPathFor, readScanOwner } from '../../../src/core/scan/scanOwner.ts';
import { pluginPaths } from '../../../src/core/store/pluginPaths.ts';
import { generateHistory } from '../../../src/core/demo/historyGenerator.ts';
import { makeTempDir, removeDir, unpackParityHome } from '../../support/fixtures.ts';
import { waitFor } from '../../support/waitFor.ts';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const workerScript = join(repo, 'src', 'core', 'scan', 'scanWorker.ts');
const hour = 3_600_000;

describe('one scan per home, shared by every process', function () {
	this.timeout(120_000);
	const homes: string[] = [];
	const services: AchievementsService[] = [];
	const service = (home: string): AchievementsService => {
		const made = createAchievementsService({ home, ttlMs: hour, workerScript });
		services.push(made);
		return made;
	};
	afterEach(() => {
		services.splice(0).forEach((s) => s.dispose());
		homes.splice(0).forEach(removeDir);
	});

	it('two services asking at once: one scans, the other takes its result and reads nothing', async () => {
		const home = unpackParityHome('seed7-s100-v11');
		homes.push(home);
		const [a, b] = [service(home), service(home)];
		const [fromA, fromB] = await Promise.all([a.refresh(), b.refresh()]);
		const counters = [a.status().counters, b.status().counters];
		assert.equal(counters[0]!.scans_run + counters[1]!.scans_run, 1, JSON.stringify(counters));
		assert.equal(counters[0]!.scans_joined + counters[1]!.scans_joined, 1, JSON.stringify(counters));
		const joined = [fromA, fromB].find((s) => s.scan_meta.joined === true);
		const scanned = [fromA, fromB].find((s) => s.scan_meta.joined === false);
		assert.ok(joined && scanned, 'one result is joined, one scanned');
		assert.equal(joined.scan_meta.sessions_rescanned, 0, 'the joining process read nothing');
		assert.equal(scanned.scan_meta.sessions_rescanned, scanned.scan_meta.sessions_total);
		assert.deepEqual(joined.aggregate, scanned.aggregate);
		assert.equal(joined.scan_id, scanned.scan_id);
	});

	it('a service that did not ask picks up the snapshot another process wrote', async () => {
		const home = unpackParityHome('seed11-s30-v11-quiet');
		homes.push(home);
		const watcher = service(home);
		await watcher.refresh();
		const changes: (Snapshot | undefined)[] = [];
		watcher.onDidChange(({ snapshot }) => changes.push(snapshot));
		const other = service(home);
		const rebuilt = await other.rescan();
		const seen = await waitFor('the watching service to take the new snapshot', () => (watcher.current()?.scan_id === rebuilt.scan_id ? watcher.current() : undefined));
		assert.equal(seen.scan_meta.joined, true);
		assert.equal(watcher.status().counters.scans_run, 1, 'it ran no scan of its own');
		assert.ok(changes.length > 0, 'and told its listeners');
	});

	it('the command line joins a scan running in another process, prints its result and says it joined', async () => {
		const home = makeTempDir('hermes-join-');
		homes.push(home);
		generateHistory({ home, sessions: 400, seed: 3 });
		const owner = service(home);
		const running = owner.rescan();
		const lock = pluginPaths(home).scanLock;
		await waitFor('the service to hold the scan lock', () => (existsSync(ownerPathFor(lock)) && readScanOwner(ownerPathFor(lock))?.pid === process.pid ? true : undefined), 30_000);
		const cli = await runCli(['scan', '--home', home, '--json']);
		const scanned = await running;
		assert.equal(cli.code, 0, cli.stderr);
		const printed = JSON.parse(cli.stdout) as Snapshot;
		assert.equal(printed.scan_meta.joined, true, 'the command line joined');
		assert.equal(printed.scan_meta.sessions_rescanned, 0);
		assert.equal(printed.scan_id, scanned.scan_id);
		assert.equal(owner.status().counters.scans_run, 1);
	});
});

function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((done) => {
		const child = spawn(process.execPath, [join(repo, 'dist', 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('close', (code) => done({ code, stdout, stderr }));
	});
}
