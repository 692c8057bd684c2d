// Entry point the extension host loads through extensionTestsPath (the @vscode/test-electron contract:
// a CommonJS module exporting run(), whose rejection makes the host exit with code 1). It is bundled to
// out/integration/index.js next to the bundled suites, which it finds there.
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../../src/shared/errorMessage.ts';

export interface IntegrationTestResult {
	readonly title: string;
	readonly state: 'passed' | 'failed';
	readonly durationMs: number;
	readonly error: string | null;
}

export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
	for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
		mocha.addFile(join(__dirname, file));
	}
	const results: IntegrationTestResult[] = [];
	return new Promise((resolve, reject) => {
		const runner = mocha.run((failures) => {
			// Where the runner wants the per-test outcome (unset under @vscode/test-electron).
			const resultFile = process.env.HERMES_ACH_IT_RESULT;
			if (resultFile) {
				writeFileSync(resultFile, JSON.stringify({ failures, results }, null, '\t'));
			}
			if (failures > 0) {
				reject(new Error(`${failures} extension-host test(s) failed`));
			} else if (results.length === 0) {
				reject(new Error('no extension-host tests ran'));
			} else {
				resolve();
			}
		});
		runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0, error: null }));
		runner.on('fail', (test, error: unknown) => results.push({
			title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0,
			error: errorMessage(error),
		}));
	});
}
