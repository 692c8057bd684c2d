// `npm run bench`: the performance plan, measured. Generates histories with the project's own
// generator (100, 1,000 and 5,000 sessions; 10,000 with --large), then, three runs each, times
// the coordinator exactly as the extension host uses it (the bundled worker and its helper threads) and prints
// medians with min and max, ending with a verdict against the targets.
//   npm run bench                          sizes 100, 1000, 5000
//   npm run bench -- --large               adds 10000
//   npm run bench -- --sizes 1000,5000     chosen sizes only
//   npm run bench -- --json                last line: one JSON object of medians per size
//   npm run bench -- --background 20       seconds of the background-CPU run (default 60)
//   npm run bench -- --only cold           the cold full scan and its peak RSS only (faster to iterate)
//   npm run bench -- --only background     the cold scan (it creates the state), then only the
//                                          background-CPU run: the other measures are left out (n/a)
//   npm run bench -- --runs 5              runs per size (default 3)
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import { createAchievementsService } from '../src/core/coordinator.ts';
import { appendMessages, generateHistory } from '../src/core/demo/historyGenerator.ts';
import { openHistory } from '../src/core/hermes/history.ts';
import { percentile } from '../src/core/scan/scanStatistics.ts';
import { pluginPaths } from '../src/core/store/pluginPaths.ts';
import { watchHome } from './bench/homeWatcher.ts';

const defaultRuns = 3;
const cachedReads = 1000;
const benchSeed = 7;
const repo = resolve(import.meta.dirname, '..');
// The bundled worker, as the extension and the command line start it (built before the runs).
const workerScript = join(repo, 'dist', 'scanWorker.js');
const writerScript = join(repo, 'scripts', 'bench', 'hermesWriter.ts');
/** Hermes' pace in the background-CPU run: one message every two seconds. */
const writerIntervalMs = 2000;
const cacheDir = join(repo, '.cache', 'bench');

interface Measures {
	coldMs: number;
	/** CPU of every thread during the cold scan: less sensitive than wall time to a busy machine. */
	coldCpuS: number;
	cachedP50Ms: number;
	cachedP95Ms: number;
	unchangedMs: number;
	oneChangedMs: number;
	inplaceEditMs: number;
	loopDelayP99Ms: number;
	peakRssMb: number;
	backgroundCpuSPerMin: number;
}

const columns: readonly [string, keyof Measures, (v: number) => string][] = [
	['cold full scan', 'coldMs', ms],
	['cold full scan, CPU of all threads', 'coldCpuS', (v) => `${v.toFixed(2)} s`],
	['cached read p50', 'cachedP50Ms', ms],
	['cached read p95', 'cachedP95Ms', ms],
	['refresh, nothing changed', 'unchangedMs', ms],
	['refresh, one session changed', 'oneChangedMs', ms],
	['refresh catching an edit in place', 'inplaceEditMs', ms],
	['event-loop delay p99 (cold scan)', 'loopDelayP99Ms', ms],
	['peak RSS (process)', 'peakRssMb', (v) => `${v.toFixed(0)} MB`],
	['background CPU per minute (1 msg / 2 s)', 'backgroundCpuSPerMin', (v) => `${v.toFixed(2)} s`],
];

/** The --json keys, in the issue's names. */
const jsonKeys: readonly [string, keyof Measures][] = [
	['cold_ms', 'coldMs'],
	['cold_cpu_s', 'coldCpuS'],
	['one_changed_ms', 'oneChangedMs'],
	['inplace_edit_ms', 'inplaceEditMs'],
	['nothing_changed_ms', 'unchangedMs'],
	['cached_p95_ms', 'cachedP95Ms'],
	['event_loop_p99_ms', 'loopDelayP99Ms'],
	['peak_rss_mb', 'peakRssMb'],
	['background_cpu_s_per_min', 'backgroundCpuSPerMin'],
];

const childArgs = process.argv.indexOf('--measure');
if (childArgs >= 0) {
	// One run in a process of its own, so its peak memory is the scan's and nobody else's.
	const [home, run, backgroundSeconds, only] = process.argv.slice(childArgs + 1);
	process.stdout.write(JSON.stringify(await measure(home!, Number(run), Number(backgroundSeconds), only as Only)));
	process.exit(0);
}

execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' });
const sizes = chosenSizes(process.argv.slice(2));
const backgroundSeconds = optionValue(process.argv.slice(2), '--background') ?? 60;
const runs = optionValue(process.argv.slice(2), '--runs') ?? defaultRuns;
const only = textOption(process.argv.slice(2), '--only') ?? 'all';
if (only !== 'all' && only !== 'cold' && only !== 'background') {
	throw new Error(`--only takes "cold" or "background", not "${only}"`);
}
const results = new Map<number, Measures[]>();
const loadBefore = loadavg();

console.log(`Hermes Achievements benchmark: ${runs} runs per size, sizes ${sizes.join(', ')} (Node ${process.version}, ${process.platform}/${process.arch})`);
for (const size of sizes) {
	// The runs write to the history (appends, a blanked message): they get a copy, so the generated
	// one stays as generated and every invocation starts from the same data.
	const home = scratchCopyOf(historyOf(size));
	const measures: Measures[] = [];
	try {
		for (let run = 1; run <= runs; run++) {
			measures.push(measureInChild(home, run, backgroundSeconds, only));
			console.log(`  ${size} sessions, run ${run}: ${describe(measures.at(-1)!)}`);
		}
	} finally {
		rmSync(home, { recursive: true, force: true });
	}
	results.set(size, measures);
}
const loadAfter = loadavg();
printTable();
printVerdict();
if (process.argv.includes('--json')) {
	printJson();
}

function optionValue(args: readonly string[], name: string): number | undefined {
	const at = args.indexOf(name);
	const value = at >= 0 ? Number(args[at + 1]) : NaN;
	return Number.isFinite(value) && value > 0 ? value : undefined;
}

function textOption(args: readonly string[], name: string): string | undefined {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
}

