import assert from 'node:assert/strict';
import { createDebouncer, createThrottle } from '../../../src/host/timing.ts';
import { ManualTimers } from './manualTimers.ts';

describe('createDebouncer', () => {
	it('runs once for a burst, delayMs after the last trigger', () => {
		const timers = new ManualTimers();
		let runs = 0;
		const debouncer = createDebouncer(() => runs++, 750, timers);
		debouncer.trigger();
		timers.advance(500);
		debouncer.trigger();
		timers.advance(500);
		debouncer.trigger();
		timers.advance(749);
		assert.equal(runs, 0);
		timers.advance(1);
		assert.equal(runs, 1);
		timers.advance(5000);
		assert.equal(runs, 1);
	});

	it('runs again for a later burst', () => {
		const timers = new ManualTimers();
		let runs = 0;
		const debouncer = createDebouncer(() => runs++, 750, timers);
		debouncer.trigger();
		timers.advance(800);
		debouncer.trigger();
		debouncer.trigger();
		timers.advance(800);
		assert.equal(runs, 2);
	});

	it('never runs a pending or later trigger after dispose', () => {
		const timers = new ManualTimers();
		let runs = 0;
		const debouncer = createDebouncer(() => runs++, 750, timers);
		debouncer.trigger();
		debouncer.dispose();
		debouncer.trigger();
		timers.advance(2000);
		assert.equal(runs, 0);
		assert.equal(timers.pending, 0);
	});
});

describe('createThrottle', () => {
	it('runs the first trigger at once and collapses the rest of the interval into one trailing run', () => {
		const timers = new ManualTimers();
		let runs = 0;
		const throttle = createThrottle(() => runs++, 100, timers);
		throttle.trigger();
		assert.equal(runs, 1);
		throttle.trigger();
		throttle.trigger();
		throttle.trigger();
		assert.equal(runs, 1);
		timers.advance(100);
		assert.equal(runs, 2);
		timers.advance(1000);
		assert.equal(runs, 2);
	});

	it('keeps running every interval under a steady stream instead of waiting for quiet', () => {
		const timers = new ManualTimers();
		let runs = 0;
		const throttle = createThrottle(() => runs++, 100, timers);
		for (let elapsed = 0; elapsed < 1000; elapsed += 10) {
			throttle.trigger();
			timers.advance(10);
		}
		assert.ok(runs >= 9 && runs <= 11, `ran ${runs} times`);
	});

	it('drops a queued run on dispose', () => {
		const timers = new ManualTimers();
		let runs = 0;
		const throttle = createThrottle(() => runs++, 100, timers);
		throttle.trigger();
		throttle.trigger();
		throttle.dispose();
		timers.advance(500);
		assert.equal(runs, 1);
		assert.equal(timers.pending, 0);
	});
});
