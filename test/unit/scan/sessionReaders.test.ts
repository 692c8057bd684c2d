import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openHistory } from '../../../src/core/hermes/history.ts';
import type { HermesHistory } from '../../../src/core/hermes/history.ts';
import type { Contribution, SessionInfo } from '../../../src/core/model.ts';
import { analyzeSession } from '../../../src/core/analysis/analyzeSession.ts';
import { analyzeRead } from '../../../src/core/scan/analyzeRead.ts';
import { readSessions } from '../../../src/core/scan/sessionReaders.ts';
import type { SessionRead, SessionSkipped } from '../../../src/core/scan/sessionReaders.ts';
import { appendRepeatedSession } from '../../support/bigSessions.ts';
import { removeDir, unpackParityHome } from '../../support/fixtures.ts';

const script = join(import.meta.dirname, '..', '..', '..', 'src', 'core', 'scan', 'scanWorker.ts');

describe('scan/sessionReaders', function () {
	this.timeout(120_000);
	let home: string;
	before(() => {
		home = unpackParityHome('seed7-s100-v17');
	});
	after(() => removeDir(home));

	async function readAll(sessions: readonly SessionInfo[], threads: number) {
		const history = openHistory(home);
		try {
			const delivered: { index: number; id: string; read: SessionRead | SessionSkipped }[] = [];
			const { readByHelpers } = await readSessions(history, sessions, { script, home, threads }, (session, read, index) => delivered.push({ index, id: session.id, read }));
			return { delivered, readByHelpers };
		} finally {
			history.close();
		}
	}

	it('with helper threads, delivers every session once, in order, with the same contribution and content key', async () => {
		const history = openHistory(home);
		const listed = history.listSessions();
		history.close();
		// The list read many times over, so the helpers start long before the work runs out.
		const sessions = Array.from({ length: 12 }, () => listed).flat();
		const alone = await readAll(sessions, 1);
		const together = await readAll(sessions, 3);
		assert.equal(alone.readByHelpers, 0);
		assert.ok(together.readByHelpers > 0, 'the helpers read nothing');
		assert.ok(together.readByHelpers < sessions.length, 'this thread read nothing');
		assert.deepEqual(together.delivered.map((d) => d.index), sessions.map((_, i) => i));
		assert.deepEqual(together.delivered.map((d) => d.id), sessions.map((s) => s.id));
		const byId = (reads: typeof alone.delivered): Map<string, [string | null, Contribution | null]> => new Map(reads.map((d) => [d.id, [d.read.contentKey, 'contribution' in d.read ? d.read.contribution : null]]));
		assert.deepEqual(byId(together.delivered), byId(alone.delivered));
		// The key tallied from the rows read is the one SQL builds for all sessions in one pass.
		const history2 = openHistory(home);
		try {
			const keys = history2.contentKeys();
			for (const { id, read } of together.delivered.slice(0, listed.length)) {
				assert.equal(read.contentKey, keys.get(id) ?? '', id);
			}
			assert.ok(together.delivered.some(({ read }) => (read.contentKey ?? '') !== ''), 'no session had a key');
		} finally {
			history2.close();
		}
	});

	describe('with a session of 12 MB', () => {
		let bigHome: string;
		let history: HermesHistory;
		let listed: SessionInfo[];
		let big: SessionInfo[];
		before(() => {
			bigHome = unpackParityHome('seed7-s100-v17');
			appendRepeatedSession(join(bigHome, 'state.db'), { id: 'big-one', messages: 6, charsPerMessage: 2 * 1024 * 1024, line: 'npm install failed: port 3000 already in use\n', role: 'tool', toolName: 'terminal' });
			history = openHistory(bigHome);
			listed = history.listSessions();
			big = listed.filter((s) => s.id === 'big-one');
		});
		after(() => {
			history.close();
			removeDir(bigHome);
		});

		it('a session found big while read, on any thread, is read again whole through the guard on this thread', async () => {
			// The big session deep in a long list, so a helper may well get it.
			const sessions = [...Array.from({ length: 4 }, () => listed).flat(), ...big];
			const guarded: string[] = [];
			const delivered = new Map<string, SessionRead | SessionSkipped>();
			const { readByHelpers } = await readSessions(history, sessions, { script, home: bigHome, threads: 3 }, (session, read) => delivered.set(session.id, read), {
				readGuarded: (session) => {
					guarded.push(session.id);
					return analyzeRead(session, (tally) => history.readMessages(session, { tally }));
				},
			});
			assert.ok(readByHelpers > 0, 'the helpers read nothing');
			assert.ok(guarded.includes('big-one'), 'the big session was not read through the guard');
			assert.deepEqual(guarded.filter((id) => id !== 'big-one'), [], 'an ordinary session was read through the guard');
			const read = delivered.get('big-one');
			assert.ok(read !== undefined && 'contribution' in read);
			assert.deepEqual(read.contribution, analyzeSession(big[0]!, history.readMessages(big[0]!)));
			assert.equal(read.contentKey, history.contentKeys().get('big-one'));
			assert.equal(read.contribution.stats.message_count, 6);
		});

		it('fails the scan when reading a session found big fails', async () => {
			// Big sessions at both ends: whichever thread finds one (a helper's is read here from its
			// message event), the scan fails with the error and this process goes on.
			const sessions = [...big, ...Array.from({ length: 4 }, () => listed).flat(), ...big];
			const outcome = await readSessions(history, sessions, { script, home: bigHome, threads: 3 }, () => undefined, {
				readGuarded: () => {
					throw new Error('the guarded read failed');
				},
			}).then(() => 'resolved', (error: unknown) => String(error));
			assert.match(outcome, /the guarded read failed/);
		});
	});

	it('reports a session the helpers cannot read as a failed scan', async () => {
		const history = openHistory(home);
		const listed = history.listSessions();
		history.close();
		const sessions = Array.from({ length: 12 }, () => listed).flat();
		// The helpers are pointed at a home without state.db: their store cannot open.
		const reading = openHistory(home);
		try {
			const outcome = await readSessions(reading, sessions, { script, home: join(home, 'nowhere'), threads: 2 }, () => undefined).then(() => 'resolved', (error: unknown) => String(error));
			assert.match(outcome, /nowhere/);
		} finally {
			reading.close();
		}
	});
});
