// Starts and stops code-server (the VS Code server plus web workbench) in its own process group.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { RunDirs } from './runDirs.ts';
import type { E2eTools } from './tools.ts';

export interface CodeServer {
	readonly url: string;
	readonly port: number;
	readonly process: ChildProcess;
	stop(): Promise<void>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** HOME, XDG and TMPDIR point into the run, so nothing leaks into the real user's folders. */
export function codeServerEnv(tools: E2eTools, dirs: RunDirs, extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PATH: `${join(tools.node24Dir, 'bin')}:${process.env.PATH ?? ''}`,
		HOME: dirs.home,
		XDG_CONFIG_HOME: join(dirs.home, '.config'),
		XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
		XDG_CACHE_HOME: join(dirs.home, '.cache'),
		TMPDIR: dirs.tmp,
		...extra,
	};
	for (const key of Object.keys(env)) {
		if (key.startsWith('VSCODE_') || key.startsWith('npm_') || key === 'ELECTRON_RUN_AS_NODE') {
			delete env[key];
		}
	}
	return env;
}

export function installVsix(tools: E2eTools, dirs: RunDirs, vsix: string, env: NodeJS.ProcessEnv): void {
	const result = spawnSync(tools.node24, [tools.codeServerEntry,
		'--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
		'--install-extension', vsix, '--force'], { env, encoding: 'utf8', timeout: 120_000 });
	writeFileSync(join(dirs.artifacts, 'install-extension.log'), `${result.stdout}\n${result.stderr}`);
	if (result.status !== 0) {
		throw new Error(`code-server --install-extension ${vsix} failed (exit ${String(result.status)}): ${result.stderr || String(result.error)}`);
	}
}

export interface StartOptions {
	readonly env: NodeJS.ProcessEnv;
	readonly folder: string;
	readonly extraArgs?: readonly string[];
}

export async function startCodeServer(tools: E2eTools, dirs: RunDirs, options: StartOptions): Promise<CodeServer> {
	const port = await freePort();
	const args = [tools.codeServerEntry,
		'--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
		'--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
		'--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
		'--disable-getting-started-override', '--ignore-last-opened',
		...(options.extraArgs ?? []), options.folder];
	const log = createWriteStream(join(dirs.artifacts, 'code-server.log'));
	// Its own process group: stopping signals exactly the group (server, extension host, pty host, watcher).
	const child = spawn(tools.node24, args, { env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.pipe(log);
	child.stderr.pipe(log);
	let exit: string | undefined;
	child.on('exit', (code, signal) => {
		exit = `code ${String(code)}, signal ${String(signal)}`;
	});
	const stop = (): Promise<void> => stopProcessGroup(child);
	trackForCleanup(stop);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (exit) {
			throw new Error(`code-server exited during start-up (${exit}); see ${join(dirs.artifacts, 'code-server.log')}`);
		}
		try {
			const response = await fetch(`${url}/healthz`);
			if (response.ok) {
				return { url, port, process: child, stop };
			}
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await stop();
	throw new Error('code-server did not answer /healthz within 120 s');
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
	const pid = child.pid;
	if (pid === undefined) {
		return;
	}
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		signalGroup(pid, 'SIGTERM');
		const killer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 8000);
		await exited;
		clearTimeout(killer);
	}
	// The extension host or the file watcher may outlive the server process for a moment.
	await new Promise((resolve) => setTimeout(resolve, 300));
	signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// the group is gone
	}
}

const pendingCleanups = new Set<() => Promise<void>>();
let signalHandlersInstalled = false;

/** Stops what was started even when the runner is interrupted (Ctrl+C, a CI timeout's SIGTERM). */
export function trackForCleanup(cleanup: () => Promise<void>): void {
	pendingCleanups.add(cleanup);
	if (signalHandlersInstalled) {
		return;
	}
	signalHandlersInstalled = true;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			void Promise.allSettled([...pendingCleanups].map((fn) => fn())).then(() => process.exit(130));
		});
	}
}
