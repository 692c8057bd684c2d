// @vscode/test-cli: `npm run test:integration` (or the Extension Test Runner in VS Code) downloads a
// desktop VS Code and runs the extension-host suite in it. It runs the same bundles as the code-server
// runner of `npm test` (scripts/e2e/runIntegration.ts): build and bundle first, which the npm script does.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
	label: 'integration',
	files: 'out/integration/*.test.js',
	launchArgs: ['--disable-extensions'],
	// A demo history that `npm run bundle:integration` lays down, never your own Hermes home.
	env: { HERMES_HOME: fileURLToPath(new URL('./out/integration-home', import.meta.url)) },
	mocha: { ui: 'bdd', timeout: 60_000 },
});
