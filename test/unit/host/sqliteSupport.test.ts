import assert from 'node:assert/strict';
import { canLoadSqlite, hasBuiltinSqlite } from '../../../src/host/sqliteSupport.ts';

describe('hasBuiltinSqlite', () => {
	it('finds node:sqlite in this Node', () => {
		assert.equal(hasBuiltinSqlite(), true);
	});

	it('accepts a loader that yields the module', () => {
		assert.equal(canLoadSqlite(() => ({ DatabaseSync: class {} })), true);
	});

	it('says no when getBuiltinModule is missing, returns nothing or throws', () => {
		assert.equal(canLoadSqlite(undefined), false);
		assert.equal(canLoadSqlite(() => undefined), false);
		assert.equal(canLoadSqlite(() => {
			throw new Error('No such built-in module: node:sqlite');
		}), false);
	});
});
