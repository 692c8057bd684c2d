import assert from 'node:assert/strict';
import { escapeMarkdown, snapshotToJson, snapshotToMarkdown } from '../../src/core/exportSnapshot.ts';
import type { Snapshot } from '../../src/core/model.ts';
import { achievement, snapshot } from './host/snapshotBuilders.ts';

describe('snapshotToJson', () => {
	it('round-trips the snapshot unchanged, pretty-printed with a final newline', () => {
		const original = snapshot();
		const text = snapshotToJson(original);
		assert.deepEqual(JSON.parse(text) as Snapshot, original);
		assert.ok(text.endsWith('}\n'));
		assert.ok(text.includes('\n  "achievements": ['));
	});
});

describe('snapshotToMarkdown', () => {
	const sample = snapshot({
		generated_at: Date.UTC(2026, 0, 15, 9, 30) / 1000,
		achievements: [
			achievement({
				id: 'let_him_cook', state: 'unlocked', unlocked: true, tier: 'Silver', progress: 640, progress_pct: 20,
				next_tier: 'Gold', next_threshold: 1200, unlocked_at: Date.UTC(2026, 0, 2) / 1000, unlocked_tier: 'Copper',
				earned_at: Date.UTC(2025, 10, 20, 22) / 1000, earned_session_id: 's-9', earned_session_title: 'Refactor the | parser',
				tier_history: [
					{ tier: 'Copper', earned_at: Date.UTC(2025, 9, 1) / 1000, session_id: 's-1', session_title: 'First steps' },
					{ tier: 'Silver', earned_at: Date.UTC(2025, 10, 20, 22) / 1000, session_id: 's-9', session_title: 'Refactor the | parser' },
				],
			}),
			achievement({ id: 'pipes', name: 'Pipes | and *stars*', category: 'Debugging Chaos', progress: 15, next_tier: 'Copper', next_threshold: 18, criteria: 'Count `this`.' }),
			achievement({ id: 'full_send', name: 'Full Send', kind: 'multi_condition', next_tier: null, progress: 72, progress_pct: 72, next_threshold: 100 }),
			achievement({ id: 'hidden_one', name: 'Do Not Tell', state: 'secret', secret: true, discovered: false }),
			achievement({ id: 'hidden_two', name: 'Also Hidden', state: 'secret', secret: true, discovered: false }),
		],
	});
	const markdown = snapshotToMarkdown(sample);

	it('opens with the score, the UTC generation time and the session count', () => {
		assert.match(markdown, /^# Hermes Achievements\n\n1 of 5 unlocked, generated 2026-01-15 09:30 UTC from 120 sessions\.\n/);
	});

	it('lists unlocked achievements with tier, progress, earned date and session, and first unlock date', () => {
		assert.match(markdown, /^## Unlocked \(1\)$/m);
		assert.match(markdown, /^\| Let Him Cook \| Agent Autonomy \| Silver \| 640 \/ 1200 for Gold \| 2025-11-20 \| Refactor the \\\| parser \| 2026-01-02 \|$/m);
	});

	it('lists achievements in progress, escaping table and emphasis characters', () => {
		assert.match(markdown, /^## In progress \(2\)$/m);
		assert.ok(markdown.includes('| Pipes \\| and \\*stars\\* | Debugging Chaos | 15 / 18 for Copper | Count \\`this\\`. |'), markdown);
		assert.ok(markdown.includes('| Full Send | Agent Autonomy | 72% |'));
	});

	it('counts hidden secrets without naming them', () => {
		assert.match(markdown, /^2 secret achievements not discovered yet\.$/m);
		assert.ok(!markdown.includes('Do Not Tell'));
		assert.ok(!markdown.includes('Also Hidden'));
	});

	it('mentions a partial scan and a scan error', () => {
		const text = snapshotToMarkdown(snapshot({ partial: true, error: 'database is locked' }));
		assert.match(text, /A scan was still running/);
		assert.match(text, /Last scan error: database is locked/);
	});
});

describe('escapeMarkdown', () => {
	it('escapes Markdown syntax and folds newlines', () => {
		assert.equal(escapeMarkdown('a_b *c* [d](e) <b>|x|\nnext.'), 'a\\_b \\*c\\* \\[d\\](e) \\<b\\>\\|x\\| next.');
	});
});
