// `npm run bench:earned`: what the earned dates cost, at 5,000 sessions of the benchmark's history
// (the generator's v17 schema, seed 7; shared with `npm run bench` under .cache/bench). It scans the
// history cold once (in process, no worker), then times the earned-dates update alone on the real
// contributions, exactly as the scan engine calls it, for the three cases the budget names:
//   - one new newest session (a single step of the running prefix)     target < 5 ms
//   - a change to the oldest session (a replay from the contributions) target < 100 ms
//   - the cold build, as a share of the cold scan it is part of         target < 3 %
//   node scripts/earnedDatesCost.ts [--sessions N] [--runs N]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalog } from '../src/core/catalog/catalog.ts';
import { generateHistory } from '../src/core/demo/historyGenerator.ts';
import { EarnedDates, historyOrder } from '../src/core/engine/earnedDates.ts';
import type { EarnedUpdate } from '../src/core/engine/earnedDates.ts';
import type { Contribution } from '../src/core/model.ts';
import { ScanEngine } from '../src/core/scan/scanEngine.ts';
import { loadCheckpoint } from '../src/core/store/checkpointStore.ts';
import { pluginPaths } from '../src/core/store/pluginPaths.ts';
import { engineVersion } from '../src/core/scan/scanEngine.ts';

type Sessions = Map<string, { readonly contribution: Contribution }>;

const args = process.argv.slice(2);
const size = numberArg('--sessions', 5000);
const runs = numberArg('--runs', 9);
const benchSeed = 7;
const cacheDir = join(resolve(import.meta.dirname, '..'), '.cache', 'bench');

const home = historyOf(size);
rmSync(pluginPaths(home).dir, { recursive: true, force: true });
console.log(`Earned dates cost: ${size} sessions, ${runs} runs each (Node ${process.version}, ${process.platform}/${process.arch})`);

let started = performance.now();
const cold = await new ScanEngine(home).scan(false);
const coldScanMs = performance.now() - started;
if (cold.error) {
	throw new Error(`cold scan failed: ${cold.error}`);
}
const { checkpoint } = await loadCheckpoint(pluginPaths(home).checkpoint, engineVersion);
if (!checkpoint) {
	throw new Error('the cold scan left no checkpoint');
}
const base: Sessions = new Map(checkpoint.sessions);
const ordered = [...base.values()].map((e) => e.contribution).sort(historyOrder);
const newest = ordered.at(-1)!;
const oldest = ordered[0]!;
console.log(`  cold scan (whole engine, in process): ${ms(coldScanMs)}; ${base.size} sessions, ${cold.achievements.reduce((n, a) => n + a.tier_history.length, 0)} tiers earned`);

const coldBuild = timeRuns(() => ({ earned: new EarnedDates(), sessions: base }), 'appended');
const appendOne = timeRuns(() => {
	const earned = primed();
	const sessions: Sessions = new Map(base);
	const next = { ...newest, session_id: `${newest.session_id}_next`, started_at: (newest.started_at ?? 0) + 60 };
	sessions.set(next.session_id, { contribution: next });
	return { earned, sessions };
}, 'appended');
const changeOldest = timeRuns(() => {
	const earned = primed();
	const sessions: Sessions = new Map(base);
	const stats = { ...oldest.stats, tool_call_count: oldest.stats.tool_call_count + 250, message_count: oldest.stats.message_count + 1 };
	sessions.set(oldest.session_id, { contribution: { ...oldest, stats } });
	return { earned, sessions };
}, 'replayed');
const unchanged = timeRuns(() => ({ earned: primed(), sessions: base }), 'unchanged');

const share = (coldBuild.median / coldScanMs) * 100;
console.log('\n| earned dates update | median | min | max |');
console.log('|---|---|---|---|');
for (const [label, m] of [['cold build (every session)', coldBuild], ['one new newest session', appendOne], ['the oldest session changed (replay)', changeOldest], ['nothing changed', unchanged]] as const) {
	console.log(`| ${label} | ${ms(m.median)} | ${ms(m.min)} | ${ms(m.max)} |`);
}
console.log('\nVerdict');
verdict(`one new newest session adds < 5 ms`, appendOne.median < 5, ms(appendOne.median));
verdict(`a change to an old session adds < 100 ms`, changeOldest.median < 100, ms(changeOldest.median));
verdict(`the cold scan grows by < 3 %`, share < 3, `${ms(coldBuild.median)} of ${ms(coldScanMs)} = ${share.toFixed(2)} %`);

/** An EarnedDates already up to date with the base history, as the engine holds it between scans. */
function primed(): EarnedDates {
	const earned = new EarnedDates();
	earned.update(base);
	return earned;
}

/** What buildSnapshot reads afterwards: every achievement's tier history and the activity. */
function readAsSnapshotDoes(earned: EarnedDates): void {
	for (const entry of catalog) {
		earned.tierHistory(entry.id);
	}
	earned.activity();
}

/** Times the `update` call and the reads a snapshot makes; each run gets its own prepared state. */
function timeRuns(prepare: () => { earned: EarnedDates; sessions: Sessions }, expected: EarnedUpdate) {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const { earned, sessions } = prepare();
		started = performance.now();
		const kind = earned.update(sessions);
		readAsSnapshotDoes(earned);
		times.push(performance.now() - started);
		if (kind !== expected) {
			throw new Error(`expected an update of kind ${expected}, got ${kind}`);
		}
	}
	times.sort((a, b) => a - b);
	return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)! };
}

/** The benchmark's generated history (same folder and marker as scripts/bench.ts), made once. */
function historyOf(sessions: number): string {
	const dir = join(cacheDir, `s${sessions}`);
	const marker = join(dir, 'bench.json');
	if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).seed === benchSeed) {
		return dir;
	}
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const t = performance.now();
	const written = generateHistory({ home: dir, sessions, seed: benchSeed, schema: 'v17' });
	console.log(`  generated ${sessions} sessions (${written.messages} messages) in ${ms(performance.now() - t)}`);
	writeFileSync(marker, JSON.stringify({ seed: benchSeed, ...written }));
	return dir;
}

function verdict(label: string, pass: boolean, value: string): void {
	console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${label}: ${value}`);
}

function numberArg(name: string, fallback: number): number {
	const index = args.indexOf(name);
	const value = index >= 0 ? Number(args[index + 1]) : fallback;
	if (!Number.isInteger(value) || value < 1) {
		throw new Error(`${name} needs a whole number`);
	}
	return value;
}

function ms(value: number): string {
	return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(2)} ms`;
}
