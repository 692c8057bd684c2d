// Fresh, isolated folders for one code-server run, plus the artifacts folder that outlives it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './tools.ts';

export interface RunDirs {
	/** Temporary root of the run; removed by `removeRunDirs`. Short, because VS Code puts Unix sockets in TMPDIR. */
	readonly root: string;
	readonly home: string;
	readonly tmp: string;
	readonly userData: string;
	readonly extensions: string;
	readonly browserProfile: string;
	readonly browserHome: string;
	readonly workspace: string;
	/** out/e2e/<name>: screenshots, logs and result.json, kept after the run. */
	readonly artifacts: string;
}

export function makeRunDirs(name: string): RunDirs {
	const root = mkdtempSync(join(tmpdir(), 'hae-'));
	const artifacts = join(projectRoot, 'out', 'e2e', name);
	rmSync(artifacts, { recursive: true, force: true });
	const dirs: RunDirs = {
		root,
		home: join(root, 'h'),
		tmp: join(root, 't'),
		userData: join(root, 'ud'),
		extensions: join(root, 'ext'),
		browserProfile: join(root, 'bp'),
		browserHome: join(root, 'bh'),
		workspace: join(root, 'workspace'),
		artifacts,
	};
	for (const dir of Object.values(dirs)) {
		mkdirSync(dir, { recursive: true });
	}
	return dirs;
}

export function removeRunDirs(dirs: RunDirs): void {
	rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
}
