import assert from 'node:assert/strict';
import { unlockMessage } from '../../../src/host/unlockText.ts';

describe('unlockMessage', () => {
	it('names one achievement with its tier', () => {
		assert.equal(
			unlockMessage([{ id: 'let_him_cook', name: 'Let Him Cook', tier: 'Silver', previous_tier: 'Copper' }]),
			'Achievement unlocked: Let Him Cook (Silver)',
		);
	});

	it('leaves the tier out for an untiered achievement', () => {
		assert.equal(unlockMessage([{ id: 'full_send', name: 'Full Send', tier: null, previous_tier: null }]), 'Achievement unlocked: Full Send');
	});

	it('names the first of several and counts the rest', () => {
		assert.equal(
			unlockMessage([
				{ id: 'a', name: 'Let Him Cook', tier: 'Silver', previous_tier: null },
				{ id: 'b', name: 'Full Send', tier: null, previous_tier: null },
				{ id: 'c', name: 'Memory Keeper', tier: 'Copper', previous_tier: null },
			]),
			'Achievements unlocked: Let Him Cook (Silver) and 2 more',
		);
	});

	it('has nothing to say about no unlocks', () => {
		assert.equal(unlockMessage([]), undefined);
	});
});
