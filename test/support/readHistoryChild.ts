import { openHistory } from '../../src/core/hermes/history.ts';
import { HistoryError } from '../../src/core/hermes/historyError.ts';

const home = process.argv[2] ?? '';
try {
	const history = openHistory(home);
	const sessions = history.listSessions();
	let messages = 0;
	for (const session of sessions) {
		for (const _message of history.readMessages(session)) {
			messages++;
		}
	}
	console.log(JSON.stringify({ ok: true, sessions: sessions.map((session) => session.id), messages, problems: history.problems() }));
	history.close();
} catch (error) {
	if (!(error instanceof HistoryError)) {
		throw error;
	}
	console.log(JSON.stringify({ ok: false, code: error.code, message: error.message }));
}
