import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { gunzipSync } from 'node:zlib';
import { createAchievementsService } from '../../../src/core/coordinator.ts';
import type { AchievementsService } from '../../../src/core/service.ts';
import { pluginPaths } from '../../../src/core/store/pluginPaths.ts';
import { makeTempDir, removeDir } from '../../support/fixtures.ts';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const workerScript = join(repo, 'src', 'core', 'scan', 'scanWorker.ts');
const fixtureDb = join(repo, 'test', 'fixtures', 'parity', 'seed11-s30-v11-quiet.db.gz');
const nobody = 65534;
const hour = 3_600_000;

/** A home anyone can read: a fresh folder, mode 755, with the fixture's state.db (644). */
function readableHome(): string {
	const home = makeTempDir('hermes-readonly-');
	writeFileSync(join(home, 'state.db'), gunzipSync(readFileSync(fixtureDb)));
	chmodSync(join(home, 'state.db'), 0o644);
	chmodSync(home, 0o755);
	return home;
}

/**
 * The built command line, runnable by "nobody": the checkout may sit in a folder nobody cannot
 * enter, so Node and the two bundles are copied to a world-readable folder.
 */
function cliForNobody(): { node: string; cli: string; dir: string } {
	const dir = mkdtempSync(join(tmpdir(), 'hermes-cli-nobody-'));
	chmodSync(dir, 0o755);
	const node = join(dir, 'node');
	copyFileSync(process.execPath, node);
	chmodSync(node, 0o755);
	for (const bundle of ['cli.js', 'scanWorker.js']) {
		copyFileSync(join(repo, 'dist', bundle), join(dir, bundle));
		chmodSync(join(dir, bundle), 0o644);
	}
	return { node, cli: join(dir, 'cli.js'), dir };
}

describe('folders that cannot be written', function () {
	this.timeout(120_000);

	it('a read-only home (another user\'s): results from memory, one sentence on what was not saved, nothing created', () => {
		assert.equal(process.getuid?.(), 0, 'this test runs the command line as "nobody" and needs root to do so');
		const home = readableHome();
		const program = cliForNobody();
		try {
			const run = (...args: string[]) => spawnSync(program.node, ['--disable-warning=ExperimentalWarning', program.cli, ...args], { encoding: 'utf8', uid: nobody, gid: nobody, timeout: 60_000 });
			const json = run('scan', '--home', home, '--json');
			assert.equal(json.status, 0, json.stderr);
			const snapshot = JSON.parse(json.stdout) as { unlocked_count: number; error: string | null; scan_meta: { sessions_total: number } };
			assert.equal(snapshot.error, null);
			assert.ok(snapshot.unlocked_count > 0, 'the results are computed');
			assert.equal(snapshot.scan_meta.sessions_total, 30);
			const sentences = json.stderr.trim().split('\n').filter((line) => line.includes('Could not save'));
			assert.equal(sentences.length, 1, json.stderr);
			assert.match(sentences[0]!, /permission denied/);
			assert.match(sentences[0]!, /shown from memory/);
			assert.doesNotMatch(json.stderr, /EACCES|readonly database/, 'no raw error codes');
			assert.deepEqual(readdirSync(home).sort(), ['state.db'], 'nothing was created in the home');

			const plain = run('scan', '--home', home);
			assert.equal(plain.status, 0, plain.stderr);
			assert.match(plain.stdout, /unlocked/i);
		} finally {
			rmSync(program.dir, { recursive: true, force: true });
			removeDir(home);
		}
	});

	describe('a full disk', () => {
		let mount: string;
		let service: AchievementsService | undefined;
		before(() => {
			mount = mkdtempSync(join(tmpdir(), 'hermes-fulldisk-'));
			const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount], { encoding: 'utf8' });
			assert.equal(mounted.status, 0, `a tiny tmpfs is needed (run as root): ${mounted.stderr}`);
		});
		after(async () => {
			service?.dispose();
			// The scan worker lets go of state.db as it ends, a moment after dispose.
			const deadline = Date.now() + 10_000;
			while (spawnSync('umount', [mount]).status !== 0 && Date.now() < deadline) {
				await new Promise((done) => setTimeout(done, 100));
			}
			rmSync(mount, { recursive: true, force: true });
		});

		it('keeps first-unlock dates in memory, never says FRESH while they are unsaved, and saves them once there is room', async () => {
			const home = join(mount, 'hermes');
			mkdirSync(home);
			writeFileSync(join(home, 'state.db'), gunzipSync(readFileSync(fixtureDb)));
			// Hermes, running, keeps its -wal and -shm beside the database; they exist before the disk fills.
			const hermes = new DatabaseSync(join(home, 'state.db'));
			hermes.exec('PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS hermes_was_here (x); DROP TABLE hermes_was_here;');
			// Fill what is left, so that every write of ours fails with ENOSPC.
			const filler = join(mount, 'filler');
			fillDisk(filler);

			service = createAchievementsService({ home, ttlMs: hour, workerScript });
			const first = await service.refresh();
			assert.equal(first.error, null);
			assert.ok(first.unlocked_count > 0);
			const status = service.status();
			assert.match(status.unsaved ?? '', /disk is full/);
			assert.notEqual(status.state, 'FRESH');
			const dates = new Map(first.achievements.filter((a) => a.unlocked).map((a) => [a.id, a.unlocked_at]));

			// Still full: a later refresh keeps the same dates and still owns up.
			const again = await service.refresh();
			assert.notEqual(service.status().state, 'FRESH');
			for (const a of again.achievements.filter((x) => x.unlocked)) {
				assert.equal(a.unlocked_at, dates.get(a.id), `${a.id} keeps its first date`);
			}

			rmSync(filler);
			hermes.close();
			await service.refresh();
			await service.flush();
			await waitForPersisted(service);
			assert.equal(service.status().unsaved, null);
			assert.equal(service.status().state, 'FRESH');
			const saved = JSON.parse(readFileSync(pluginPaths(home).unlockState, 'utf8')) as { unlocks: Record<string, { unlocked_at: number }> };
			assert.equal(Object.keys(saved.unlocks).length, dates.size);
			for (const [id, date] of dates) {
				assert.equal(saved.unlocks[id]?.unlocked_at, date, `${id} was saved with the date first seen`);
			}
			assert.ok(existsSync(pluginPaths(home).snapshot));
		});
	});
});

function fillDisk(path: string): void {
	const chunk = Buffer.alloc(64 * 1024, 1);
	for (;;) {
		try {
			writeFileSync(path, chunk, { flag: 'a' });
		} catch {
			break;
		}
	}
	for (let size = 4096; size >= 1; size = Math.floor(size / 2)) {
		try {
			writeFileSync(path, Buffer.alloc(size, 1), { flag: 'a' });
		} catch {
			// The last crumbs of room.
		}
	}
}

/** The files are written after the result is handed over: wait until the service says so. */
async function waitForPersisted(service: AchievementsService): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (service.status().unsaved !== null && Date.now() < deadline) {
		await new Promise((done) => setTimeout(done, 50));
	}
}
