// Runs test/integration (mocha, bdd) inside code-server's real extension host against the built
// extension (dist/), with HERMES_HOME at a freshly generated history. Writes
// out/e2e/integration/result.json ({ passed, failed, tests, error }) and exits non-zero on any failure.
// usage: node scripts/e2e/runIntegration.ts   (after `npm run build`)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateHistory } from '../../src/core/demo/historyGenerator.ts';
import { codeServerEnv } from './codeServer.ts';
import { runInExtensionHost } from './extensionHostTests.ts';
import { bundleIntegrationSuites } from './integrationBundle.ts';
import { makeRunDirs, removeRunDirs } from './runDirs.ts';
import type { RunDirs } from './runDirs.ts';
import { ensureE2eTools, projectRoot } from './tools.ts';
import { writeUserSettings } from './userSettings.ts';
import { errorMessage } from '../../src/shared/errorMessage.ts';

interface TestOutcome {
	readonly title: string;
	readonly state: 'passed' | 'failed';
	readonly error: string | null;
}

async function main(): Promise<number> {
	let dirs: RunDirs | undefined;
	const report = { passed: 0, failed: 0, tests: [] as TestOutcome[], error: null as string | null, durationMs: 0 };
	const artifacts = join(projectRoot, 'out', 'e2e', 'integration');
	try {
		if (!existsSync(join(projectRoot, 'dist', 'extension.js')) || !existsSync(join(projectRoot, 'dist', 'scanWorker.js'))) {
			throw new Error('dist/extension.js or dist/scanWorker.js is missing: run `npm run build` first');
		}
		const tools = ensureE2eTools();
		const testsEntry = await bundleIntegrationSuites();
		dirs = makeRunDirs('integration');
		const hermesHome = join(dirs.root, 'hermes');
		generateHistory({ home: hermesHome, sessions: 60, seed: 7 });
		writeUserSettings(dirs.userData, {});
		const resultFile = join(dirs.artifacts, 'mocha.json');
		const env = codeServerEnv(tools, dirs, { HERMES_HOME: hermesHome, HERMES_ACH_IT_RESULT: resultFile });
		const run = await runInExtensionHost(tools, dirs, {
			extensionDevelopmentPath: projectRoot, extensionTestsPath: testsEntry, env, timeoutMs: 300_000,
		});
		report.durationMs = run.durationMs;
		if (!existsSync(resultFile)) {
			throw new Error(run.exitCode === null
				? 'the extension-host tests did not finish within 300 s (see out/e2e/integration/page.log)'
				: `the extension host exited with code ${run.exitCode} without running the suite (see out/e2e/integration/page.log)`);
		}
		const mocha = JSON.parse(readFileSync(resultFile, 'utf8')) as { results: TestOutcome[] };
		report.tests = mocha.results;
		for (const test of mocha.results) {
			console.log(`  ${test.state === 'passed' ? 'ok  ' : 'FAIL'} ${test.title}${test.error ? `\n       ${test.error}` : ''}`);
		}
		report.passed = mocha.results.filter((test) => test.state === 'passed').length;
		report.failed = mocha.results.filter((test) => test.state === 'failed').length;
		if (run.exitCode !== 0 && report.failed === 0) {
			throw new Error(`the extension host exited with code ${String(run.exitCode)} although no test failed`);
		}
	} catch (error) {
		report.error = errorMessage(error);
		report.failed += 1;
		console.error(`extension-host tests: ${report.error}`);
	} finally {
		if (dirs) {
			removeRunDirs(dirs);
		}
		mkdirSync(artifacts, { recursive: true });
		writeFileSync(join(artifacts, 'result.json'), JSON.stringify(report, null, '\t'));
	}
	console.log(`extension-host tests: ${report.passed} passed, ${report.failed} failed`);
	return report.failed === 0 ? 0 : 1;
}

process.exitCode = await main();
