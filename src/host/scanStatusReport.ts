import { escapeMarkdown } from '../core/exportSnapshot.ts';
import type { Snapshot } from '../core/model.ts';
import type { ScanStatus } from '../core/service.ts';
import { formatAgoShort, formatDuration } from '../shared/durationText.ts';

/** The Show Scan Status document: state, times, last duration, counters and the last error, as Markdown. */
export function scanStatusReport(snapshot: Snapshot | undefined, status: ScanStatus, nowMs: number, demo = false): string {
	const when = (ms: number | null): string => (ms === null ? 'never' : `${new Date(ms).toISOString()} (${formatAgoShort(ms, nowMs)})`);
	const { counters } = status;
	const lines: string[] = [
		'# Hermes Achievements: scan status',
		'',
		...(demo ? ['**Demo data**: a generated history in the extension\'s storage, not yours. Leave the demo from the Achievements view.', ''] : []),
		`- State: ${status.state}`,
		`- Hermes home: ${escapeMarkdown(status.home)}`,
		`- Refresh interval (TTL): ${formatDuration(status.ttl_ms)}`,
		`- Last scan started: ${when(status.last_started_at)}`,
		`- Last scan finished (the history was last checked): ${when(status.last_finished_at)}`,
		`- Last success: ${when(status.last_success_at)}`,
		`- Last duration: ${status.last_duration_ms === null ? 'n/a' : formatDuration(status.last_duration_ms)}`,
		`- Last error: ${status.last_error === null ? 'none' : escapeMarkdown(status.last_error)}`,
		`- Not saved: ${status.unsaved === null ? 'nothing, everything is saved' : escapeMarkdown(status.unsaved)}`,
	];
	if (status.other_scanner !== null) {
		const { pid, since, sessions_done, sessions_total } = status.other_scanner;
		lines.push(`- Another process${pid === null ? '' : ` (pid ${pid})`} is updating: ${sessions_done} / ${sessions_total} sessions, started ${formatAgoShort(since, nowMs)}`);
	}
	if (status.scanning !== null) {
		const { kind, started_at, sessions_done, sessions_total } = status.scanning;
		lines.push(`- Scanning now: ${kind}, ${sessions_done} / ${sessions_total} sessions, started ${formatAgoShort(started_at, nowMs)}`);
	}
	lines.push('', '## Snapshot', '');
	if (snapshot === undefined) {
		lines.push('No snapshot yet.');
	} else {
		const meta = snapshot.scan_meta;
		lines.push(
			`- Unlocked: ${snapshot.unlocked_count} of ${snapshot.total_count} (${snapshot.discovered_count} discovered, ${snapshot.secret_count} secret)`,
			`- Generated: ${when(snapshot.generated_at * 1000)}`,
			`- Scan: ${meta.mode}, ${meta.sessions_total} sessions (${meta.sessions_rescanned} read, ${meta.sessions_reused} reused) in ${formatDuration(meta.duration_ms)}${meta.joined === true ? ', by another process' : ''}`,
			`- Partial: ${snapshot.partial ? 'yes, a scan is still streaming results' : 'no'}`,
		);
		if (snapshot.error !== null) {
			lines.push(`- Snapshot error: ${escapeMarkdown(snapshot.error)}`);
		}
	}
	lines.push(
		'',
		'## Counters (this window)',
		'',
		`- Scans run: ${counters.scans_run}`,
		`- Results taken from another window's scan: ${counters.scans_joined}`,
		`- Requests that joined a running scan: ${counters.requests_joined}`,
		`- Stale snapshots served: ${counters.stale_served}`,
		`- Failures: ${counters.failures}`,
		`- Duration: average ${formatDuration(counters.duration_avg_ms)}, 95th percentile ${formatDuration(counters.duration_p95_ms)}`,
	);
	return `${lines.join('\n')}\n`;
}
