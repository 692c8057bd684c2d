// Entry of the `hermes-achievements` command. The engine needs Node's built-in SQLite, so the
// check comes before anything that loads it: an older Node gets one plain sentence, not a stack.
import process from 'node:process';
import { errorMessage } from './shared/errorMessage.ts';

const hasSqlite = (() => {
	try {
		return process.getBuiltinModule?.('node:sqlite') !== undefined;
	} catch {
		return false;
	}
})();

if (hasSqlite) {
	// A lazy require: the bundle's SQLite-using modules initialise only on this line.
	// oxlint-disable-next-line typescript/no-require-imports -- an import would initialise them up front
	const { runCli } = require('./cli/main.ts') as typeof import('./cli/main.ts');
	runCli(process.argv.slice(2)).then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			process.stderr.write(`hermes-achievements: ${errorMessage(error)}\n`);
			process.exitCode = 1;
		},
	);
} else {
	process.stderr.write(`hermes-achievements needs Node.js 22.13 or newer (for its built-in SQLite); this is Node ${process.version}.\n`);
	process.exitCode = 1;
}
