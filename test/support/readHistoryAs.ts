import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/** What a child process saw when it listed a Hermes home and read every message. */
export type ReadOutcome =
	| { readonly ok: true; readonly sessions: readonly string[]; readonly messages: number; readonly problems: readonly string[] }
	| { readonly ok: false; readonly code: string; readonly message: string };

const unprivilegedId = 65534;

interface ChildProgram {
	readonly node: string;
	readonly script: string;
}

let unprivilegedProgram: ChildProgram | undefined;

/**
 * "nobody" may not be able to reach the checkout (it can live under a private folder such as
 * /root), so the child runs from a world-readable temporary folder: a copy of this Node and the
 * reader bundled into one script.
 */
function programForNobody(): ChildProgram {
	if (unprivilegedProgram && existsSync(unprivilegedProgram.script)) {
		return unprivilegedProgram;
	}
	const dir = mkdtempSync(join(tmpdir(), 'hermes-reader-child-'));
	chmodSync(dir, 0o755);
	process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
	const node = join(dir, 'node');
	copyFileSync(process.execPath, node);
	chmodSync(node, 0o755);
	const script = join(dir, 'readHistoryChild.cjs');
	buildSync({ entryPoints: [join(import.meta.dirname, 'readHistoryChild.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
	chmodSync(script, 0o644);
	unprivilegedProgram = { node, script };
	return unprivilegedProgram;
}

/**
 * Reads a home in a child process. As root, file permissions do not apply, so the child then
 * runs as "nobody" (uid/gid 65534); the home's parent folders must be traversable by it.
 */
export function readHistoryAsUnprivileged(home: string): ReadOutcome {
	const asRoot = process.getuid?.() === 0;
	const { node, script } = asRoot ? programForNobody() : { node: process.execPath, script: join(import.meta.dirname, 'readHistoryChild.ts') };
	const result = spawnSync(node, ['--disable-warning=ExperimentalWarning', script, home], {
		encoding: 'utf8',
		timeout: 30_000,
		...(asRoot ? { uid: unprivilegedId, gid: unprivilegedId } : {}),
	});
	if (result.error) {
		throw new Error(`The reader child could not run: ${result.error.message}`);
	}
	const line = result.stdout.trim().split('\n').at(-1) ?? '';
	if (result.status !== 0 || line === '') {
		throw new Error(`The reader child failed (status ${String(result.status)}): ${result.stderr}`);
	}
	return JSON.parse(line) as ReadOutcome;
}
