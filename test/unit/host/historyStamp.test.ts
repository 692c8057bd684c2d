import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasHistory, historyStamp } from '../../../src/host/historyStamp.ts';

describe('historyStamp', () => {
	let home: string;
	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'hae-stamp-'));
	});
	afterEach(() => rmSync(home, { recursive: true, force: true }));

	it('stays equal while nothing is written and changes when the -wal grows', () => {
		writeFileSync(join(home, 'state.db'), 'db');
		writeFileSync(join(home, 'state.db-wal'), 'wal');
		const before = historyStamp(home);
		assert.equal(historyStamp(home), before);
		appendFileSync(join(home, 'state.db-wal'), 'one more frame');
		assert.notEqual(historyStamp(home), before);
	});

	it('takes a missing and an empty -wal for the same (a reader opening the store creates an empty one)', () => {
		writeFileSync(join(home, 'state.db'), 'db');
		const before = historyStamp(home);
		writeFileSync(join(home, 'state.db-wal'), '');
		assert.equal(historyStamp(home), before);
	});

	it('tells a home with a history from a missing or empty one', () => {
		assert.equal(hasHistory(join(home, 'missing')), false);
		assert.equal(hasHistory(home), false);
		mkdirSync(join(home, 'sessions'));
		assert.equal(hasHistory(home), true);
	});
});
