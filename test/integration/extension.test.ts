// Runs inside a real VS Code extension host (code-server's, or @vscode/test-electron's), against the
// built extension: activation, commands, the scan worker, the status bar, the view and settings.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/host/api.ts';
import { expectedFiguresFromCli, makeGeneratedHome, removeHome } from './support/histories.ts';
import type { ExpectedFigures } from './support/histories.ts';
import { appendMessages } from '../../src/core/demo/historyGenerator.ts';
import { HistoryEditor } from '../support/historyEdits.ts';
import { waitFor } from '../support/waitFor.ts';
import { watchWorkers } from './support/workerWatch.ts';

const extensionId = 'hermes-achievements.hermes-achievements';
const commandIds = [
	'hermesAchievements.rescan',
	'hermesAchievements.open',
	'hermesAchievements.openInEditor',
	'hermesAchievements.showScanStatus',
	'hermesAchievements.export',
	'hermesAchievements.resetHistory',
	'hermesAchievements.chooseHome',
	'hermesAchievements.showTimeline',
	'hermesAchievements.exportCard',
];

function scoreText(figures: ExpectedFigures): string {
	return ` ${figures.unlockedCount}/${figures.totalCount}`;
}

/** A settled status bar: one icon (not the spinner, not the warning) and the score. */
function isSettledScore(text: string, figures: ExpectedFigures): boolean {
	const match = /^\$\(([a-z-]+)\)( \d+\/\d+)/.exec(text);
	return match !== null && match[2] === scoreText(figures) && !['warning', 'sync', 'sync~spin', 'error'].includes(match[1] ?? '');
}

async function setHermesHome(value: string | undefined): Promise<void> {
	await vscode.workspace.getConfiguration('hermesAchievements').update('hermesHome', value, vscode.ConfigurationTarget.Global);
}

