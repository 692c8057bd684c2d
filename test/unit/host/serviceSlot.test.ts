import assert from 'node:assert/strict';
import type { UnlockNotice } from '../../../src/core/service.ts';
import { ServiceSlot } from '../../../src/host/serviceSlot.ts';
import { snapshot, status } from './snapshotBuilders.ts';
import { StubService } from './stubService.ts';

/** A stub serving a snapshot and status of its own home. */
class FakeService extends StubService {
	constructor(home: string) {
		super(snapshot({ home }), status({ home }));
	}
}

const notice: UnlockNotice = { id: 'let_him_cook', name: 'Let Him Cook', tier: 'Silver', previous_tier: null };

describe('ServiceSlot', () => {
	it('forwards changes and unlocks of the current service', () => {
		const first = new FakeService('/a');
		const slot = new ServiceSlot({ service: first, home: '/a' });
		const homes: string[] = [];
		const unlocks: (readonly UnlockNotice[])[] = [];
		slot.onDidChange((change) => homes.push(change.status.home));
		slot.onDidUnlock((notices) => unlocks.push(notices));
		first.changes.fire({ snapshot: first.current(), status: first.status() });
		first.unlocks.fire([notice]);
		assert.deepEqual(homes, ['/a']);
		assert.deepEqual(unlocks, [[notice]]);
		slot.dispose();
	});

	it('on replace: disposes the old service, stops forwarding it, announces and paints the new one', () => {
		const first = new FakeService('/a');
		const second = new FakeService('/b');
		const slot = new ServiceSlot({ service: first, home: '/a' });
		const homes: string[] = [];
		const replaced: string[] = [];
		let unlockCount = 0;
		slot.onDidChange((change) => homes.push(change.status.home));
		slot.onDidReplace((active) => replaced.push(active.home));
		slot.onDidUnlock(() => unlockCount++);

		slot.replace({ service: second, home: '/b' });
		assert.equal(first.disposed, true);
		assert.equal(slot.service, second);
		assert.equal(slot.home, '/b');
		assert.deepEqual(replaced, ['/b']);
		assert.deepEqual(homes, ['/b']);

		first.changes.fire({ snapshot: first.current(), status: first.status() });
		first.unlocks.fire([notice]);
		assert.deepEqual(homes, ['/b']);
		assert.equal(unlockCount, 0);

		second.unlocks.fire([notice]);
		assert.equal(unlockCount, 1);
		slot.dispose();
		assert.equal(second.disposed, true);
	});

	it('stops forwarding after dispose', () => {
		const service = new FakeService('/a');
		const slot = new ServiceSlot({ service, home: '/a' });
		let changes = 0;
		slot.onDidChange(() => changes++);
		slot.dispose();
		service.changes.fire({ snapshot: service.current(), status: service.status() });
		assert.equal(changes, 0);
	});
});
