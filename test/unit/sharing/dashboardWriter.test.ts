import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createAchievementsService } from '../../../src/core/coordinator.ts';
import { pluginPaths } from '../../../src/core/store/pluginPaths.ts';
import { HistoryEditor } from '../../support/historyEdits.ts';
import { removeDir, unpackParityHome } from '../../support/fixtures.ts';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const workerScript = join(repo, 'src', 'core', 'scan', 'scanWorker.ts');

interface StateFile {
	readonly unlocks: Record<string, { readonly unlocked_at: number }>;
}

describe('state.json shared with a dashboard that writes it in place, without a lock', function () {
	this.timeout(120_000);

	it('keeps every record and the earliest date of each, through torn and overwriting writes', async () => {
		const home = unpackParityHome('seed7-s100-v17');
		const service = createAchievementsService({ home, ttlMs: 3_600_000, workerScript });
		try {
			const first = await service.refresh();
			await service.flush();
			const ours = new Map(first.achievements.filter((a) => a.unlocked).map((a) => [a.id, a.unlocked_at ?? 0]));
			assert.ok(ours.size >= 4, 'the fixture unlocks enough to share');
			const ourIds = [...ours.keys()];
			// The dashboard saw half of our unlocks a day earlier, one of them later, and two we never had.
			const dashboard: Record<string, number> = {};
			ourIds.slice(0, ourIds.length >> 1).forEach((id, i) => (dashboard[id] = (ours.get(id) ?? 0) - 86_400 - i));
			dashboard[ourIds.at(-1)!] = (ours.get(ourIds.at(-1)!) ?? 0) + 5_000;
			dashboard.dashboard_only_one = 1_700_000_000;
			dashboard.dashboard_only_two = 1_700_000_100;

			const paths = pluginPaths(home);
			const stopFile = join(home, 'stop-dashboard');
			const writer = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', join(repo, 'test', 'support', 'dashboardWriter.ts'), paths.unlockState, JSON.stringify(dashboard), stopFile], { stdio: ['ignore', 'pipe', 'inherit'] });
			let writes = '';
			writer.stdout.on('data', (chunk: Buffer) => (writes += chunk.toString()));
			const writerDone = new Promise<number | null>((done) => writer.on('close', done));

			// Hermes keeps writing, and every refresh merges: 40 of ours interleaved with the dashboard's.
			const editor = new HistoryEditor(home);
			const [session] = editor.sessionIds();
			assert.ok(session);
			for (let round = 0; round < 40; round++) {
				await new Promise((done) => setTimeout(done, 20 + (round % 5) * 20));
				editor.appendMessages(session, [{ role: 'user', content: `still here ${round}` }]);
				const snapshot = await service.refresh();
				for (const id of ourIds) {
					const shown = snapshot.achievements.find((a) => a.id === id)?.unlocked_at;
					assert.ok(shown !== null && shown !== undefined && shown <= (ours.get(id) ?? 0), `${id} never loses its date (round ${round})`);
				}
			}
			mkdirSync(home, { recursive: true });
			writeFileSync(stopFile, '');
			assert.equal(await writerDone, 0);
			assert.ok(Number(writes) >= 10, `the dashboard wrote ${writes} times meanwhile`);

			// After its last (whole) write, one more refresh of ours merges again.
			editor.appendMessages(session, [{ role: 'user', content: 'last word' }]);
			await service.refresh();
			await service.flush();
			const shared = JSON.parse(readFileSync(paths.unlockState, 'utf8')) as StateFile;
			const expected = new Map(ours);
			for (const [id, date] of Object.entries(dashboard)) {
				expected.set(id, Math.min(date, expected.get(id) ?? Infinity));
			}
			assert.deepEqual(Object.keys(shared.unlocks).sort(), [...expected.keys()].sort(), 'every record of both tools is there');
			for (const [id, date] of expected) {
				assert.equal(shared.unlocks[id]?.unlocked_at, date, `${id}: the earliest date either tool saw`);
			}
			const copy = JSON.parse(readFileSync(paths.unlockCopy, 'utf8')) as StateFile;
			assert.deepEqual(copy.unlocks, shared.unlocks, 'our copy agrees');
		} finally {
			service.dispose();
			removeDir(home);
		}
	});
});
