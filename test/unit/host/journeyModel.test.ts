import assert from 'node:assert/strict';
import { toEarnedCard, toJourney } from '../../../src/host/journeyModel.ts';
import { achievement, generatedAt, snapshot } from './snapshotBuilders.ts';

describe('journey view model', () => {
	let savedTz: string | undefined;
	before(() => {
		savedTz = process.env.TZ;
		process.env.TZ = 'UTC';
	});
	after(() => {
		if (savedTz === undefined) {
			delete process.env.TZ;
		} else {
			process.env.TZ = savedTz;
		}
	});

	const climbed = achievement({
		id: 'let_him_cook', state: 'unlocked', unlocked: true, tier: 'Silver',
		tier_history: [
			{ tier: 'Copper', earned_at: generatedAt - 86_400 * 40, session_id: 's1', session_title: 'First' },
			{ tier: 'Silver', earned_at: generatedAt - 86_400 * 2, session_id: 's2', session_title: 'Second' },
		],
	});
	const completed = achievement({
		id: 'full_send', name: 'Full Send', kind: 'multi_condition', state: 'unlocked', unlocked: true,
		tier_history: [{ tier: null, earned_at: generatedAt - 86_400 * 10, session_id: 's3', session_title: 'Third' }],
	});

	it('gives a card its current tier\'s earning session in milliseconds, and every tier', () => {
		const card = toEarnedCard(climbed);
		assert.deepEqual(card.earned, { tier: 'Silver', at: (generatedAt - 86_400 * 2) * 1000, sessionId: 's2', sessionTitle: 'Second' });
		assert.equal(card.tierHistory.length, 2);
		assert.deepEqual(toEarnedCard(achievement({ id: 'locked' })), { earned: null, tierHistory: [] });
	});

	it('orders unlocks by when they were earned and keeps only the heatmap\'s year of days', () => {
		const journey = toJourney(snapshot({
			achievements: [climbed, completed],
			activity: {
				first_session_at: generatedAt - 86_400 * 500,
				last_session_at: generatedAt - 3600,
				sessions_per_day: { '2024-01-01': 4, '2025-12-24': 2, '2025-12-28': 1 },
			},
		}));
		assert.deepEqual(journey.events.map((e) => [e.id, e.tier, e.score]), [['let_him_cook', 'Copper', 1], ['full_send', null, 2], ['let_him_cook', 'Silver', 2]]);
		assert.equal(journey.untilDay, '2025-12-29');
		assert.deepEqual(journey.sessionsPerDay, [['2025-12-24', 2], ['2025-12-28', 1]]);
		assert.equal(journey.firstSessionAt, (generatedAt - 86_400 * 500) * 1000);
	});

	it('is empty without a snapshot', () => {
		assert.deepEqual(toJourney(undefined).events, []);
		assert.equal(toJourney(undefined).untilDay, null);
	});
});
