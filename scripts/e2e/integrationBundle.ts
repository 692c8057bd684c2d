// Bundles test/integration (the extension-host suite) into out/integration/: index.js (the mocha entry
// the code-server runner and the "Extension Tests" launch load) and one *.test.js per suite (the files
// .vscode-test.mjs hands to @vscode/test-cli). Both runners therefore run the very same bundles.
// Run as a script (`npm run bundle:integration`), it also lays a fresh demo history in
// out/integration-home/, which the desktop runners use as HERMES_HOME so the tests never scan (or
// write next to) the developer's own Hermes home.
// usage: node scripts/e2e/integrationBundle.ts
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHistory } from '../../src/core/demo/historyGenerator.ts';
import { projectRoot } from './tools.ts';

export const integrationBundleDir = join(projectRoot, 'out', 'integration');
/** HERMES_HOME for the desktop runners (.vscode-test.mjs, the Extension Tests launch). */
export const integrationHome = join(projectRoot, 'out', 'integration-home');

/** Bundles the suites and returns the path of the bundled mocha entry (index.js). */
export async function bundleIntegrationSuites(): Promise<string> {
	const sourceDir = join(projectRoot, 'test', 'integration');
	const entryPoints = [join(sourceDir, 'index.ts'),
		...readdirSync(sourceDir).filter((name) => name.endsWith('.test.ts')).map((name) => join(sourceDir, name))];
	rmSync(integrationBundleDir, { recursive: true, force: true });
	await esbuild.build({
		entryPoints, outdir: integrationBundleDir, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
		// `vscode` is the host's module; mocha is found in the project's node_modules by walking up.
		external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
	});
	return join(integrationBundleDir, 'index.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await bundleIntegrationSuites();
	// The same history the code-server runner generates (scripts/e2e/runIntegration.ts).
	rmSync(integrationHome, { recursive: true, force: true });
	generateHistory({ home: integrationHome, sessions: 60, seed: 7 });
}