describe('Hermes Achievements in a real extension host', function () {
	let extension: vscode.Extension<ExtensionApi>;
	let api: ExtensionApi;
	let startHome: string;
	let startFigures: ExpectedFigures;
	/** The hermesHome setting that selects the start home ('' when HERMES_HOME does). */
	let startSetting: string | undefined;
	const homesToRemove: string[] = [];

	before(async function () {
		const found = vscode.extensions.getExtension<ExtensionApi>(extensionId);
		assert.ok(found, `extension ${extensionId} is not loaded`);
		extension = found;
		api = await extension.activate();
		// The runner points HERMES_HOME at a generated history; without it (another runner), make one.
		const envHome = process.env.HERMES_HOME;
		if (envHome && existsSync(join(envHome, 'state.db'))) {
			startHome = envHome;
		} else {
			startHome = makeGeneratedHome(7, 60);
			homesToRemove.push(startHome);
			startSetting = startHome;
			await setHermesHome(startHome);
		}
		startFigures = expectedFiguresFromCli(extension.extensionPath, startHome);
	});

	/** No scan running, and none started or finished for 2.5 s (longer than the watcher's 0.75 s burst window). */
	async function settled(): Promise<void> {
		await waitFor('no scan for 2.5 s', () => {
			const status = api.service.status();
			const last = Math.max(status.last_started_at ?? 0, status.last_finished_at ?? 0);
			return status.scanning === null && Date.now() - last > 2500 ? true : undefined;
		}, 45_000, () => api.service.status());
	}

	after(async function () {
		await setHermesHome(undefined);
		for (const home of homesToRemove) {
			removeHome(home);
		}
	});

	it('activates and exposes its API for the home it resolved', async function () {
		assert.equal(extension.isActive, true);
		const defaultHome = process.env.HERMES_HOME || join(homedir(), '.hermes');
		const expectedHome = homesToRemove.includes(startHome) ? startHome : defaultHome;
		await waitFor(`api.home to be ${expectedHome}`, () => (api.home === expectedHome ? true : undefined), 30_000, () => api.home);
		assert.equal(api.service.status().home, expectedHome, 'the service scans the home the API names');
		assert.equal(api.statusBarState().visible, true, 'the status bar item is shown by default');
		assert.match(api.statusBarState().text, /^\$\([a-z~-]+\) /, 'the status bar starts with an icon');
		// Other extensions can read the API too: it must not hand them rescan or resetHistory.
		assert.deepEqual(Object.keys(api.service).sort(), ['current', 'status']);
	});

	it('registers every command', async function () {
		const registered = new Set(await vscode.commands.getCommands(true));
		const missing = commandIds.filter((id) => !registered.has(id));
		assert.deepEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
	});

	it('finishes the first scan with the figures the command line computes', async function () {
		const snapshot = await waitFor('a complete snapshot of the start home', () => {
			const current = api.service.current();
			return current && !current.partial && api.service.status().last_success_at !== null ? current : undefined;
		}, 60_000, () => api.service.status());
		assert.equal(snapshot.unlocked_count, startFigures.unlockedCount);
		assert.equal(snapshot.total_count, startFigures.totalCount);
		assert.ok(api.service.status().counters.scans_run >= 1, 'no scan was counted');
	});

	it('scans in a worker thread, never on the extension host thread', async function () {
		const watch = await watchWorkers();
		try {
			await vscode.commands.executeCommand('hermesAchievements.rescan');
			const url = await waitFor('the scan worker (dist/scanWorker.js) to be seen', () =>
				watch.workerUrls.find((workerUrl) => workerUrl.endsWith('/dist/scanWorker.js')), 30_000, () => watch.workerUrls);
			assert.ok(url.startsWith('file://'));
		} finally {
			watch.dispose();
		}
	});

	it('Rescan produces a new snapshot (new scan id and generation time)', async function () {
		await waitFor('no scan running', () => (api.service.status().scanning === null ? true : undefined), 60_000);
		const before = api.service.current();
		assert.ok(before, 'no snapshot before the rescan');
		await vscode.commands.executeCommand('hermesAchievements.rescan');
		const after = await waitFor('a snapshot with a new scan_id', () => {
			const current = api.service.current();
			return current && current.scan_id !== before.scan_id && !current.partial ? current : undefined;
		}, 60_000, () => api.service.current()?.scan_id);
		assert.ok(after.generated_at > before.generated_at, `generated_at ${after.generated_at} is not after ${before.generated_at}`);
		assert.equal(after.unlocked_count, startFigures.unlockedCount);
	});

	it('shows the score in the status bar', async function () {
		const expected = scoreText(startFigures);
		const state = await waitFor(`status bar text containing "${expected}"`, () => {
			const current = api.statusBarState();
			return isSettledScore(current.text, startFigures) ? current : undefined;
		}, 30_000, () => api.statusBarState());
		assert.equal(state.visible, true);
		assert.ok(state.tooltip.length > 0, 'the status bar item has no tooltip');
		assert.ok(state.accessibilityLabel.includes(String(startFigures.unlockedCount)), `accessibility label "${state.accessibilityLabel}" lacks the count`);
	});

	it('opens the view, which receives a model of the snapshot', async function () {
		await vscode.commands.executeCommand('hermesAchievements.open');
		const model = await waitFor('the view to be sent a model', () => {
			const posted = api.lastPostedModel();
			return posted && posted.home === startHome && posted.summary.unlocked === startFigures.unlockedCount ? posted : undefined;
		}, 60_000, () => api.lastPostedModel()?.summary);
		assert.equal(model.summary.total, startFigures.totalCount);
		assert.equal(model.achievements.length, startFigures.totalCount);
		const unlockedNames = model.achievements.filter((card) => card.state === 'unlocked').map((card) => card.name).sort();
		assert.deepEqual(unlockedNames, [...startFigures.unlockedNames].sort());
	});

	it('Export Achievements Card opens the editor tab and writes a 1200x630 PNG and an SVG', async function () {
		this.timeout(60_000);
		const folder = mkdtempSync(join(tmpdir(), 'hermes-it-card-'));
		homesToRemove.push(folder);
		const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('hermesAchievements.exportCard', vscode.Uri.file(join(folder, 'card.png')));
		assert.equal(written?.fsPath, join(folder, 'card.png'));
		const png = readFileSync(join(folder, 'card.png'));
		assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
		assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
		const svg = readFileSync(join(folder, 'card.svg'), 'utf8');
		assert.ok(svg.includes(`${startFigures.unlockedCount}</tspan><tspan`), 'the score is not on the SVG');
		assert.ok(!svg.includes(startHome), 'the Hermes home is on the card');
	});

	it('a refresh that finds nothing posts nothing; one appended message gives exactly one refresh', async function () {
		this.timeout(60_000);
		await vscode.commands.executeCommand('hermesAchievements.open');
		await waitFor('the view to have a model', () => api.lastPostedModel(), 30_000);
		await settled();
		const postsBefore = api.modelsPosted();
		const scansBefore = api.service.status().counters.scans_run;
		// Touched, not changed: the watcher's refresh runs a scan that finds nothing new.
		const now = new Date();
		utimesSync(join(startHome, 'state.db'), now, now);
		await waitFor('the refresh of the touched history to run', () => (api.service.status().counters.scans_run > scansBefore ? true : undefined), 30_000);
		await settled();
		assert.equal(api.modelsPosted(), postsBefore, 'a refresh that found nothing posted a model');

		const scansBeforeAppend = api.service.status().counters.scans_run;
		const before = api.service.current();
		const [sessionId] = new HistoryEditor(startHome).sessionIds();
		assert.ok(sessionId, 'the start home has sessions');
		appendMessages(startHome, sessionId, [{ role: 'user', content: 'One more question, please.' }]);
		const after = await waitFor('a refresh that read the one changed session', () => {
			const current = api.service.current();
			return current && current.scan_id !== before?.scan_id && current.scan_meta.sessions_rescanned === 1 ? current : undefined;
		}, 30_000, () => api.service.current()?.scan_meta);
		assert.equal(after.scan_meta.sessions_total, before?.scan_meta.sessions_total);
		// The whole burst (state.db, its -wal, late duplicates) has had time to arrive and be coalesced.
		await settled();
		assert.equal(api.service.status().counters.scans_run, scansBeforeAppend + 1, 'one appended message caused more than one scan');
		const model = api.lastPostedModel();
		assert.equal(model?.lastRead?.sessionsRead, 1, 'the view reports the scan that read the session');
	});

	it('re-points to another Hermes home when the setting changes', async function () {
		const otherHome = makeGeneratedHome(11, 6);
		homesToRemove.push(otherHome);
		const otherFigures = expectedFiguresFromCli(extension.extensionPath, otherHome);
		assert.notEqual(otherFigures.unlockedCount, startFigures.unlockedCount, 'the second history must score differently for this test to mean anything');
		await setHermesHome(otherHome);
		await waitFor(`api.home to become ${otherHome}`, () => (api.home === otherHome ? true : undefined), 30_000, () => api.home);
		const expected = scoreText(otherFigures);
		await waitFor(`status bar text with "${expected}"`, () => (isSettledScore(api.statusBarState().text, otherFigures) ? true : undefined),
			60_000, () => api.statusBarState().text);
		assert.equal(api.service.status().home, otherHome);
		// The first models of a new home show its scan in progress; wait for the finished one.
		const model = await waitFor('the settled view model of the new home', () => {
			const posted = api.lastPostedModel();
			return posted && posted.home === otherHome && posted.scan.phase === 'idle' && posted.scan.updatedAt !== null ? posted : undefined;
		}, 60_000, () => JSON.stringify(api.lastPostedModel()?.scan));
		assert.equal(model.summary.unlocked, otherFigures.unlockedCount);

		await setHermesHome(startSetting);
		await waitFor('api.home to return to the start home', () => (api.home === startHome ? true : undefined), 30_000, () => api.home);
		await waitFor(`status bar back at "${scoreText(startFigures)}"`, () => (isSettledScore(api.statusBarState().text, startFigures) ? true : undefined),
			60_000, () => api.statusBarState().text);
	});
});
