/**
 * Writes a deterministic demo Hermes history.
 *   npx node scripts/generateHistory.ts --out DIR --sessions N [--seed S] [--schema v11|v17] [--legacy-json K]
 */
import { parseArgs } from 'node:util';
import { generateHistory } from '../src/core/demo/historyGenerator.ts';
import { errorMessage } from '../src/shared/errorMessage.ts';

const { values } = parseArgs({
	options: {
		out: { type: 'string' },
		sessions: { type: 'string' },
		seed: { type: 'string', default: '1' },
		schema: { type: 'string', default: 'v11' },
		'legacy-json': { type: 'string', default: '0' },
	},
	strict: true,
});

function fail(message: string): never {
	process.stderr.write(`${message}\nusage: npx node scripts/generateHistory.ts --out DIR --sessions N [--seed S] [--schema v11|v17] [--legacy-json K]\n`);
	process.exit(2);
}

const schema = values.schema;
if (values.out === undefined || values.sessions === undefined) {
	fail('--out and --sessions are required');
}
if (schema !== 'v11' && schema !== 'v17') {
	fail(`--schema must be v11 or v17, got ${schema}`);
}

const started = performance.now();
try {
	const result = generateHistory({
		home: values.out,
		sessions: Number(values.sessions),
		seed: Number(values.seed),
		schema,
		legacyJsonSessions: Number(values['legacy-json']),
	});
	const seconds = (performance.now() - started) / 1000;
	process.stdout.write(`${JSON.stringify({ home: values.out, schema, seed: Number(values.seed), ...result, seconds: Math.round(seconds * 100) / 100 })}\n`);
} catch (error) {
	process.stderr.write(`${errorMessage(error)}\n`);
	process.exit(1);
}
