// Plays Hermes in a process of its own (its CPU is not the extension's): one message appended to
// a session every interval, for a while.
//   node scripts/bench/hermesWriter.ts <home> <sessionId> <seconds> <intervalMs>
import { appendMessages } from '../../src/core/demo/historyGenerator.ts';

const [home, sessionId, seconds, intervalMs] = process.argv.slice(2);
const until = Date.now() + Number(seconds) * 1000;
let n = 0;
while (Date.now() < until) {
	appendMessages(home!, sessionId!, [{ role: n % 2 === 0 ? 'user' : 'assistant', content: `background message ${n}: run the tests again and fix what fails` }]);
	n++;
	await new Promise((resolve) => setTimeout(resolve, Number(intervalMs)));
}
