import assert from 'node:assert/strict';
import { LastReadTracker } from '../../../src/host/lastRead.ts';
import { ModelPosts } from '../../../src/host/modelPosts.ts';
import { toViewModel } from '../../../src/host/viewModel.ts';
import { generatedAt, snapshot, status } from './snapshotBuilders.ts';

function checked(scanId: string, total = 120): ReturnType<typeof snapshot> {
	return snapshot({
		scan_id: scanId, generated_at: generatedAt + 60,
		scan_meta: { mode: 'incremental', sessions_total: total, sessions_rescanned: 0, sessions_reused: total, duration_ms: 2 },
	});
}

describe('LastReadTracker', () => {
	it('keeps the scan that read sessions when a later check reads none', () => {
		const tracker = new LastReadTracker();
		const read = tracker.observe(snapshot());
		assert.deepEqual(read, { at: generatedAt * 1000, durationMs: 840, sessionsRead: 3, sessionsTotal: 120, full: false });
		assert.equal(tracker.observe(checked('scan-2')), read);
	});

	it('takes a check that read nothing when it is all there is (a restart), and a removal of sessions', () => {
		const tracker = new LastReadTracker();
		assert.equal(tracker.observe(checked('scan-2'))?.sessionsRead, 0);
		assert.equal(tracker.observe(checked('scan-3', 118))?.sessionsTotal, 118);
	});

	it('ignores partial and failed snapshots, and forgets on reset', () => {
		const tracker = new LastReadTracker();
		assert.equal(tracker.observe(snapshot({ partial: true })), null);
		assert.equal(tracker.observe(snapshot({ scan_meta: { mode: 'failed', sessions_total: 0, sessions_rescanned: 0, sessions_reused: 0, duration_ms: 1 } })), null);
		tracker.observe(snapshot());
		tracker.reset();
		assert.equal(tracker.current(), null);
	});
});

describe('ModelPosts', () => {
	it('posts a model only when it differs from what the webview shows', () => {
		const posts = new ModelPosts();
		const model = toViewModel(snapshot(), status());
		posts.loaded(model);
		assert.equal(posts.take(toViewModel(snapshot(), status())), false, 'the embedded model is not posted again');
		const changed = toViewModel(snapshot({ achievements: snapshot().achievements.slice(1) }), status());
		assert.equal(posts.take(changed), true);
		assert.equal(posts.take(changed), false);
		assert.equal(posts.posted, 1);
	});

	it('posts the first model to a webview that showed a skeleton', () => {
		const posts = new ModelPosts();
		posts.loaded(null);
		assert.equal(posts.take(toViewModel(snapshot(), status())), true);
	});
});