function chosenSizes(args: readonly string[]): number[] {
	const listed = args.indexOf('--sizes');
	if (listed >= 0) {
		return (args[listed + 1] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
	}
	return args.includes('--large') ? [100, 1000, 5000, 10000] : [100, 1000, 5000];
}

/** A generated history per size, made once and reused (the generator is deterministic). */
function historyOf(size: number): string {
	const home = join(cacheDir, `s${size}`);
	const marker = join(home, 'bench.json');
	if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).seed === benchSeed) {
		return home;
	}
	rmSync(home, { recursive: true, force: true });
	mkdirSync(home, { recursive: true });
	const started = performance.now();
	const written = generateHistory({ home, sessions: size, seed: benchSeed, schema: 'v17' });
	console.log(`  generated ${size} sessions (${written.messages} messages, ${(written.chars / 1e6).toFixed(1)} M chars) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	writeFileSync(marker, JSON.stringify({ seed: benchSeed, ...written }));
	return home;
}

function scratchCopyOf(home: string): string {
	const copy = `${home}-run`;
	rmSync(copy, { recursive: true, force: true });
	cpSync(home, copy, { recursive: true });
	return copy;
}

function measureInChild(home: string, run: number, seconds: number, only: Only): Measures {
	const output = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--measure', home, String(run), String(seconds), only], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 1 << 20,
	});
	// A measure left out (--only) is NaN, which JSON carries as null.
	return JSON.parse(output, (_key, value: unknown) => (value === null ? NaN : value)) as Measures;
}

type Only = 'all' | 'cold' | 'background';

async function measure(home: string, run: number, seconds: number, only: Only): Promise<Measures> {
	rmSync(pluginPaths(home).dir, { recursive: true, force: true });
	// The benchmark, like the command line, uses every core.
	const service = createAchievementsService({ home, ttlMs: 60 * 60 * 1000, workerScript, scanWorkers: availableParallelism() });
	try {
		// Cold: no snapshot, no checkpoint; the caller waits for the bootstrap scan.
		const loop = monitorEventLoopDelay({ resolution: 5 });
		loop.enable();
		const coldCpu = process.cpuUsage();
		let started = performance.now();
		const cold = await service.request();
		const coldMs = performance.now() - started;
		const coldCpuUsed = process.cpuUsage(coldCpu);
		loop.disable();
		if (cold.error) {
			throw new Error(`cold scan failed: ${cold.error}`);
		}
		if (only !== 'all') {
			// The peak of a cold scan includes persisting its result.
			await service.flush();
			const backgroundCpuSPerMin = only === 'background' ? await backgroundCpu(service, home, seconds) : NaN;
			return {
				coldMs,
				coldCpuS: (coldCpuUsed.user + coldCpuUsed.system) / 1e6,
				cachedP50Ms: NaN,
				cachedP95Ms: NaN,
				unchangedMs: NaN,
				oneChangedMs: NaN,
				inplaceEditMs: NaN,
				backgroundCpuSPerMin,
				loopDelayP99Ms: loop.percentile(99) / 1e6,
				peakRssMb: process.resourceUsage().maxRSS / 1024,
			};
		}

		const reads: number[] = [];
		for (let i = 0; i < cachedReads; i++) {
			started = performance.now();
			await service.request();
			reads.push(performance.now() - started);
		}

		// Each timed refresh starts idle: results are persisted after they are delivered, and a
		// refresh issued meanwhile would queue behind that write (file events come much later).
		await service.flush();
		started = performance.now();
		await service.refresh();
		const unchangedMs = performance.now() - started;

		await service.flush();
		appendMessages(home, newestSessionId(home), [{ role: 'user', content: `benchmark run ${run}: one more message, please run the tests again` }]);
		started = performance.now();
		const touched = await service.refresh();
		const oneChangedMs = performance.now() - started;
		if (touched.scan_meta.sessions_rescanned !== 1) {
			throw new Error(`expected one session re-read after one append, got ${touched.scan_meta.sessions_rescanned}`);
		}

		await service.flush();
		blankOlderAssistantText(home, run);
		started = performance.now();
		const edited = await service.refresh();
		const inplaceEditMs = performance.now() - started;
		if (edited.scan_meta.sessions_rescanned !== 1) {
			throw new Error(`expected one session re-read after an edit in place, got ${edited.scan_meta.sessions_rescanned}`);
		}

		await service.flush();
		const backgroundCpuSPerMin = await backgroundCpu(service, home, seconds);
		return {
			coldMs,
			coldCpuS: (coldCpuUsed.user + coldCpuUsed.system) / 1e6,
			cachedP50Ms: percentile(reads, 0.5),
			cachedP95Ms: percentile(reads, 0.95),
			unchangedMs,
			oneChangedMs,
			inplaceEditMs,
			backgroundCpuSPerMin,
			loopDelayP99Ms: loop.percentile(99) / 1e6,
			// The process's peak resident set: the worker's memory plus this (small) main thread.
			peakRssMb: process.resourceUsage().maxRSS / 1024,
		};
	} finally {
		service.dispose();
	}
}

/**
 * Hermes' clean-up of stale tool-call marker text: one assistant message of an older session blanked
 * in place, no counter, timestamp or title touched. Each run picks another session.
 */
function blankOlderAssistantText(home: string, run: number): void {
	const db = new DatabaseSync(join(home, 'state.db'));
	try {
		const row = db.prepare(`SELECT m.id AS id FROM messages m WHERE m.session_id = (SELECT id FROM sessions ORDER BY started_at DESC LIMIT 1 OFFSET ?)
			AND m.role = 'assistant' AND m.content IS NOT NULL AND m.content != '' ORDER BY m.id LIMIT 1`).get(100 + run * 37);
		if (row === undefined) {
			throw new Error('no older session with assistant text to blank');
		}
		db.prepare(`UPDATE messages SET content = '' WHERE id = ?`).run(row.id as number);
	} finally {
		db.close();
	}
}

/**
 * CPU of this whole process (main thread and scan workers) while a separate process writes one
 * message every two seconds and a watcher refreshes the service as the extension's does.
 */
async function backgroundCpu(service: ReturnType<typeof createAchievementsService>, home: string, seconds: number): Promise<number> {
	const watcher = watchHome(home, () => void service.refresh().catch(() => undefined));
	const before = process.cpuUsage();
	const writer = spawn(process.execPath, [...process.execArgv, writerScript, home, newestSessionId(home), String(seconds), String(writerIntervalMs)], { stdio: 'inherit' });
	const exitCode = await new Promise<number | null>((resolve) => writer.on('exit', resolve));
	// The last write's refresh is part of the load.
	await new Promise((resolve) => setTimeout(resolve, 1000));
	await service.flush();
	const used = process.cpuUsage(before);
	watcher.stop();
	if (exitCode !== 0) {
		throw new Error(`the background writer failed (exit code ${exitCode})`);
	}
	return ((used.user + used.system) / 1e6) * (60 / seconds);
}

function newestSessionId(home: string): string {
	const history = openHistory(home);
	try {
		const first = history.listSessions()[0];
		if (!first) {
			throw new Error('the generated history has no sessions');
		}
		return first.id;
	} finally {
		history.close();
	}
}

function describe(m: Measures): string {
	return `cold ${ms(m.coldMs)}, cached p95 ${ms(m.cachedP95Ms)}, unchanged ${ms(m.unchangedMs)}, one changed ${ms(m.oneChangedMs)}, in place ${ms(m.inplaceEditMs)}, loop p99 ${ms(m.loopDelayP99Ms)}, peak RSS ${m.peakRssMb.toFixed(0)} MB, background CPU ${Number.isNaN(m.backgroundCpuSPerMin) ? 'n/a' : `${m.backgroundCpuSPerMin.toFixed(2)} s/min`}`;
}

function ms(value: number): string {
	return Number.isNaN(value) ? 'n/a' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 1 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`;
}

