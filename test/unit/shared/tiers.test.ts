import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isTierName, tierNames, tierRank } from '../../../src/shared/tiers.ts';

describe('tiers (the one list)', () => {
	it('agrees with the tier names the catalog data carries', () => {
		const catalog = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/core/catalog/catalog.json'), 'utf8')) as { tierNames: unknown };
		assert.deepEqual(catalog.tierNames, [...tierNames]);
	});

	it('ranks Copper lowest, Olympian highest, and no tier below any', () => {
		assert.deepEqual(tierNames.map(tierRank), [0, 1, 2, 3, 4]);
		assert.equal(tierRank(null), -1);
	});

	it('recognises only the five names, spelled exactly', () => {
		assert.ok(tierNames.every(isTierName));
		for (const other of ['copper', 'Platinum', '', null, 3, undefined]) {
			assert.equal(isTierName(other), false, String(other));
		}
	});
});
