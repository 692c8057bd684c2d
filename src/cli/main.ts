// The command line: the same coordinator, worker and files as the extension, without VS Code.
import { existsSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, usage, UsageError } from './args.ts';
import { cliErrorText } from './errorText.ts';
import type { CliCommand } from './args.ts';
import { formatStatus, formatSummary } from './formatSummary.ts';
import { formatTimeline, timelineJson } from './formatTimeline.ts';
import { createAchievementsService } from '../core/coordinator.ts';
import { resolveHermesHome } from '../core/hermes/home.ts';
import { loadScanStatus } from '../core/scan/statusFile.ts';

/** The extension's default for hermesAchievements.ttlSeconds. */
const defaultTtlMs = 120_000;
const exitOk = 0;
const exitUnreadable = 1;
const exitUsage = 2;

export async function runCli(argv: readonly string[]): Promise<number> {
	let command: CliCommand;
	let home: string;
	try {
		command = parseArgs(argv);
		if (command.command === 'help') {
			process.stdout.write(`${usage}\n`);
			return exitOk;
		}
		home = command.command === 'demo' ? resolve(command.out) : resolveHome(command.home, command.profile);
	} catch (error) {
		if (error instanceof UsageError || error instanceof RangeError) {
			process.stderr.write(`hermes-achievements: ${error.message}\n\n${usage}\n`);
			return exitUsage;
		}
		throw error;
	}
	switch (command.command) {
		case 'scan':
			return scan(home, command.full, command.json);
		case 'timeline':
			return scan(home, false, command.json, 'timeline');
		case 'demo':
			if (!existsSync(join(home, 'state.db'))) {
				// Loaded only here: the generator is most of the command line's code and `scan` never needs it.
				const { generateHistory } = await import('../core/demo/historyGenerator.ts');
				const written = generateHistory({ home, sessions: command.sessions, seed: 7 });
				process.stderr.write(`Generated a demo Hermes history in ${home} (${written.sessions} sessions, ${written.messages} messages).\n`);
			}
			return scan(home, false, command.json);
		case 'status':
			return status(home, command.json);
	}
}

function resolveHome(configuredHome: string | undefined, profile: string | undefined): string {
	return resolveHermesHome({ configuredHome, profile, env: process.env, platform: process.platform, userHome: homedir() }).home;
}

async function scan(home: string, full: boolean, json: boolean, output: 'summary' | 'timeline' = 'summary'): Promise<number> {
	// Nothing else waits for the command line: every core reads.
	const service = createAchievementsService({ home, ttlMs: defaultTtlMs, workerScript: join(__dirname, 'scanWorker.js'), scanWorkers: availableParallelism(), watchSnapshots: false });
	try {
		const snapshot = full ? await service.rescan() : await service.refresh();
		await service.flush();
		const { unsaved } = service.status();
		if (unsaved !== null) {
			process.stderr.write(`hermes-achievements: ${unsaved}\n`);
		}
		// With nothing good to show, the one-line reason is the whole answer (JSON still gets the error result).
		if (json || snapshot.scan_meta.mode !== 'failed') {
			const text = output === 'timeline'
				? (json ? JSON.stringify(timelineJson(snapshot), null, 2) : formatTimeline(snapshot))
				: (json ? JSON.stringify(snapshot, null, 2) : formatSummary(snapshot));
			process.stdout.write(`${text}\n`);
		}
		if (snapshot.error) {
			process.stderr.write(`hermes-achievements: ${cliErrorText(snapshot.error)}\n`);
			return exitUnreadable;
		}
		return exitOk;
	} finally {
		service.dispose();
	}
}

async function status(home: string, json: boolean): Promise<number> {
	const saved = await loadScanStatus(home);
	if (!saved) {
		const message = `No scan has run for ${home} yet. Run "hermes-achievements scan" first.`;
		process.stdout.write(json ? `${JSON.stringify({ state: 'EMPTY', home, message }, null, 2)}\n` : `${message}\n`);
		return exitOk;
	}
	process.stdout.write(`${json ? JSON.stringify(saved, null, 2) : formatStatus(saved)}\n`);
	return exitOk;
}
