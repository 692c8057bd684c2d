import assert from 'node:assert/strict';
import { formatAgoLong, formatAgoShort, formatDuration } from '../../../src/host/relativeTime.ts';

describe('relative time', () => {
	const now = 1_767_000_000_000;
	it('is short for tooltips', () => {
		assert.equal(formatAgoShort(now - 30_000, now), 'just now');
		assert.equal(formatAgoShort(now - 125_000, now), '2 min ago');
		assert.equal(formatAgoShort(now - 3 * 3_600_000, now), '3 h ago');
		assert.equal(formatAgoShort(now - 86_400_000, now), '1 day ago');
		assert.equal(formatAgoShort(now - 5 * 86_400_000, now), '5 days ago');
	});

	it('spells units out for screen readers, singular and plural', () => {
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
});
