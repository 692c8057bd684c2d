import { join } from 'node:path';

/**
 * Where the end-to-end run puts the screenshots meant for the README. Only `npm run screenshots`
 * (HERMES_E2E_SCREENSHOTS=docs) replaces the tracked ones in docs/screenshots/; every other run
 * writes them under out/e2e/, so a test run never leaves the work tree changed.
 */
export function screenshotFolder(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
	return env.HERMES_E2E_SCREENSHOTS === 'docs'
		? join(projectRoot, 'docs', 'screenshots')
		: join(projectRoot, 'out', 'e2e', 'screenshots');
}
