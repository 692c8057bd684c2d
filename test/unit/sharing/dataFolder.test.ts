import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createAchievementsService } from '../../../src/core/coordinator.ts';
import type { AchievementsService } from '../../../src/core/service.ts';
import { pluginPaths } from '../../../src/core/store/pluginPaths.ts';
import { removeDir, unpackParityHome } from '../../support/fixtures.ts';

const workerScript = resolve(import.meta.dirname, '..', '..', '..', 'src', 'core', 'scan', 'scanWorker.ts');
const hour = 3_600_000;

/** Every file below a folder, as paths relative to it. */
function filesBelow(dir: string): string[] {
	if (!existsSync(dir)) {
		return [];
	}
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
		.sort();
}

describe('our data folder beside the dashboard plugin', function () {
	this.timeout(60_000);
	let home: string;
	const services: AchievementsService[] = [];
	const service = (): AchievementsService => {
		const made = createAchievementsService({ home, ttlMs: hour, workerScript });
		services.push(made);
		return made;
	};
	beforeEach(() => {
		home = unpackParityHome('seed7-s100-v17');
	});
	afterEach(() => {
		services.splice(0).forEach((s) => s.dispose());
		removeDir(home);
	});

	it('keeps everything in plugin-data, creates nothing under plugins/, and shares only state.json with the dashboard', async () => {
		const first = service();
		const snapshot = await first.refresh();
		await first.flush();
		assert.ok(snapshot.unlocked_count > 0);
		const paths = pluginPaths(home);
		assert.equal(existsSync(join(home, 'plugins')), false, 'nothing under plugins/');
		const ours = filesBelow(paths.dataDir);
		assert.ok(ours.includes('state.json'), ours.join(', '));
		for (const name of ours.filter((file) => file !== 'state.json')) {
			assert.ok(name.startsWith(`vscode${'/'}`), `${name} is in our own folder`);
		}
		// Names the dashboard plugin reads in its data folder are never ours.
		for (const dashboardName of ['scan_snapshot.json', 'scan_checkpoint.json']) {
			assert.equal(existsSync(join(paths.dataDir, dashboardName)), false, dashboardName);
		}
	});

	it('takes over what earlier versions left in the install folder, leaves the dashboard\'s files there and in plugin-data alone', async () => {
		// An earlier version's files: ours, under the dashboard's names, in the install folder.
		const earlier = service();
		const before = await earlier.refresh();
		await earlier.flush();
		earlier.dispose();
		const paths = pluginPaths(home);
		mkdirSync(paths.legacyDir, { recursive: true });
		renameSync(paths.snapshot, join(paths.legacyDir, 'scan_snapshot.json'));
		renameSync(paths.checkpoint, join(paths.legacyDir, 'scan_checkpoint.json'));
		renameSync(paths.status, join(paths.legacyDir, 'scan_status.json'));
		// The original dashboard plugin's own unlock history there, with one earlier date.
		const [someId] = before.achievements.filter((a) => a.unlocked).map((a) => a.id);
		assert.ok(someId);
		const legacyState = JSON.stringify({ unlocks: { [someId]: { evidence: null, first_tier: 'Copper', unlocked_at: 1_600_000_000 } } }, null, 2);
		writeFileSync(paths.legacyUnlockState, legacyState);
		// The current dashboard's checkpoint in plugin-data, in its own format.
		const dashboardCheckpoint = JSON.stringify({ schema_version: 1, generated_at: 1, sessions: {} });
		writeFileSync(join(paths.dataDir, 'scan_checkpoint.json'), dashboardCheckpoint);

		const upgraded = service();
		const after = await upgraded.refresh();
		await upgraded.flush();
		assert.equal(after.scan_meta.mode, 'incremental', 'the old checkpoint was taken over: no cold scan');
		assert.equal(after.scan_meta.sessions_rescanned, 0);
		assert.deepEqual(after.aggregate, before.aggregate);
		assert.deepEqual(filesBelow(paths.legacyDir), ['state.json'], 'only the dashboard\'s file stays in the install folder');
		assert.equal(readFileSync(paths.legacyUnlockState, 'utf8'), legacyState, 'and it is left exactly as it was');
		assert.equal(readFileSync(join(paths.dataDir, 'scan_checkpoint.json'), 'utf8'), dashboardCheckpoint);
		assert.equal(after.achievements.find((a) => a.id === someId)?.unlocked_at, 1_600_000_000, 'the earlier date from the install folder wins');
		const shared = JSON.parse(readFileSync(paths.unlockState, 'utf8')) as { unlocks: Record<string, { unlocked_at: number }> };
		assert.equal(shared.unlocks[someId]?.unlocked_at, 1_600_000_000);
	});

	it('never creates a Hermes home that does not exist', async () => {
		const missing = join(home, 'not-yet');
		const made = createAchievementsService({ home: missing, ttlMs: hour, workerScript });
		services.push(made);
		const result = await made.refresh();
		assert.match(result.error ?? '', /No Hermes home/);
		assert.equal(existsSync(missing), false);
	});
});
