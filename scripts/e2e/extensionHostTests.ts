// The @vscode/test-electron equivalent on code-server: the workbench URL's `payload` hands
// extensionDevelopmentPath/extensionTestsPath to the real Node extension host (honoured by a built
// product only with the smoke-test driver enabled), which requires the tests file and calls run().
// The outcome comes back through window.codeAutomationExit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.ts';
import { startCodeServer } from './codeServer.ts';
import type { RunDirs } from './runDirs.ts';
import type { E2eTools } from './tools.ts';

export interface ExtensionHostRunOptions {
	readonly extensionDevelopmentPath: string;
	/** A CommonJS file exporting `run(): Promise<void>`. */
	readonly extensionTestsPath: string;
	readonly env: NodeJS.ProcessEnv;
	readonly timeoutMs: number;
}

export interface ExtensionHostRun {
	/** The extension host's exit code; null when the tests never finished (timeout). */
	readonly exitCode: number | null;
	readonly durationMs: number;
}

interface LogFile {
	readonly relativePath: string;
	readonly contents: Record<string, number>;
}

export async function runInExtensionHost(tools: E2eTools, dirs: RunDirs, options: ExtensionHostRunOptions): Promise<ExtensionHostRun> {
	const started = Date.now();
	const logLines: string[] = [];
	const server = await startCodeServer(tools, dirs, {
		env: options.env,
		folder: dirs.workspace,
		extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
	});
	const context = await launchBrowser(tools, dirs);
	let timer: NodeJS.Timeout | undefined;
	try {
		const page = context.pages()[0] ?? await context.newPage();
		let settle: (code: number | null) => void = () => undefined;
		const finished = new Promise<number | null>((resolve) => {
			settle = resolve;
		});
		await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
			// The workbench's own log lines arrive here too: everything goes to page.log, not the console.
			logLines.push(`[${type}] ${format(...(args ?? []))}`);
		});
		await page.exposeFunction('codeAutomationExit', (code: number, logFiles: readonly LogFile[] | undefined) => {
			for (const file of logFiles ?? []) {
				const target = join(dirs.artifacts, 'vscode-logs', file.relativePath);
				mkdirSync(dirname(target), { recursive: true });
				writeFileSync(target, Buffer.from(Object.values(file.contents)));
			}
			settle(code);
		});
		page.on('console', (message) => logLines.push(`[console:${message.type()}] ${message.text()}`));
		page.on('pageerror', (error) => logLines.push(`[pageerror] ${error.message}`));
		const authority = `127.0.0.1:${server.port}`;
		const payload = [
			['extensionDevelopmentPath', `vscode-remote://${authority}${options.extensionDevelopmentPath}`],
			['extensionTestsPath', `vscode-remote://${authority}${options.extensionTestsPath}`],
		];
		await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
			{ waitUntil: 'domcontentloaded' });
		const timedOut = new Promise<null>((resolve) => {
			timer = setTimeout(() => resolve(null), options.timeoutMs);
		});
		const exitCode = await Promise.race([finished, timedOut]);
		await page.screenshot({ path: join(dirs.artifacts, exitCode === 0 ? 'after-tests.png' : 'failure.png') }).catch(() => undefined);
		return { exitCode, durationMs: Date.now() - started };
	} finally {
		clearTimeout(timer);
		writeFileSync(join(dirs.artifacts, 'page.log'), logLines.join('\n'));
		await context.close().catch(() => undefined);
		await server.stop();
	}
}
