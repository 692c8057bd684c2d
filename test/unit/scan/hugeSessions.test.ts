// Histories with sessions too big to hold in memory, scanned as users run it: the bundled CLI
// with its worker, as a child process whose peak memory is measured.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { analyzeSession } from '../../../src/core/analysis/analyzeSession.ts';
import { Aggregate } from '../../../src/core/engine/aggregate.ts';
import { openHistory } from '../../../src/core/hermes/history.ts';
import { sessionByteBudget } from '../../../src/core/hermes/sessionBudget.ts';
import type { Snapshot } from '../../../src/core/model.ts';
import { appendRepeatedSession } from '../../support/bigSessions.ts';
import type { RepeatedSession } from '../../support/bigSessions.ts';
import { removeDir, unpackParityHome } from '../../support/fixtures.ts';
import { runNodeMeasured } from '../../support/peakRss.ts';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const fixture = 'seed11-s30-v11-quiet';
const peakLimitMb = 600;
const mb = 1024 * 1024;
/** Words that several rules count, so a huge session would change the totals if it were read. */
const toolOutputLine = 'Traceback: npm install failed, port 3000 already in use; see /home/u/app/main.py (docker container name already taken)\n';

interface Scan {
	readonly snapshot: Snapshot;
	readonly peakRssMb: number;
}

function scanWithCli(home: string): Scan {
	const run = runNodeMeasured([cli, 'scan', '--home', home, '--json'], 120_000);
	assert.equal(run.status, 0, `exit status ${String(run.status)}: ${run.stderr}`);
	assert.ok(Number.isFinite(run.peakRssMb), 'the child reported its peak memory');
	return { snapshot: JSON.parse(run.stdout) as Snapshot, peakRssMb: run.peakRssMb };
}

function homeWith(session: RepeatedSession): string {
	const home = unpackParityHome(fixture);
	appendRepeatedSession(join(home, 'state.db'), session);
	return home;
}

describe('huge sessions', function () {
	this.timeout(180_000);
	let baseline: Snapshot;
	const homes: string[] = [];

	before(() => {
		execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' });
		const home = unpackParityHome(fixture);
		homes.push(home);
		baseline = scanWithCli(home).snapshot;
		assert.equal(baseline.aggregate.session_count, 30);
	});
	after(() => {
		for (const home of homes) removeDir(home);
	});

	function assertLeftOut(scan: Scan, sessionId: string, reason: RegExp): void {
		const skipped = scan.snapshot.scan_meta.skipped ?? [];
		assert.deepEqual(skipped.map((entry) => entry.session_id), [sessionId]);
		assert.match(skipped[0]?.reason ?? '', reason);
		assert.equal(scan.snapshot.error, null);
		assert.equal(scan.snapshot.scan_meta.sessions_total, 31);
		// Everything else is counted exactly as in the same history without the huge session.
		assert.deepEqual(scan.snapshot.aggregate, baseline.aggregate);
		assert.equal(scan.snapshot.unlocked_count, baseline.unlocked_count);
		assert.ok(scan.peakRssMb < peakLimitMb, `peak RSS ${Math.round(scan.peakRssMb)} MB`);
		console.log(`      peak RSS ${Math.round(scan.peakRssMb)} MB`);
	}

	it('45 tool outputs of 10 MB: exit 0, the rest counted, the session left out with the reason, peak RSS under 600 MB', () => {
		const home = homeWith({ id: 'huge-outputs', messages: 45, charsPerMessage: 10 * mb, line: toolOutputLine, role: 'tool', toolName: 'terminal' });
		homes.push(home);
		const first = scanWithCli(home);
		assertLeftOut(first, 'huge-outputs', /450 MB of message text, more than the 100 MB/);
		// Left out again on the next run, without reading it: the report stays.
		const second = scanWithCli(home);
		assertLeftOut(second, 'huge-outputs', /450 MB/);
		removeDir(home);
	});

	it('one message of 450 MB: exit 0, the rest counted, the session left out with the reason, peak RSS under 600 MB', () => {
		const home = homeWith({ id: 'huge-message', messages: 1, charsPerMessage: 450 * mb, line: toolOutputLine, role: 'assistant', toolName: null });
		homes.push(home);
		assertLeftOut(scanWithCli(home), 'huge-message', /450 MB of message text/);
		removeDir(home);
	});

	it('a session of 45 x 2 MB is read whole: the result equals the analysis of every session in one piece', () => {
		const home = homeWith({ id: 'big-outputs', messages: 45, charsPerMessage: 2 * mb, line: toolOutputLine, role: 'tool', toolName: 'terminal' });
		homes.push(home);
		const scan = scanWithCli(home);
		assert.deepEqual(scan.snapshot.scan_meta.skipped, []);
		const expected = new Aggregate();
		const history = openHistory(home);
		try {
			const sessions = history.listSessions();
			const big = sessions.find((session) => session.id === 'big-outputs');
			assert.ok(big && history.storedBytes(big) > 90 * mb && history.storedBytes(big) < sessionByteBudget);
			for (const session of sessions) expected.add(analyzeSession(session, history.readMessages(session)));
		} finally {
			history.close();
		}
		assert.deepEqual(scan.snapshot.aggregate, expected.values());
		assert.equal(scan.snapshot.aggregate.session_count, 31);
		assert.ok((scan.snapshot.aggregate.traceback_events ?? 0) > (baseline.aggregate.traceback_events ?? 0));
		assert.ok(scan.peakRssMb < peakLimitMb, `peak RSS ${Math.round(scan.peakRssMb)} MB`);
		console.log(`      peak RSS ${Math.round(scan.peakRssMb)} MB`);
		removeDir(home);
	});
});
