// Earned dates against brute force: the engine scans every prefix of a generated history (the first k
// sessions by started_at, then id) from scratch, and the first prefix that reaches a tier must name the
// same session as the full history's tier_history. Real SQLite, both schemas the generator writes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { catalog } from '../../src/core/catalog/catalog.ts';
import { generateHistory } from '../../src/core/demo/historyGenerator.ts';
import { tierNames } from '../../src/shared/tiers.ts';
import { openHistory } from '../../src/core/hermes/history.ts';
import type { SessionInfo, Snapshot, TierEarned } from '../../src/core/model.ts';
import { ScanEngine } from '../../src/core/scan/scanEngine.ts';
import { HistoryEditor } from '../support/historyEdits.ts';
import { makeTempDir, removeDir } from '../support/fixtures.ts';

const sessionCount = 60;

/** Listed sessions in earning order: started_at ascending, then id; no start time last. */
function sessionsInHistoryOrder(home: string): SessionInfo[] {
	const history = openHistory(home);
	try {
		return history.listSessions().sort((a, b) => {
			if (a.startedAt !== b.startedAt) {
				return a.startedAt === null ? 1 : b.startedAt === null ? -1 : a.startedAt - b.startedAt;
			}
			return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
		});
	} finally {
		history.close();
	}
}

/** How many goals each achievement has reached: tiers for a tiered one, 0 or 1 for a multi-condition one. */
function goalsReached(snapshot: Snapshot): Map<string, number> {
	return new Map(snapshot.achievements.map((a) => {
		if (a.kind === 'multi_condition') {
			return [a.id, a.unlocked ? 1 : 0];
		}
		const entry = catalog.find((e) => e.id === a.id)!;
		return [a.id, entry.tiers.filter((threshold) => threshold <= a.progress).length];
	}));
}

function comparable(history: readonly TierEarned[]): { tier: string | null; session_id: string; earned_at: number | null }[] {
	return history.map((h) => ({ tier: h.tier, session_id: h.session_id, earned_at: h.earned_at }));
}

for (const schema of ['v11', 'v17'] as const) {
	describe(`earned dates against a scan of every prefix (${schema}, ${sessionCount} sessions)`, function () {
		this.timeout(300_000);
		let home: string;
		let full: Snapshot;
		let order: SessionInfo[];
		/** goals reached by the first k sessions, index k (k = 0: nothing). */
		const prefixes: Map<string, number>[] = [];

		before(async () => {
			home = join(makeTempDir('hermes-earned-'), 'home');
			generateHistory({ home, sessions: sessionCount, seed: 23, schema });
			order = sessionsInHistoryOrder(home);
			full = await new ScanEngine(home).scan(true);
			// Newest first, each prefix is the previous one minus its last session, scanned from scratch.
			const editor = new HistoryEditor(home);
			prefixes[order.length] = goalsReached(full);
			for (let k = order.length - 1; k >= 1; k--) {
				editor.deleteSession(order[k]!.id);
				prefixes[k] = goalsReached(await new ScanEngine(home).scan(true));
			}
			prefixes[0] = new Map(catalog.map((entry) => [entry.id, 0]));
		});

		after(() => removeDir(join(home, '..')));

		it('has a history rich enough to tell right from wrong', () => {
			assert.ok(order.length >= 50, `only ${order.length} sessions listed`);
			const entries = full.achievements.flatMap((a) => a.tier_history);
			const earners = new Set(entries.map((e) => e.session_id));
			assert.ok(entries.length >= 40, `only ${entries.length} tiers reached`);
			assert.ok(earners.size >= 10, `only ${earners.size} distinct earning sessions`);
			assert.ok(full.achievements.some((a) => a.tier_history.length >= 3), 'no achievement climbed three tiers');
		});

		it('names, for every achievement and tier, the first session whose prefix reaches it', () => {
			for (const achievement of full.achievements) {
				const goals = prefixes[order.length]!.get(achievement.id)!;
				const expected = [];
				for (let goal = 1; goal <= goals; goal++) {
					const k = prefixes.findIndex((reached) => reached.get(achievement.id)! >= goal);
					const session = order[k - 1]!;
					expected.push({
						tier: achievement.kind === 'multi_condition' ? null : tierNames[goal - 1]!,
						session_id: session.id,
						earned_at: session.startedAt,
					});
				}
				assert.deepEqual(comparable(achievement.tier_history), expected, achievement.id);
			}
		});

		it('dates the current tier by its earning session and leaves locked ones empty', () => {
			for (const achievement of full.achievements) {
				const last = achievement.tier_history.at(-1);
				if (!achievement.unlocked) {
					assert.deepEqual(achievement.tier_history, [], achievement.id);
					assert.equal(achievement.earned_at, null, achievement.id);
					assert.equal(achievement.earned_session_id, null, achievement.id);
					continue;
				}
				assert.ok(last, `${achievement.id} is unlocked without a tier history`);
				assert.equal(last.tier, achievement.tier, achievement.id);
				assert.equal(achievement.earned_at, last.earned_at, achievement.id);
				assert.equal(achievement.earned_session_id, last.session_id, achievement.id);
				const session = order.find((s) => s.id === last.session_id)!;
				assert.equal(achievement.earned_session_title, session.title, achievement.id);
			}
		});

		it('counts every listed session on its day', () => {
			const total = Object.values(full.activity.sessions_per_day).reduce((sum, n) => sum + n, 0);
			assert.equal(total, order.filter((s) => s.startedAt !== null).length);
			assert.equal(full.activity.first_session_at, order[0]!.startedAt);
			assert.equal(full.activity.last_session_at, order.filter((s) => s.startedAt !== null).at(-1)!.startedAt);
		});
	});
}
