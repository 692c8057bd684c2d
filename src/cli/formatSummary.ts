import { closestInReach } from '../core/engine/nextInReach.ts';
import { formatDuration } from '../shared/durationText.ts';
import { tierNames } from '../shared/tiers.ts';
import type { AchievementView, Snapshot } from '../core/model.ts';
import type { ScanStatus } from '../core/service.ts';
import { cliErrorText } from './errorText.ts';

const latestShown = 5;
const closestShown = 5;

/** The readable summary `scan` prints. */
export function formatSummary(snapshot: Snapshot): string {
	const all = snapshot.achievements;
	const unlocked = all.filter((a) => a.unlocked);
	const lines = [
		`Hermes Achievements: ${snapshot.home}`,
		`Unlocked ${snapshot.unlocked_count}/${snapshot.total_count} · discovered ${snapshot.discovered_count} · secret ${snapshot.secret_count} · highest tier: ${highestTier(unlocked) ?? 'none yet'}`,
		'',
		'By category',
		...byCategory(all),
	];
	// Earned dates come from the history; a snapshot without them (partial) falls back to the first-seen date.
	const dated = unlocked
		.map((a) => ({ a, at: a.earned_at ?? a.unlocked_at }))
		.filter((d): d is { a: AchievementView; at: number } => d.at !== null);
	const latest = dated.sort((x, y) => y.at - x.at).slice(0, latestShown);
	if (latest.length > 0) {
		lines.push('', 'Latest unlocks', ...latest.map(({ a, at }) => `  ${isoDate(at)}  ${a.name}${a.tier ? ` (${a.tier})` : ''}`));
	}
	const closest = closestInReach(all, closestShown);
	if (closest.length > 0) {
		lines.push('', 'Closest next', ...closest.map(formatNext));
	}
	const meta = snapshot.scan_meta;
	lines.push(
		'',
		`Scanned ${meta.sessions_total} sessions (${meta.sessions_rescanned} read, ${meta.sessions_reused} reused) in ${formatDuration(meta.duration_ms)} · ${meta.mode}`,
	);
	for (const skipped of meta.skipped ?? []) {
		lines.push(`Left out session ${skipped.session_id} (${skipped.title}): ${skipped.reason}`);
	}
	if (snapshot.error) {
		lines.push(`Last scan failed: ${cliErrorText(snapshot.error)}`);
	}
	return lines.join('\n');
}

/** The readable form of `status`. */
export function formatStatus(status: ScanStatus): string {
	const c = status.counters;
	return [
		`Hermes Achievements scan status: ${status.home}`,
		`State: ${status.state}${status.scanning ? ` (${status.scanning.kind}, ${status.scanning.sessions_done}/${status.scanning.sessions_total} sessions)` : ''}`,
		`Last success: ${status.last_success_at ? new Date(status.last_success_at).toISOString() : 'never'}`,
		`Last duration: ${status.last_duration_ms === null ? '-' : formatDuration(status.last_duration_ms)}`,
		`Last error: ${status.last_error === null ? 'none' : cliErrorText(status.last_error)}`,
		`Scans run: ${c.scans_run} · joined requests: ${c.requests_joined} · stale served: ${c.stale_served} · failures: ${c.failures}`,
		`Duration: average ${formatDuration(c.duration_avg_ms)}, p95 ${formatDuration(c.duration_p95_ms)}`,
	].join('\n');
}

function formatNext(a: AchievementView): string {
	const target = a.next_tier ? `${a.progress}/${a.next_threshold} to ${a.next_tier}` : `${a.progress}% of the way`;
	return `  ${a.name}: ${target} (${a.progress_pct}%)`;
}

function byCategory(achievements: readonly AchievementView[]): string[] {
	const categories = [...new Set(achievements.map((a) => a.category))];
	const width = Math.max(...categories.map((c) => c.length));
	return categories.map((category) => {
		const inCategory = achievements.filter((a) => a.category === category);
		const unlocked = inCategory.filter((a) => a.unlocked).length;
		return `  ${category.padEnd(width)}  ${unlocked}/${inCategory.length}`;
	});
}

function highestTier(unlocked: readonly AchievementView[]): string | null {
	const ranks = unlocked.map((a) => (a.tier ? tierNames.indexOf(a.tier) : -1));
	const best = Math.max(-1, ...ranks);
	return best >= 0 ? tierNames[best]! : null;
}

function isoDate(unixSeconds: number): string {
	return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}
