import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** What a child process saw when it listed a Hermes home and read every message. */
export type ReadOutcome =
	| { readonly ok: true; readonly sessions: readonly string[]; readonly messages: number; readonly problems: readonly string[] }
	| { readonly ok: false; readonly code: string; readonly message: string };

const unprivilegedId = 65534;

/**
 * Reads a home in a child process. As root, file permissions do not apply, so the child then
 * runs as "nobody" (uid/gid 65534); the home's parent folders must be traversable by it.
 */
export function readHistoryAsUnprivileged(home: string): ReadOutcome {
	const script = join(import.meta.dirname, 'readHistoryChild.ts');
	const asRoot = process.getuid?.() === 0;
	const result = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', script, home], {
		encoding: 'utf8',
		timeout: 30_000,
		...(asRoot ? { uid: unprivilegedId, gid: unprivilegedId } : {}),
	});
	const line = result.stdout.trim().split('\n').at(-1) ?? '';
	if (result.status !== 0 || line === '') {
		throw new Error(`The reader child failed (status ${String(result.status)}): ${result.stderr}`);
	}
	return JSON.parse(line) as ReadOutcome;
}