function stats(values: readonly number[]): { median: number; min: number; max: number } {
	const sorted = [...values].sort((a, b) => a - b);
	return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
}

function printTable(): void {
	console.log(`\n| measure (median [min–max] of ${runs}) | ${sizes.map((s) => `${s} sessions`).join(' | ')} |`);
	console.log(`|---|${sizes.map(() => '---').join('|')}|`);
	for (const [label, key, format] of columns) {
		const cells = sizes.map((size) => {
			const { median, min, max } = stats(results.get(size)!.map((m) => m[key]));
			return `${format(median)} [${format(min)}–${format(max)}]`;
		});
		console.log(`| ${label} | ${cells.join(' | ')} |`);
	}
}

function printVerdict(): void {
	const median = (size: number, key: keyof Measures): number | undefined => {
		const measures = results.get(size);
		const value = measures && stats(measures.map((m) => m[key])).median;
		return value === undefined || Number.isNaN(value) ? undefined : value;
	};
	const checks: [string, number | undefined, number, (v: number) => string][] = [
		['cached read p95 <= 1 ms (largest size)', median(sizes.at(-1)!, 'cachedP95Ms'), 1, ms],
		['5,000 sessions: cold full scan <= 3.5 s', median(5000, 'coldMs'), 3500, ms],
		['10,000 sessions: cold full scan <= 7 s', median(10000, 'coldMs'), 7000, ms],
		['5,000 sessions: refresh after one appended message <= 25 ms', median(5000, 'oneChangedMs'), 25, ms],
		['10,000 sessions: refresh after one appended message <= 50 ms', median(10000, 'oneChangedMs'), 50, ms],
		['5,000 sessions: refresh catching an edit in place <= 300 ms', median(5000, 'inplaceEditMs'), 300, ms],
		['5,000 sessions: refresh with nothing changed <= 5 ms', median(5000, 'unchangedMs'), 5, ms],
		['5,000 sessions: event-loop delay p99 during the cold scan <= 16 ms', median(5000, 'loopDelayP99Ms'), 16, ms],
		['5,000 sessions: peak RSS of a cold scan <= 300 MB', median(5000, 'peakRssMb'), 300, (v) => `${v.toFixed(0)} MB`],
		['10,000 sessions: peak RSS <= 300 MB', median(10000, 'peakRssMb'), 300, (v) => `${v.toFixed(0)} MB`],
		['5,000 sessions: background CPU <= 1.0 s per minute', median(5000, 'backgroundCpuSPerMin'), 1, (v) => `${v.toFixed(2)} s`],
	];
	console.log('\nVerdict');
	for (const [label, value, target, format] of checks) {
		console.log(value === undefined ? `  n/a   ${label} (size or measure not run)` : `  ${value <= target ? 'PASS' : 'FAIL'}  ${label}: ${format(value)}`);
	}
}

function printJson(): void {
	const out: Record<string, unknown> = {};
	for (const size of sizes) {
		const measures = results.get(size)!;
		out[String(size)] = Object.fromEntries(jsonKeys.map(([name, key]) => [name, round(stats(measures.map((m) => m[key])).median)]));
	}
	out.machine = { cores: availableParallelism(), load_before: loadBefore.map(round), load_after: loadAfter.map(round), node: process.version };
	console.log(JSON.stringify(out));
}

function round(value: number): number {
	return Math.round(value * 1000) / 1000;
}
