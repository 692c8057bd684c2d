import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { errorMessage } from '../../shared/errorMessage.ts';
import { SqliteStore } from '../hermes/sqliteStore.ts';
import { readOrdinarySession } from './analyzeRead.ts';
import type { FromReader, ReaderData, ToReader } from './readerProtocol.ts';

/**
 * A helper of a scan: reads and analyses the store sessions it is handed, through a read-only
 * connection of its own, and answers with their contributions. It lives for one scan.
 */
export function runSessionReader(port: MessagePort, data: ReaderData): void {
	let store: SqliteStore | undefined;
	port.on('message', (message: ToReader) => {
		try {
			const opened = (store ??= new SqliteStore(join(data.home, 'state.db')));
			const reads = message.sessions.map((session) => readOrdinarySession(session, (byteLimit, tally) => opened.readMessages(session.id, byteLimit, tally)));
			port.postMessage({ type: 'read', indexes: message.indexes, reads } satisfies FromReader);
		} catch (error) {
			port.postMessage({ type: 'failed', error: errorMessage(error) } satisfies FromReader);
		}
	});
}
