import assert from 'node:assert/strict';
import { progressStep } from '../../../src/host/rescanProgress.ts';

const progress = (done: number, total: number) => ({ kind: 'rebuild' as const, started_at: 0, sessions_done: done, sessions_total: total });

describe('progressStep', () => {
	it('reports sessions done out of total and the increment since the last report', () => {
		const first = progressStep(progress(25, 200), 0);
		assert.deepEqual(first, { message: '25 / 200 sessions', increment: 12, pct: 12 });
		const second = progressStep(progress(100, 200), first?.pct ?? 0);
		assert.deepEqual(second, { message: '100 / 200 sessions', increment: 38, pct: 50 });
	});

	it('never moves the bar backwards or past the total', () => {
		assert.deepEqual(progressStep(progress(10, 200), 50), { message: '10 / 200 sessions', increment: 0, pct: 50 });
		assert.deepEqual(progressStep(progress(250, 200), 90), { message: '200 / 200 sessions', increment: 10, pct: 100 });
	});

	it('reports nothing before the total is known or when no scan runs', () => {
		assert.equal(progressStep(progress(0, 0), 0), undefined);
		assert.equal(progressStep(null, 0), undefined);
	});
});
