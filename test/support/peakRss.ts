import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, removeDir } from './fixtures.ts';

export interface MeasuredRun {
	readonly status: number | null;
	readonly stdout: string;
	readonly stderr: string;
	/** The child's peak resident set size (all its threads), in MB. */
	readonly peakRssMb: number;
}

/**
 * Runs a Node script as a child process and reports its peak memory: a preloaded module reads
 * `process.resourceUsage().maxRSS` (getrusage, which covers worker threads too) as the process
 * exits, and writes it to a file.
 */
export function runNodeMeasured(args: readonly string[], timeoutMs: number): MeasuredRun {
	const dir = makeTempDir('hermes-rss-');
	try {
		const report = join(dir, 'max-rss.txt');
		const preload = join(dir, 'reportMaxRss.cjs');
		writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`);
		const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', '--require', preload, ...args], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
			timeout: timeoutMs,
		});
		let peakRssMb = Number.NaN;
		try {
			peakRssMb = Number(readFileSync(report, 'utf8')) / 1024;
		} catch {
			// The child died without running its exit handlers (killed, or aborted out of memory).
		}
		return { status: run.status, stdout: run.stdout, stderr: run.stderr, peakRssMb };
	} finally {
		removeDir(dir);
	}
}
