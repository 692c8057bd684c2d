import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { parityFixtures, removeDir, unpackParityHome } from '../support/fixtures.ts';

describe('test fixtures', () => {
	it('unpack into readable Hermes homes', () => {
		for (const name of parityFixtures) {
			const home = unpackParityHome(name);
			try {
				const db = new DatabaseSync(join(home, 'state.db'), { readOnly: true });
				const row = db.prepare('SELECT COUNT(*) AS n FROM sessions').get();
				db.close();
				assert.ok(Number(row?.n) >= 30);
			} finally {
				removeDir(home);
			}
		}
	});
});
