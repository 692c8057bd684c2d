import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from '../../../src/core/model.ts';
import { pluginPaths } from '../../../src/core/store/pluginPaths.ts';
import { makeTempDir, removeDir } from '../../support/fixtures.ts';
import { JsonLineChild, nodeFlags } from '../../support/jsonLineChild.ts';
import { prepareGrowingHistory } from '../../support/replayHistory.ts';
import type { FinalReport, ServiceReport } from '../../support/serviceProcess.ts';
import { overlappingSpans, readingSpans } from '../../support/readingSpans.ts';
import { testSeed } from '../../support/testSeed.ts';
import { waitFor } from '../../support/waitFor.ts';

const repo = join(import.meta.dirname, '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const serviceScript = join(repo, 'test', 'support', 'serviceProcess.ts');
const writerScript = join(repo, 'test', 'support', 'historyWriter.ts');

const writeEveryMs = 2_000;
const writingMs = 60_000;
const cliEveryMs = 10_000;
/** Sessions in the history when the windows open; the writer adds the rest, one per write. */
const startSessions = 4;
const allSessions = 40;

interface CliRun {
	readonly joined: boolean;
	readonly sessionsRescanned: number;
	readonly unlocks: Record<string, number>;
}

interface PhaseResult {
	readonly finals: FinalReport[];
	readonly announced: string[];
	/** Unlock dates every process (windows and command line) saw, in every snapshot it had. */
	readonly seen: Record<string, number>[];
	readonly initial: Record<string, string>;
	readonly cliRuns: CliRun[];
	readonly sessionsAdded: number;
	readonly totalScans: number;
	/** Two windows reading the history at once, if that ever happened. */
	readonly overlap: string | undefined;
	readonly home: string;
}

function unlockDates(snapshot: Pick<Snapshot, 'achievements'>): Record<string, number> {
	return Object.fromEntries(snapshot.achievements.flatMap((a) => (a.unlocked && a.unlocked_at !== null ? [[a.id, a.unlocked_at]] : [])));
}

function runCli(args: readonly string[]): Promise<Snapshot> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...nodeFlags, cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Snapshot) : reject(new Error(`cli ${args.join(' ')} exited with ${code}`))));
	});
}

/**
 * N windows on one home while Hermes writes for a minute and the command line scans every ten
 * seconds; then each window is asked for its final snapshot and counters.
 */
async function runPhase(windows: number, seed: number, dirs: string[]): Promise<PhaseResult> {
	const root = makeTempDir('hermes-multi-');
	dirs.push(root);
	const home = join(root, 'home');
	const history = prepareGrowingHistory({ sourceHome: join(root, 'source'), home, sessions: allSessions, keep: startSessions, seed });

	const services = Array.from({ length: windows }, (_, i) =>
		new JsonLineChild<ServiceReport>(serviceScript, [home, i === 0 ? 'focused' : 'unfocused'], `window ${i}`));
	try {
		// Every window has its first snapshot before Hermes starts writing (the bootstrap counts as a scan).
		await waitFor('every window\'s first snapshot', () => (services.every((s) => s.find((l) => ('snapshot' in l ? l : undefined))) ? true : undefined), 60_000);
		// What was unlocked before Hermes wrote anything: never announced, so left out of the check below.
		const initialTiers = (await runCli(['scan', '--home', home, '--json'])).achievements;
		const writer = new JsonLineChild<{ added: string }>(writerScript, [home, history.sourceDb, String(writeEveryMs), String(writingMs), ...history.pending], 'writer');
		const started = Date.now();
		const cliRuns: CliRun[] = [];
		for (let next = started + cliEveryMs; next <= started + writingMs; next += cliEveryMs) {
			await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
			const snapshot = await runCli(['scan', '--home', home, '--json']);
			cliRuns.push({ joined: snapshot.scan_meta.joined === true, sessionsRescanned: snapshot.scan_meta.sessions_rescanned, unlocks: unlockDates(snapshot) });
		}
		assert.equal(await writer.exited, 0, 'the writer failed');

		for (const service of services) {
			service.send('final');
		}
		const codes = await Promise.all(services.map((s) => s.exited));
		assert.deepEqual(codes, services.map(() => 0), 'every window exits cleanly');
		const finals = services.map((s, i) => {
			const final = s.find((l) => ('final' in l ? l.final : undefined));
			assert.ok(final, `window ${i} reported no final snapshot`);
			return final;
		});
		const announced = services.flatMap((s) => s.lines.flatMap((l) => ('announce' in l ? [l.announce] : [])));
		const seen = [
			...services.flatMap((s) => s.lines.flatMap((l) => ('snapshot' in l ? [l.snapshot.unlocks] : []))),
			...finals.map((f) => f.unlocks),
			...cliRuns.map((r) => r.unlocks),
		];
		const totalScans = finals.reduce((sum, f) => sum + f.counters.scans_run, 0) + cliRuns.filter((r) => !r.joined).length;
		return {
			finals,
			announced,
			seen,
			initial: Object.fromEntries(initialTiers.filter((a) => a.unlocked).map((a) => [a.id, a.tier ?? 'unlocked'])),
			cliRuns,
			sessionsAdded: writer.lines.length,
			totalScans,
			overlap: overlappingSpans(readingSpans(services)),
			home,
		};
	} finally {
		for (const service of services) {
			service.kill();
		}
	}
}

