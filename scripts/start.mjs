// `npm start`: scan the Hermes home (HERMES_HOME, else ~/.hermes) and print the summary; when
// there is no Hermes history on this machine, generate a demo one and scan that instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const home = process.env.HERMES_HOME?.trim() || join(homedir(), '.hermes');
const hasHistory = existsSync(join(home, 'state.db')) || existsSync(join(home, 'sessions'));
const args = hasHistory ? ['scan', '--home', home] : ['demo', '--out', join('.cache', 'demo-hermes-home')];
if (!hasHistory) {
	console.error(`No Hermes history at ${home}: scanning a demo history instead.`);
}
const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', join('dist', 'cli.js'), ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
