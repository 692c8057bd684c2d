// The Hermes home the end-to-end flow runs against, and its expected figures from the project's CLI.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Snapshot } from '../../../src/core/model.ts';

const cli = join(import.meta.dirname, '..', '..', '..', 'dist', 'cli.js');

/** `cli.js scan --home COPY --json` on a copy, so the home VS Code watches is never written by the CLI. */
export function scanWithCli(home: string): Snapshot {
	const copy = mkdtempSync(join(tmpdir(), 'hae-cli-'));
	try {
		copyHistory(home, copy);
		const stdout = execFileSync(process.execPath, [cli, 'scan', '--home', copy, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		return JSON.parse(stdout) as Snapshot;
	} finally {
		rmSync(copy, { recursive: true, force: true });
	}
}

export function score(snapshot: Snapshot): string {
	return `${snapshot.unlocked_count}/${snapshot.total_count}`;
}

/**
 * Copies what Hermes wrote (state.db with its WAL, legacy sessions/), not the extension's own files,
 * which it may be replacing at this very moment.
 */
export function copyHistory(home: string, target: string): void {
	for (const name of ['state.db', 'state.db-wal', 'sessions']) {
		if (existsSync(join(home, name))) {
			cpSync(join(home, name), join(target, name), { recursive: true });
		}
	}
}
