// The numbers must not change: per-session stats, aggregate and every achievement's evaluation
// equal the reference engine's output on the same histories, field for field, with no tolerance.
import assert from 'node:assert/strict';
import { analyzeSession } from '../../src/core/analysis/analyzeSession.ts';
import { openHistory } from '../../src/core/hermes/history.ts';
import type { Contribution } from '../../src/core/model.ts';
import { ScanEngine } from '../../src/core/scan/scanEngine.ts';
import { join } from 'node:path';
import { expectedParity, parityFixtures, removeDir, unpackParityHome } from '../support/fixtures.ts';

const workerScript = join(import.meta.dirname, '..', '..', 'src', 'core', 'scan', 'scanWorker.ts');
const evaluationFields = ['state', 'tier', 'progress', 'progress_pct', 'unlocked', 'discovered', 'next_tier', 'next_threshold'] as const;

/** A contribution in the reference's flat per-session shape. */
function flatten(c: Contribution): Record<string, unknown> {
	const { stats, ...rest } = c;
	return { ...rest, ...stats };
}

describe('parity with the reference engine', () => {
	let savedTz: string | undefined;
	before(() => {
		savedTz = process.env.TZ;
		process.env.TZ = 'UTC'; // weekend and night are local-time rules; the expected figures are UTC
	});
	after(() => {
		if (savedTz === undefined) {
			delete process.env.TZ;
		} else {
			process.env.TZ = savedTz;
		}
	});

	for (const name of parityFixtures) {
		describe(name, () => {
			const expected = expectedParity(name);
			let home: string;
			before(() => {
				home = unpackParityHome(name);
			});
			after(() => removeDir(home));

			it('lists the same sessions in the same order with identical per-session stats', () => {
				const history = openHistory(home);
				try {
					const sessions = history.listSessions();
					assert.deepEqual(sessions.map((s) => s.id), expected.sessions.map((s) => s.session_id));
					sessions.forEach((session, index) => {
						const actual = flatten(analyzeSession(session, history.readMessages(session)));
						const reference = expected.sessions[index]!;
						for (const field of Object.keys(reference)) {
							assert.deepEqual(actual[field], reference[field], `${session.id}: ${field}`);
						}
						assert.deepEqual(Object.keys(actual).sort(), Object.keys(reference).sort(), `${session.id}: field set`);
					});
				} finally {
					history.close();
				}
			});

			for (const threads of [1, 3]) {
				it(`computes the identical aggregate and achievement evaluations (${threads} reading thread${threads > 1 ? 's' : ''})`, async () => {
					const snapshot = await new ScanEngine(home, { readers: { script: workerScript, home, threads } }).scan(true);
					assert.deepEqual({ ...snapshot.aggregate }, expected.aggregate);
					assert.equal(snapshot.achievements.length, expected.achievements.length);
					for (const reference of expected.achievements) {
						const actual = snapshot.achievements.find((a) => a.id === reference.id);
						assert.ok(actual, `missing achievement ${String(reference.id)}`);
						for (const field of evaluationFields) {
							assert.deepEqual(actual[field], reference[field], `${actual.id}: ${field}`);
						}
					}
					assert.deepEqual(
						{ unlocked_count: snapshot.unlocked_count, discovered_count: snapshot.discovered_count, secret_count: snapshot.secret_count, total_count: snapshot.total_count },
						expected.counts,
					);
				});
			}
		});
	}
});
