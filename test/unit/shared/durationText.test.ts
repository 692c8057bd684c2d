import assert from 'node:assert/strict';
import { formatAgoLong, formatAgoShort, formatDuration } from '../../../src/shared/durationText.ts';

describe('durations and relative times (one formatter)', () => {
	const now = 1_767_000_000_000;
	it('is short for tooltips', () => {
		assert.equal(formatAgoShort(now - 30_000, now), 'just now');
		assert.equal(formatAgoShort(now - 125_000, now), '2 min ago');
		assert.equal(formatAgoShort(now - 3 * 3_600_000, now), '3 h ago');
		assert.equal(formatAgoShort(now - 86_400_000, now), '1 day ago');
		assert.equal(formatAgoShort(now - 5 * 86_400_000, now), '5 days ago');
	});

	it('counts whole units passed, at every boundary', () => {
		assert.equal(formatAgoShort(now - 59_999, now), 'just now');
		assert.equal(formatAgoShort(now - 60_000, now), '1 min ago');
		assert.equal(formatAgoShort(now - 90_000, now), '1 min ago');
		assert.equal(formatAgoLong(now - 90_000, now), '1 minute ago');
		assert.equal(formatAgoShort(now - 119_999, now), '1 min ago');
		assert.equal(formatAgoShort(now - 3_599_999, now), '59 min ago');
		assert.equal(formatAgoShort(now - 3_600_000, now), '1 h ago');
		assert.equal(formatAgoShort(now - 86_399_999, now), '23 h ago');
	});

	it('spells units out for screen readers, singular and plural', () => {
		assert.equal(formatAgoLong(now - 30_000, now), 'just now');
		assert.equal(formatAgoLong(now - 61_000, now), '1 minute ago');
		assert.equal(formatAgoLong(now - 2 * 3_600_000, now), '2 hours ago');
		assert.equal(formatAgoLong(now - 86_400_000, now), '1 day ago');
	});

	it('treats a time in the future (clock skew) as just now', () => {
		assert.equal(formatAgoShort(now + 60_000, now), 'just now');
	});

	it('formats durations', () => {
		assert.equal(formatDuration(840), '840 ms');
		assert.equal(formatDuration(4200), '4.2 s');
		assert.equal(formatDuration(125_000), '2 min 5 s');
		assert.equal(formatDuration(120_000), '2 min');
	});

	it('rounds a duration once, so no unit overflows into "60"', () => {
		assert.equal(formatDuration(999.4), '999 ms');
		assert.equal(formatDuration(999.6), '1.0 s');
		assert.equal(formatDuration(59_940), '59.9 s');
		assert.equal(formatDuration(59_960), '1 min');
		assert.equal(formatDuration(60_000), '1 min');
		assert.equal(formatDuration(90_000), '1 min 30 s');
		assert.equal(formatDuration(119_400), '1 min 59 s');
		assert.equal(formatDuration(119_700), '2 min');
		assert.equal(formatDuration(3_599_600), '60 min');
	});
});
