import assert from 'node:assert/strict';
import { nextInReach, presentStatusBar } from '../../../src/host/statusBarPresentation.ts';
import { achievement, generatedAt, snapshot, status } from './snapshotBuilders.ts';

const generatedMs = generatedAt * 1000;
const ninetySecondsLater = generatedMs + 90_000;

describe('presentStatusBar', () => {
	it('shows the score with a trophy, and says when it was updated', () => {
		const shown = presentStatusBar(snapshot(), status(), ninetySecondsLater);
		const { unlocked_count, total_count } = snapshot();
		assert.equal(shown.text, `$(hermes-trophy) ${unlocked_count}/${total_count}`);
		assert.equal(shown.accessibilityLabel, `Hermes Achievements: ${unlocked_count} of ${total_count} unlocked, updated 1 minute ago`);
		assert.match(shown.tooltip, /Updated 1 min ago · Up to date/);
		assert.match(shown.tooltip, new RegExp(`${unlocked_count} of ${total_count} unlocked`));
	});

	it('spins while scanning and gives the sessions done out of the total', () => {
		const scanning = status({ state: 'SCANNING', scanning: { kind: 'refresh', started_at: generatedMs, sessions_done: 12, sessions_total: 80 } });
		const shown = presentStatusBar(snapshot(), scanning, generatedMs + 1000);
		assert.ok(shown.text.startsWith('$(sync~spin) '));
		assert.match(shown.tooltip, /Scanning: 12 \/ 80 sessions/);
		assert.match(shown.accessibilityLabel, /, scanning 12 of 80 sessions$/);
	});

	it('warns when the last scan failed, with the error escaped in the tooltip', () => {
		const failed = status({ state: 'STALE', last_error: 'no such table: *sessions* (state.db)' });
		const shown = presentStatusBar(snapshot(), failed, generatedMs + 1000);
		assert.ok(shown.text.startsWith('$(warning) '));
		assert.match(shown.tooltip, /Last scan failed: no such table: \\\*sessions\\\* \(state\.db\)/);
		assert.match(shown.accessibilityLabel, /the last scan failed$/);
	});

	it('marks a snapshot older than the TTL as stale, even when no event said so', () => {
		const fresh = status({ state: 'FRESH', ttl_ms: 120_000 });
		assert.ok(!presentStatusBar(snapshot(), fresh, generatedMs + 60_000).text.includes('$(history)'));
		const old = presentStatusBar(snapshot(), fresh, generatedMs + 10 * 60_000);
		assert.ok(old.text.endsWith(' $(history)'));
		assert.match(old.tooltip, /older than the refresh interval/);
		assert.match(old.accessibilityLabel, /updated 10 minutes ago, out of date$/);
	});

	it('has a sensible text before anything was scanned', () => {
		const shown = presentStatusBar(undefined, status({ state: 'EMPTY', last_success_at: null }), generatedMs);
		assert.equal(shown.text, '$(hermes-trophy) Achievements');
		assert.equal(shown.accessibilityLabel, 'Hermes Achievements: nothing scanned yet');
		const bootstrapping = presentStatusBar(undefined, status({
			state: 'SCANNING',
			scanning: { kind: 'bootstrap', started_at: generatedMs, sessions_done: 0, sessions_total: 0 },
		}), generatedMs);
		assert.equal(bootstrapping.text, '$(sync~spin) Scanning…');
	});

	it('names the achievement closest to its next tier', () => {
		const shown = presentStatusBar(snapshot(), status(), generatedMs);
		const next = nextInReach(snapshot());
		assert.ok(next !== undefined);
		assert.ok(shown.tooltip.includes(`Next in reach: **${next.name}**`), shown.tooltip);
	});
});

describe('nextInReach', () => {
	it('picks the highest share of the way to the next tier and skips hidden secrets and maxed ones', () => {
		const picked = nextInReach(snapshot({
			achievements: [
				achievement({ id: 'low', progress: 10, progress_pct: 5 }),
				achievement({ id: 'close', progress: 190, progress_pct: 95 }),
				achievement({ id: 'hidden', state: 'secret', secret: true, progress: 199, progress_pct: 99 }),
				achievement({ id: 'maxed', state: 'unlocked', unlocked: true, tier: 'Olympian', next_tier: null, progress: 9000, progress_pct: 100 }),
			],
		}));
		assert.equal(picked?.id, 'close');
	});

	it('breaks a tie by the smaller remaining amount and counts unfinished multi-condition achievements', () => {
		const picked = nextInReach(snapshot({
			achievements: [
				achievement({ id: 'far', progress: 500, progress_pct: 50, next_threshold: 1000 }),
				achievement({ id: 'near', progress: 5, progress_pct: 50, next_threshold: 10 }),
			],
		}));
		assert.equal(picked?.id, 'near');
		const multi = nextInReach(snapshot({
			achievements: [
				achievement({ id: 'tiered', progress: 20, progress_pct: 10 }),
				achievement({ id: 'multi', kind: 'multi_condition', next_tier: null, progress: 72, progress_pct: 72, next_threshold: 100 }),
			],
		}));
		assert.equal(multi?.id, 'multi');
	});

	it('finds nothing when nothing has started', () => {
		assert.equal(nextInReach(snapshot({ achievements: [achievement({ id: 'untouched' })] })), undefined);
	});
});
