import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateHistory } from '../../../src/core/demo/historyGenerator.ts';
import { SeededRandom } from '../../../src/core/demo/random.ts';
import { ownerPathFor, readScanOwner } from '../../../src/core/scan/scanOwner.ts';
import type { ScanOwner } from '../../../src/core/scan/scanOwner.ts';
import { pluginPaths } from '../../../src/core/store/pluginPaths.ts';
import { ProcessLock } from '../../../src/core/store/processLock.ts';
import { makeTempDir, removeDir } from '../../support/fixtures.ts';
import { JsonLineChild } from '../../support/jsonLineChild.ts';
import type { ServiceReport } from '../../support/serviceProcess.ts';
import { overlappingSpans, readingSpans } from '../../support/readingSpans.ts';
import { testSeed } from '../../support/testSeed.ts';
import { waitFor } from '../../support/waitFor.ts';

const repo = join(import.meta.dirname, '..', '..', '..');
const serviceScript = join(repo, 'test', 'support', 'serviceProcess.ts');

/** Large enough that a full scan shows progress in the owner file (it does once a second). */
const historySessions = 1_000;
const windows = 3;
const kills = 50;
const takeoverLimitMs = 5_000;

type Unlocks = Record<string, { unlocked_at: number }>;

function readUnlocks(path: string): Unlocks {
	return (JSON.parse(readFileSync(path, 'utf8')) as { unlocks: Unlocks }).unlocks;
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

describe('kill -9 of the process that scans', function () {
	this.timeout(400_000);
	let root: string;
	let home: string;
	const alive = new Map<number, JsonLineChild<ServiceReport>>();
	before(() => {
		root = makeTempDir('hermes-kill-');
		home = join(root, 'home');
		generateHistory({ home, sessions: historySessions, seed: 7 });
	});
	after(() => {
		for (const child of alive.values()) {
			child.kill();
		}
		removeDir(root);
	});

	function spawnWindow(): JsonLineChild<ServiceReport> {
		const child = new JsonLineChild<ServiceReport>(serviceScript, [home, 'unfocused'], 'window');
		alive.set(child.pid, child);
		return child;
	}

	it(`is taken over within ${takeoverLimitMs / 1000} s, ${kills} times, one reader at a time, leaving no orphan lock, no corrupt file and no lost record`, async () => {
		const seed = testSeed('kill -9');
		const random = new SeededRandom(seed);
		const paths = pluginPaths(home);
		const ownerFile = ownerPathFor(paths.scanLock);

		for (let i = 0; i < windows; i++) {
			spawnWindow();
		}
		await waitFor('every window\'s first snapshot', () => ([...alive.values()].every((w) => w.find((l) => ('snapshot' in l ? true : undefined))) ? true : undefined), 120_000);
		await waitFor('the unlock history on disk', () => { try { return readUnlocks(paths.unlockState); } catch { return undefined; } });
		const before = readUnlocks(paths.unlockState);
		assert.ok(Object.keys(before).length >= 5, `the history unlocks only ${Object.keys(before).length} achievements`);

		/** The owner file, when it names a live window of ours that has reported progress. */
		const scanningOwner = (): ScanOwner | undefined => {
			const owner = readScanOwner(ownerFile);
			return owner && alive.has(owner.pid) && owner.sessions_total > 0 ? owner : undefined;
		};
		// A rebuild of this history may end before it is caught: then every window is asked again,
		// at most once a second.
		let askedAt = 0;
		const askAgain = (): undefined => {
			if (performance.now() - askedAt >= 1_000) {
				askedAt = performance.now();
				for (const window of alive.values()) window.send('rescan');
			}
			return undefined;
		};
		const takeovers: number[] = [];
		const everyWindow: JsonLineChild<ServiceReport>[] = [...alive.values()];
		const killedAtByPid = new Map<number, number>();
		for (let round = 0; round < kills; round++) {
			askedAt = performance.now();
			for (const window of alive.values()) {
				window.send('rescan');
			}
			await waitFor(`round ${round}: a window of ours scanning with progress`, () => scanningOwner() ?? askAgain(), 30_000, () => readScanOwner(ownerFile));
			await new Promise((resolve) => setTimeout(resolve, random.int(0, 400)));
			// The scan may have ended during the pause: kill whoever owns the lock now, and if nobody
			// does, ask for another rebuild (a scan of this history takes well under a second now).
			const owner = await waitFor(`round ${round}: the owner to kill`, () => {
				const now = readScanOwner(ownerFile);
				return now && alive.has(now.pid) ? now : askAgain();
			}, 30_000, () => readScanOwner(ownerFile));
			const victim = alive.get(owner.pid)!;
			const survivors = [...alive.values()].filter((w) => w !== victim);
			// Each window asked for a rebuild this round, but the survivors may have run theirs before
			// the victim took the lock: asking again means someone still has work to resume.
			for (const survivor of survivors) {
				survivor.send('rescan');
			}
			const linesBefore = new Map(survivors.map((s) => [s, s.lines.length]));
			victim.kill('SIGKILL');
			const killedAt = performance.now();
			const killedAtWall = Date.now();
			killedAtByPid.set(owner.pid, killedAtWall);
			alive.delete(owner.pid);
			await waitFor(`round ${round}: another window to take over from pid ${owner.pid}`, () => {
				const next = readScanOwner(ownerFile);
				const tookOver = next !== null && next.pid !== owner.pid && alive.has(next.pid);
				// Or finished already: a survivor reports a rebuild it ran itself.
				const finished = survivors.some((s) => s.find((l) => ('snapshot' in l && l.snapshot.mode === 'full' && !l.snapshot.joined ? true : undefined), linesBefore.get(s)));
				return tookOver || finished ? true : undefined;
			}, 30_000, () => readScanOwner(ownerFile), 10);
			takeovers.push(performance.now() - killedAt);
			await victim.exited;
			everyWindow.push(spawnWindow());
		}
		const slowest = Math.max(...takeovers);
		process.stdout.write(`      takeover after kill -9: median ${median(takeovers).toFixed(0)} ms, max ${slowest.toFixed(0)} ms over ${takeovers.length} kills\n`);
		assert.ok(slowest < takeoverLimitMs, `a takeover took ${slowest.toFixed(0)} ms: ${takeovers.map((t) => t.toFixed(0)).join(', ')}`);

		// Shut everything down as a closing window would; each finishes what it was asked first.
		for (const window of alive.values()) {
			window.send('stop');
		}
		const codes = await Promise.all([...alive.values()].map((w) => w.exited));
		assert.deepEqual(codes, codes.map(() => 0), 'every window exits cleanly');
		alive.clear();

		// One reader at a time, all along: a window's worker reads only while its window holds the lock.
		const readings = readingSpans(everyWindow, killedAtByPid);
		assert.ok(readings.length >= kills, `only ${readings.length} scans were seen reading`);
		assert.equal(overlappingSpans(readings), undefined);

		// No orphan lock: a newcomer gets both locks at once.
		for (const lockFile of [paths.scanLock, paths.unlockLock]) {
			const lock = new ProcessLock(() => [lockFile]);
			try {
				assert.equal(lock.tryAcquire(), true, `${lockFile} is still held`);
			} finally {
				lock.dispose();
			}
		}

		// No corrupt file: everything we keep parses, and nothing had to be set aside as damaged.
		const files = filesUnder(paths.dataDir);
		for (const expected of [paths.unlockState, paths.unlockCopy, paths.snapshot, paths.checkpoint]) {
			assert.ok(files.includes(expected), `${expected} is missing`);
		}
		for (const file of files.filter((f) => f.endsWith('.json'))) {
			assert.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')), `${file} does not parse`);
		}
		assert.deepEqual(files.filter((f) => f.includes('.corrupt')), [], 'a file was found damaged and set aside');

		// No lost record: every unlock recorded before the kills is still there, never dated later.
		for (const path of [paths.unlockState, paths.unlockCopy]) {
			const after = readUnlocks(path);
			for (const [id, record] of Object.entries(before)) {
				assert.ok(after[id], `${path} lost ${id}`);
				assert.ok(after[id].unlocked_at <= record.unlocked_at, `${path} dates ${id} ${after[id].unlocked_at}, later than ${record.unlocked_at}`);
			}
		}
	});
});
