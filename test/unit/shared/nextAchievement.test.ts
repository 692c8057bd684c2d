import assert from 'node:assert/strict';
import { formatSummary } from '../../../src/cli/formatSummary.ts';
import { closestInReach } from '../../../src/core/engine/nextInReach.ts';
import type { AchievementView } from '../../../src/core/model.ts';
import { nextInReach } from '../../../src/host/statusBarPresentation.ts';
import { toViewModel } from '../../../src/host/viewModel.ts';
import { nextUp } from '../../../webview/cardQuery.ts';
import { achievement, realisticAchievements, snapshot, status } from '../host/snapshotBuilders.ts';

const ids = (list: readonly AchievementView[]): string[] => list.map((a) => a.id);

describe('next achievement (one rule for status bar, view and CLI)', () => {
	it('counts an unfinished multi-condition achievement, and skips 0 %, hidden secrets and maxed ones', () => {
		const picked = closestInReach([
			achievement({ id: 'started', progress: 20, progress_pct: 10 }),
			achievement({ id: 'multi', kind: 'multi_condition', next_tier: null, progress: 72, progress_pct: 72, next_threshold: 100 }),
			achievement({ id: 'untouched' }),
			achievement({ id: 'just-reached-silver', state: 'unlocked', unlocked: true, tier: 'Silver', progress: 500, progress_pct: 0, next_tier: 'Gold', next_threshold: 1200 }),
			achievement({ id: 'hidden', state: 'secret', secret: true, progress: 199, progress_pct: 99 }),
			achievement({ id: 'maxed', state: 'unlocked', unlocked: true, tier: 'Olympian', next_tier: null, progress: 9000, progress_pct: 100 }),
			achievement({ id: 'multi-done', kind: 'multi_condition', state: 'unlocked', unlocked: true, next_tier: null, progress: 100, progress_pct: 100, next_threshold: 100 }),
		], 10);
		assert.deepEqual(ids(picked), ['multi', 'just-reached-silver', 'started'], 'ranked as the bars show: 72 %, 500 of 1,200, 20 of 200');
	});

	it('breaks ties by the smaller amount left, then by name, whatever the input order', () => {
		const tied = [
			achievement({ id: 'far', name: 'B', progress: 500, progress_pct: 50, next_threshold: 1000 }),
			achievement({ id: 'near-b', name: 'B', progress: 5, progress_pct: 50, next_threshold: 10 }),
			achievement({ id: 'near-a', name: 'A', progress: 5, progress_pct: 50, next_threshold: 10 }),
		];
		assert.deepEqual(ids(closestInReach(tied, 3)), ['near-a', 'near-b', 'far']);
		assert.deepEqual(ids(closestInReach([...tied].reverse(), 3)), ['near-a', 'near-b', 'far']);
	});

	it('gives the status bar, the view and the CLI the same answer', () => {
		const shot = snapshot({ achievements: realisticAchievements() });
		const expected = ids(closestInReach(shot.achievements, 3));
		assert.ok(expected.length > 1, 'the fixture must have several achievements in reach');
		assert.equal(nextInReach(shot)?.id, expected[0]);
		assert.deepEqual(nextUp(toViewModel(shot, status()).achievements, 3).map((card) => card.id), expected);
		const cliBlock = formatSummary(shot).split('Closest next\n')[1]?.split('\n\n')[0] ?? '';
		const names = new Map(shot.achievements.map((a) => [a.id, a.name]));
		assert.deepEqual(cliBlock.split('\n').slice(0, 3).map((line) => line.trim().split(':')[0]), expected.map((id) => names.get(id)));
	});
});
