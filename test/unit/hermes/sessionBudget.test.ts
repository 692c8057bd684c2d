import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SessionTooLarge } from '../../../src/core/hermes/sessionBudget.ts';
import { SqliteStore } from '../../../src/core/hermes/sqliteStore.ts';
import { makeTempDir, removeDir } from '../../support/fixtures.ts';
import { createStore, insertRow } from '../../support/hermesStores.ts';

describe('reading a session within a byte budget', () => {
	let home: string;
	let store: SqliteStore;

	beforeEach(() => {
		home = makeTempDir('hermes-budget-');
		const db = createStore(home, 'v17');
		insertRow(db, 'sessions', { id: 's', source: 'cli', started_at: 10 });
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: 'a'.repeat(100), timestamp: 11 });
		insertRow(db, 'messages', { session_id: 's', role: 'assistant', content: 'b'.repeat(100), tool_calls: '[{"name":"terminal"}]', timestamp: 12 });
		insertRow(db, 'messages', { session_id: 's', role: 'tool', content: 'é'.repeat(1000), tool_name: 'terminal', timestamp: 13 });
		// A rewound row is not read, so it costs nothing.
		insertRow(db, 'messages', { session_id: 's', role: 'user', content: 'z'.repeat(5000), timestamp: 14, active: 0 });
		db.close();
		store = new SqliteStore(join(home, 'state.db'));
	});
	afterEach(() => {
		store.close();
		removeDir(home);
	});

	it('tells the stored size of the messages it would read, in bytes', () => {
		const expected = (4 + 100) + (9 + 100 + 21) + (4 + 2000 + 8);
		assert.equal(store.storedBytes('s'), expected);
		assert.equal(store.storedBytes('missing'), 0);
		assert.equal([...store.readMessages('s', expected)].length, 3);
	});

	it('stops with SessionTooLarge when the rows add up past the budget, each of them within it', () => {
		const read: string[] = [];
		assert.throws(() => {
			for (const message of store.readMessages('s', 2100)) read.push(String(message.role));
		}, (error: unknown) => error instanceof SessionTooLarge && error.bytes === store.storedBytes('s'));
		assert.deepEqual(read, ['user', 'assistant']);
	});

	it('reads again after a refusal: the length limit is the connection\'s own again', () => {
		assert.throws(() => [...store.readMessages('s', 1000)], SessionTooLarge);
		assert.equal([...store.readMessages('s')].length, 3);
		assert.equal(store.listSessions().length, 1);
	});

	it('stops with SessionTooLarge before handing out the row that outgrows the budget', () => {
		const read: string[] = [];
		assert.throws(() => {
			for (const message of store.readMessages('s', 1000)) read.push(String(message.role));
		}, (error: unknown) => error instanceof SessionTooLarge && error.bytes === store.storedBytes('s'));
		// The row past the budget is never handed out (SQLite refuses to fetch its 2,000-byte value).
		assert.ok(!read.includes('tool'), JSON.stringify(read));
	});
});
