// Hermes at work, in a process of its own: adds one session of a prepared history every
// <intervalMs> until <durationMs> have passed or the sessions run out, printing a JSON line per
// session added. Writes go through a writable SQLite connection on the test's copy only.
//
//   node test/support/historyWriter.ts <home> <sourceDb> <intervalMs> <durationMs> <id>...
import { replaySession } from './replayHistory.ts';

const [home = '', sourceDb = '', interval = '2000', duration = '60000', ...ids] = process.argv.slice(2);
const intervalMs = Number(interval);
const startedAt = Date.now();

async function run(): Promise<void> {
	for (let i = 0; i < ids.length; i++) {
		// Keep to the schedule from the start: a slow write does not push every later one back.
		const due = startedAt + (i + 1) * intervalMs;
		if (due - startedAt > Number(duration)) {
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
		replaySession(home, sourceDb, ids[i]!);
		process.stdout.write(`${JSON.stringify({ added: ids[i], at: Date.now() })}\n`);
	}
}

run().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${String(error)}\n`);
		process.exit(1);
	},
);
