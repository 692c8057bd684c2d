import assert from 'node:assert/strict';
import { PostPacer } from '../../../src/host/postPacer.ts';
import { ManualTimers } from './manualTimers.ts';

function pacer(interval = 300) {
	const timers = new ManualTimers();
	let clock = 0;
	const sent: number[] = [];
	const pace = new PostPacer(() => {
		sent.push(clock);
		return true;
	}, interval, timers, () => clock);
	const advance = (ms: number): void => {
		for (let step = 0; step < ms; step++) {
			clock += 1;
			timers.advance(1);
		}
	};
	return { pace, sent, advance, timers };
}

describe('PostPacer', () => {
	it('posts the first change at once, then nothing until the webview confirms, then no sooner than the interval', () => {
		const { pace, sent, advance } = pacer();
		pace.request();
		assert.deepEqual(sent, [0]);
		pace.request();
		pace.request();
		advance(500);
		assert.deepEqual(sent, [0], 'a second model while the first is in flight');
		pace.shown();
		assert.deepEqual(sent, [0]);
		advance(299);
		assert.deepEqual(sent, [0]);
		advance(1);
		assert.deepEqual(sent, [0, 800], 'the changes meanwhile collapse into one post');
	});

	it('keeps arrivals 300 ms apart however fast the webview confirms: at most 4 a second', () => {
		const { pace, sent, advance } = pacer();
		for (let ms = 0; ms < 3000; ms += 10) {
			pace.request();
			advance(5);
			pace.shown();
			advance(5);
		}
		for (let index = 1; index < sent.length; index++) {
			assert.ok(sent[index] - sent[index - 1] >= 300, `${sent[index - 1]} → ${sent[index]}`);
		}
		assert.ok(sent.length >= 9 && sent.length <= 11, `${sent.length} posts in 3 s`);
	});

	it('carries on without a confirmation after a while, and from scratch after the webview reloads', () => {
		const { pace, sent, advance } = pacer();
		pace.request();
		pace.request();
		advance(2000);
		advance(300);
		assert.deepEqual(sent, [0, 2300]);
		pace.reset();
		pace.request();
		assert.deepEqual(sent, [0, 2300, 2300]);
	});

	it('posts nothing when nothing was asked for, and stops when disposed', () => {
		const { pace, sent, advance, timers } = pacer();
		advance(1000);
		assert.deepEqual(sent, []);
		pace.request();
		pace.shown();
		pace.request();
		pace.dispose();
		advance(1000);
		assert.deepEqual(sent, [1000]);
		assert.equal(timers.pending, 0);
	});
});
