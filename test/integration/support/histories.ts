// Generated Hermes homes for the extension-host tests, and their expected figures from the project's CLI.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHistory } from '../../../src/core/demo/historyGenerator.ts';
import type { Snapshot } from '../../../src/core/model.ts';

export interface ExpectedFigures {
	readonly unlockedCount: number;
	readonly totalCount: number;
	readonly unlockedNames: readonly string[];
}

/** A new Hermes home in the temp folder with a generated state.db. */
export function makeGeneratedHome(seed: number, sessions: number): string {
	const home = mkdtempSync(join(tmpdir(), `hermes-it-${seed}-`));
	generateHistory({ home, sessions, seed });
	return home;
}

/**
 * Runs `cli.js scan --home COPY --json` on a copy of the home (the CLI keeps its snapshot files in
 * the home it scans, and the extension must find the real home untouched).
 */
export function expectedFiguresFromCli(extensionPath: string, home: string): ExpectedFigures {
	const copy = mkdtempSync(join(tmpdir(), 'hermes-it-copy-'));
	try {
		// Only what Hermes writes: the extension may be replacing its own files in the home right now.
		for (const name of ['state.db', 'state.db-wal', 'sessions']) {
			if (existsSync(join(home, name))) {
				cpSync(join(home, name), join(copy, name), { recursive: true });
			}
		}
		const stdout = execFileSync(process.execPath, [join(extensionPath, 'dist', 'cli.js'), 'scan', '--home', copy, '--json'], {
			encoding: 'utf8',
			// Under Electron (@vscode/test-electron) execPath is the app binary; this makes it plain Node.
			env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
			maxBuffer: 64 * 1024 * 1024,
		});
		const snapshot = JSON.parse(stdout) as Snapshot;
		return {
			unlockedCount: snapshot.unlocked_count,
			totalCount: snapshot.total_count,
			unlockedNames: snapshot.achievements.filter((achievement) => achievement.unlocked).map((achievement) => achievement.name),
		};
	} finally {
		rmSync(copy, { recursive: true, force: true });
	}
}

export function removeHome(home: string): void {
	rmSync(home, { recursive: true, force: true });
}
