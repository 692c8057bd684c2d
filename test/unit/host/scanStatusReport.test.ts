import assert from 'node:assert/strict';
import { scanStatusReport } from '../../../src/host/scanStatusReport.ts';
import { generatedAt, snapshot, status } from './snapshotBuilders.ts';

describe('scanStatusReport', () => {
	const now = generatedAt * 1000 + 5 * 60_000;

	it('lists state, home, times, the last duration, counters and the snapshot', () => {
		const report = scanStatusReport(snapshot(), status({ counters: { scans_run: 4, scans_joined: 0, requests_joined: 2, stale_served: 3, failures: 1, duration_avg_ms: 900, duration_p95_ms: 1500 } }), now);
		assert.match(report, /^# Hermes Achievements: scan status$/m);
		assert.match(report, /^- State: FRESH$/m);
		assert.match(report, /^- Hermes home: \/home\/user\/\.hermes$/m);
		assert.match(report, new RegExp(`^- Last success: ${new Date(generatedAt * 1000).toISOString()} \\(5 min ago\\)$`, 'm'));
		assert.match(report, /^- Last duration: 840 ms$/m);
		assert.match(report, /^- Last error: none$/m);
		assert.match(report, /^- Scan: incremental, 120 sessions \(3 read, 117 reused\) in 840 ms$/m);
		assert.match(report, /^- Scans run: 4$/m);
		assert.match(report, /^- Failures: 1$/m);
		assert.match(report, /^- Duration: average 900 ms, 95th percentile 1\.5 s$/m);
	});

	it('shows a running scan and the last error', () => {
		const report = scanStatusReport(undefined, status({
			state: 'SCANNING',
			last_error: 'state.db: file is not a database',
			last_success_at: null,
			scanning: { kind: 'bootstrap', started_at: now - 2000, sessions_done: 7, sessions_total: 40 },
		}), now);
		assert.match(report, /^- Scanning now: bootstrap, 7 \/ 40 sessions, started just now$/m);
		assert.match(report, /^- Last error: state\.db: file is not a database$/m);
		assert.match(report, /^- Last success: never$/m);
		assert.match(report, /^No snapshot yet\.$/m);
	});

	it('says so when the figures come from the demo history', () => {
		assert.match(scanStatusReport(snapshot(), status(), now, true), /^\*\*Demo data\*\*: a generated history/m);
		assert.doesNotMatch(scanStatusReport(snapshot(), status(), now), /Demo data/);
	});
});
