import assert from 'node:assert/strict';
import { canLoadSqlite, hasBuiltinSqlite } from '../../../src/host/sqliteSupport.ts';

describe('hasBuiltinSqlite', () => {
	it("asks this process's getBuiltinModule for node:sqlite, and copes without one", () => {
		const original = process.getBuiltinModule;
		const asked: string[] = [];
		try {
			process.getBuiltinModule = ((id: string) => {
				asked.push(id);
				return id === 'node:sqlite' ? { DatabaseSync: class {} } : undefined;
			}) as typeof process.getBuiltinModule;
			assert.equal(hasBuiltinSqlite(), true);
			assert.deepEqual(asked, ['node:sqlite']);
			(process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
			assert.equal(hasBuiltinSqlite(), false);
		} finally {
			process.getBuiltinModule = original;
		}
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
