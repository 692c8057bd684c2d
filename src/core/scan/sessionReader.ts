import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { analyzeSession } from '../analysis/analyzeSession.ts';
import { SqliteStore } from '../hermes/sqliteStore.ts';
import type { FromReader, ReaderData, SessionRead, ToReader } from './readerProtocol.ts';

/**
 * A helper of a scan: reads and analyses the store sessions it is handed, through a read-only
 * connection of its own, and answers with their contributions. It lives for one scan.
 */
export function runSessionReader(port: MessagePort, data: ReaderData): void {
	let store: SqliteStore | undefined;
	port.on('message', (message: ToReader) => {
		try {
			store ??= new SqliteStore(join(data.home, 'state.db'));
			const reads = message.sessions.map((session, i): SessionRead => {
				const contentKey = message.contentKeys[i] ?? store!.contentKey(session.id);
				return { contentKey, contribution: analyzeSession(session, store!.readMessages(session.id)) };
			});
			port.postMessage({ type: 'read', indexes: message.indexes, reads } satisfies FromReader);
		} catch (error) {
			port.postMessage({ type: 'failed', error: error instanceof Error ? error.message : String(error) } satisfies FromReader);
		}
	});
}
