// Launches Debian's Chromium through playwright-core with a throwaway profile and HOME.
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { join } from 'node:path';
import type { RunDirs } from './runDirs.ts';
import { trackForCleanup } from './codeServer.ts';
import type { E2eTools } from './tools.ts';

const chromiumArgs = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export async function launchBrowser(tools: E2eTools, dirs: RunDirs): Promise<BrowserContext> {
	const context = await chromium.launchPersistentContext(dirs.browserProfile, {
		executablePath: tools.chromium,
		headless: true,
		args: chromiumArgs,
		viewport: { width: 1400, height: 900 },
		// Chromium's crash reporter writes under $HOME/.config even with its own profile folder.
		env: {
			...process.env,
			HOME: dirs.browserHome,
			XDG_CONFIG_HOME: join(dirs.browserHome, '.config'),
			XDG_CACHE_HOME: join(dirs.browserHome, '.cache'),
		},
	});
	trackForCleanup(() => context.close().catch(() => undefined));
	return context;
}
