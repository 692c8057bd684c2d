// THE test command (`npm test`): type-check, lint, unit tests, build, package, the extension-host suite in a
// real VS Code (code-server) and the end-to-end UI flow in Chromium. Every part prints its own result;
// the last line is always `N passed, M failed`, summed over all parts. A part that cannot run at all
// counts as one failure, with its reason. Exit code 0 only when nothing failed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
// Everything runs on the project's Node 24 (the `node` dev dependency), even when this script was
// started by an older `node`: its bin folder goes first on PATH for every child.
const binDir = join(root, 'node_modules', '.bin');
const node = existsSync(join(binDir, 'node')) ? join(binDir, 'node') : process.execPath;
const childPath = `${binDir}:${process.env.PATH ?? ''}`;
const startedAt = Date.now();
const results = [];

function elapsed(since) {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Runs a command with its output passed through; resolves with the exit code and the captured output. */
function run(command, args, options = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: childPath, ...options.env } });
		let output = '';
		const forward = (stream) => (chunk) => {
			output += chunk;
			stream.write(chunk);
		};
		child.stdout.on('data', forward(process.stdout));
		child.stderr.on('data', forward(process.stderr));
		child.on('error', (error) => resolve({ code: -1, output: `${output}\n${error.message}`, error }));
		child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, output }));
	});
}

function record(name, passed, failed, since, reason) {
	results.push({ name, passed, failed, seconds: (Date.now() - since) / 1000, reason });
	const verdict = failed === 0 ? 'OK' : 'FAILED';
	console.log(`\n=== ${name}: ${verdict}, ${passed} passed, ${failed} failed (${elapsed(since)})${reason ? ` — ${reason}` : ''}\n`);
}

function header(name) {
	console.log(`\n=== ${name} (started at +${elapsed(startedAt)})`);
	return Date.now();
}

/** A part that is one check: it passed when the command exited with 0. */
async function singleCheck(name, command, args, extraCheck) {
	const since = header(name);
	const result = await run(command, args);
	if (result.code !== 0) {
		record(name, 0, 1, since, result.error ? `could not run: ${result.error.message}` : `exit code ${result.code}${result.signal ? ` (${result.signal})` : ''}`);
		return false;
	}
	const problem = extraCheck?.();
	record(name, problem ? 0 : 1, problem ? 1 : 0, since, problem);
	return !problem;
}

/** A mocha run with the spec reporter: counts come from its "N passing" / "N failing" lines. */
async function mochaPart(name, args) {
	const since = header(name);
	const result = await run(bin('mocha'), args);
	const passing = Number(/^\s*(\d+) passing/m.exec(result.output)?.[1] ?? NaN);
	const failing = Number(/^\s*(\d+) failing/m.exec(result.output)?.[1] ?? 0);
	if (Number.isNaN(passing)) {
		record(name, 0, Math.max(1, failing), since, `mocha did not report results (exit code ${result.code})`);
		return;
	}
	const unexplained = result.code !== 0 && failing === 0;
	record(name, passing, failing + (unexplained ? 1 : 0), since, unexplained ? `mocha exited with ${result.code}` : undefined);
}

async function extensionHostPart() {
	const name = 'extension-host tests (code-server)';
	const since = header(name);
	const result = await run(node, ['--disable-warning=ExperimentalWarning', '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', join(root, 'scripts', 'e2e', 'runIntegration.ts')]);
	const file = join(root, 'out', 'e2e', 'integration', 'result.json');
	let report;
	try {
		report = JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		record(name, 0, 1, since, `no result file (runner exit code ${result.code})`);
		return;
	}
	const failed = report.failed + (result.code !== 0 && report.failed === 0 ? 1 : 0);
	record(name, report.passed, failed, since, report.error ?? undefined);
}

const vsix = join(root, 'dist', 'hermes-achievements.vsix');

await singleCheck('type-check (tsconfig.json)', bin('tsc'), ['-p', 'tsconfig.json']);
if (existsSync(join(root, 'webview', 'tsconfig.json'))) {
	await singleCheck('type-check (webview/tsconfig.json)', bin('tsc'), ['-p', 'webview/tsconfig.json']);
}
if (existsSync(join(root, 'test', 'e2e', 'tsconfig.json'))) {
	await singleCheck('type-check (test/e2e/tsconfig.json)', bin('tsc'), ['-p', 'test/e2e/tsconfig.json']);
}
await singleCheck('lint (oxlint)', 'npm', ['run', '--silent', 'lint']);
// The unit suite runs the bundled command line (dist/cli.js), so the build comes first.
const built = await singleCheck('build', 'npm', ['run', '--silent', 'build']);
await mochaPart('unit tests', ['--reporter', 'spec']);
const packaged = await singleCheck('package (.vsix)', 'npm', ['run', '--silent', 'package'],
	() => (existsSync(vsix) ? undefined : `${vsix} was not produced`));

let toolsReady = false;
{
	const since = header('end-to-end tools (Chromium, Node 24 headers, code-server)');
	const result = await run('bash', [join(root, 'scripts', 'e2e', 'install.sh')]);
	toolsReady = result.code === 0;
	console.log(toolsReady ? `=== tools ready (${elapsed(since)})` : '');
	if (!toolsReady) {
		record('end-to-end tools', 0, 1, since, `scripts/e2e/install.sh failed (exit ${result.code}): code-server/Chromium unavailable`);
	}
}

if (!toolsReady) {
	record('extension-host tests (code-server)', 0, 1, Date.now(), 'not run: code-server/Chromium are not installed');
	record('end-to-end UI flow (code-server + Chromium)', 0, 1, Date.now(), 'not run: code-server/Chromium are not installed');
} else {
	if (built) {
		await extensionHostPart();
	} else {
		record('extension-host tests (code-server)', 0, 1, Date.now(), 'not run: the build failed');
	}
	if (packaged) {
		await mochaPart('end-to-end UI flow (code-server + Chromium)', [
			'--no-config', '--reporter', 'spec', '--timeout', '180000',
			'--node-option', 'disable-warning=ExperimentalWarning', '--node-option', 'disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
			'test/e2e/**/*.e2e.ts',
		]);
	} else {
		record('end-to-end UI flow (code-server + Chromium)', 0, 1, Date.now(), 'not run: packaging the .vsix failed');
	}
}

const passed = results.reduce((sum, part) => sum + part.passed, 0);
const failed = results.reduce((sum, part) => sum + part.failed, 0);
console.log('\nSummary');
for (const part of results) {
	const mark = part.failed === 0 ? 'ok  ' : 'FAIL';
	console.log(`  ${mark} ${part.name}: ${part.passed} passed, ${part.failed} failed, ${part.seconds.toFixed(1)} s${part.reason ? ` (${part.reason})` : ''}`);
}
console.log(`  total time ${elapsed(startedAt)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
