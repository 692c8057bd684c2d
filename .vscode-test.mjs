// @vscode/test-cli: `npm run test:integration` (or the Extension Test Runner in VS Code) downloads a
// desktop VS Code and runs the extension-host suite in it. It runs the same bundles as the code-server
// runner of `npm test` (scripts/e2e/runIntegration.ts): build and bundle first, which the npm script does.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
	label: 'integration',
	files: 'out/integration/*.test.js',
	launchArgs: ['--disable-extensions'],
	mocha: { ui: 'bdd', timeout: 60_000 },
});
