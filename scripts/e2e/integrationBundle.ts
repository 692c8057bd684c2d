// Bundles test/integration (the extension-host suite) into out/integration/: index.js (the mocha entry
// the code-server runner and the "Extension Tests" launch load) and one *.test.js per suite (the files
// .vscode-test.mjs hands to @vscode/test-cli). Both runners therefore run the very same bundles.
// usage: node scripts/e2e/integrationBundle.ts
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './tools.ts';

export const integrationBundleDir = join(projectRoot, 'out', 'integration');

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
}