describe('several windows and the command line on one home while Hermes writes', function () {
	this.timeout(400_000);
	const dirs: string[] = [];
	after(() => dirs.forEach(removeDir));

	it('scans no more than one window alone would, announces each unlock once, keeps the earliest dates and every record, and ends equal to a rebuild', async () => {
		const seed = testSeed('multi-process');
		const alone = await runPhase(1, seed, dirs);
		const three = await runPhase(3, seed, dirs);
		const describe = (p: PhaseResult): string =>
			`${p.totalScans} scans (${p.finals.map((f) => f.counters.scans_run).join('+')} in windows, ${p.cliRuns.filter((r) => !r.joined).length}/${p.cliRuns.length} command-line runs scanned; ` +
			`joined ${p.finals.map((f) => f.counters.scans_joined).join('+')}; command line read ${p.cliRuns.map((r) => r.sessionsRescanned).join(',')} sessions; ${p.announced.length} unlocks announced)`;
		process.stdout.write(`      one window: ${describe(alone)}\n      three windows: ${describe(three)}\n`);

		for (const phase of [alone, three]) {
			const label = `${phase.finals.length} window(s)`;
			assert.equal(phase.overlap, undefined, `${label}: two windows scanned at once`);
			assert.ok(phase.sessionsAdded >= 25, `${label}: the writer added only ${phase.sessionsAdded} sessions`);

			// Each unlock announced once per machine, and every unlock or tier raise announced.
			const counts = new Map<string, number>();
			for (const key of phase.announced) {
				counts.set(key, (counts.get(key) ?? 0) + 1);
			}
			const twice = [...counts].filter(([, n]) => n > 1);
			assert.deepEqual(twice, [], `${label}: announced more than once`);
			const reached = phase.finals[0]!.achievements
				.filter((a) => a.unlocked && phase.initial[a.id] !== (a.tier ?? 'unlocked'))
				.map((a) => `${a.id}@${a.tier ?? 'unlocked'}`);
			assert.ok(reached.length >= 3, `${label}: the writer's sessions unlocked or raised only ${reached.length} achievements`);
			for (const key of reached) {
				assert.equal(counts.get(key), 1, `${label}: ${key} was reached but announced ${counts.get(key) ?? 0} times (announced: ${phase.announced.join(' ')})`);
			}

			// The shared history keeps every record any process saw, dated the earliest any process saw.
			const earliest = new Map<string, number>();
			for (const dates of phase.seen) {
				for (const [id, at] of Object.entries(dates)) {
					earliest.set(id, Math.min(at, earliest.get(id) ?? Infinity));
				}
			}
			const paths = pluginPaths(phase.home);
			const state = (JSON.parse(readFileSync(paths.unlockState, 'utf8')) as { unlocks: Record<string, { unlocked_at: number }> }).unlocks;
			const ours = (JSON.parse(readFileSync(paths.unlockCopy, 'utf8')) as { unlocks: Record<string, { unlocked_at: number }> }).unlocks;
			for (const [id, at] of earliest) {
				assert.equal(state[id]?.unlocked_at, at, `${label}: state.json dates ${id} ${state[id]?.unlocked_at}, earliest seen ${at}`);
				assert.equal(ours[id]?.unlocked_at, at, `${label}: our copy dates ${id} ${ours[id]?.unlocked_at}, earliest seen ${at}`);
			}

			// Every window ends where a rebuild from scratch ends (on a copy: the rebuild must not feed the windows' files).
			const copy = join(makeTempDir('hermes-rebuild-'), 'home');
			dirs.push(copy);
			cpSync(phase.home, copy, { recursive: true });
			const rebuilt = await runCli(['scan', '--home', copy, '--full', '--json']);
			const essentials = (achievements: readonly { id: string; tier: string | null; progress: number; unlocked: boolean }[]) =>
				achievements.map(({ id, tier, progress, unlocked }) => ({ id, tier, progress, unlocked }));
			phase.finals.forEach((final, i) => {
				assert.deepEqual(essentials(final.achievements), essentials(rebuilt.achievements), `${label}: window ${i}'s achievements differ from a rebuild`);
				assert.deepEqual(final.aggregate, rebuilt.aggregate, `${label}: window ${i}'s aggregate differs from a rebuild`);
			});
		}

		assert.ok(three.totalScans <= 1.3 * alone.totalScans, `three windows ran ${three.totalScans} scans, one alone ${alone.totalScans} (limit 1.3x)`);
	});
});
