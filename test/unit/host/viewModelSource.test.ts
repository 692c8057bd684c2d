import assert from 'node:assert/strict';
import type { Snapshot } from '../../../src/core/model.ts';
import { ServiceSlot } from '../../../src/host/serviceSlot.ts';
import { ViewModelSource } from '../../../src/host/viewModelSource.ts';
import { generatedAt, snapshot } from './snapshotBuilders.ts';
import { StubService } from './stubService.ts';

/** A service whose snapshot the test sets, announcing each one as the coordinator does. */
class ScriptedService extends StubService {
	show(next: Snapshot): void {
		this.shown = next;
		this.changes.fire({ snapshot: next, status: this.status() });
	}
}

describe('ViewModelSource', () => {
	it('reports the scan that read sessions even when it ran while nobody asked for a model', () => {
		const service = new ScriptedService();
		const slot = new ServiceSlot({ service, home: '/home/user/.hermes' });
		const source = new ViewModelSource(slot, () => false);
		service.show(snapshot({ scan_id: 'read', scan_meta: { mode: 'incremental', sessions_total: 120, sessions_rescanned: 2, sessions_reused: 118, duration_ms: 70 } }));
		service.show(snapshot({ scan_id: 'checked', generated_at: generatedAt + 60,
			scan_meta: { mode: 'incremental', sessions_total: 120, sessions_rescanned: 0, sessions_reused: 120, duration_ms: 2 } }));
		const model = source.current();
		assert.equal(model.lastRead?.sessionsRead, 2);
		assert.equal(model.scan.durationMs, 70);
		source.dispose();
		slot.dispose();
	});

	it('labels the demo from its flag', () => {
		const service = new ScriptedService();
		const slot = new ServiceSlot({ service, home: '/demo' });
		let demo = true;
		const source = new ViewModelSource(slot, () => demo);
		assert.equal(source.current().demo, true);
		demo = false;
		assert.equal(source.current().demo, false);
		source.dispose();
		slot.dispose();
	});
});
