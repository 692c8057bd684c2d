// Writes state.json the way the dashboard plugin does: the whole file from its own memory, in place,
// without a temporary file or a lock (Python's `write_text`), so a reader can catch it half-written.
// Every third write pauses half-way. Runs until the stop file appears; the last write is whole.
import { closeSync, existsSync, openSync, writeFileSync, writeSync } from 'node:fs';

const [path = '', recordsJson = '{}', stopFile = ''] = process.argv.slice(2);
const records = JSON.parse(recordsJson) as Record<string, number>;

function document(): string {
	const unlocks: Record<string, unknown> = {};
	for (const id of Object.keys(records).sort()) {
		unlocks[id] = { evidence: null, first_tier: null, unlocked_at: records[id] };
	}
	return JSON.stringify({ unlocks }, null, 2);
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

let writes = 0;
while (!existsSync(stopFile)) {
	const text = document();
	if (writes % 3 === 0) {
		const fd = openSync(path, 'w');
		writeSync(fd, text.slice(0, text.length >> 1));
		await pause(40);
		writeSync(fd, text.slice(text.length >> 1));
		closeSync(fd);
	} else {
		writeFileSync(path, text);
	}
	writes++;
	await pause(25 + (writes % 4) * 15);
}
writeFileSync(path, document());
process.stdout.write(`${writes}\n`);
