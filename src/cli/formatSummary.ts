import { tierNames } from '../core/engine/evaluate.ts';
import type { AchievementView, Snapshot } from '../core/model.ts';
import type { ScanStatus } from '../core/service.ts';

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
	const latest = unlocked
		.filter((a) => a.unlocked_at !== null)
		.sort((a, b) => b.unlocked_at! - a.unlocked_at!)
		.slice(0, latestShown);
	if (latest.length > 0) {
		lines.push('', 'Latest unlocks', ...latest.map((a) => `  ${isoDate(a.unlocked_at!)}  ${a.name}${a.tier ? ` (${a.tier})` : ''}`));
	}
	const closest = closestNext(all, closestShown);
	if (closest.length > 0) {
		lines.push('', 'Closest next', ...closest.map(formatNext));
	}
	const meta = snapshot.scan_meta;
	lines.push(
		'',
		`Scanned ${meta.sessions_total} sessions (${meta.sessions_rescanned} read, ${meta.sessions_reused} reused) in ${seconds(meta.duration_ms)} · ${meta.mode}`,
	);
	if (snapshot.error) {
		lines.push(`Last scan failed: ${snapshot.error}`);
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
		`Last duration: ${status.last_duration_ms === null ? '-' : seconds(status.last_duration_ms)}`,
		`Last error: ${status.last_error ?? 'none'}`,
		`Scans run: ${c.scans_run} · joined requests: ${c.requests_joined} · stale served: ${c.stale_served} · failures: ${c.failures}`,
		`Duration: average ${seconds(c.duration_avg_ms)}, p95 ${seconds(c.duration_p95_ms)}`,
	].join('\n');
}

/** The achievements closest to their next tier (or, for multi-condition ones, to unlocking). */
export function closestNext(achievements: readonly AchievementView[], count: number): AchievementView[] {
	return achievements
		.filter((a) => a.state !== 'secret' && a.progress_pct < 100)
		// Code-point order for ties: the names are plain ASCII, and the first localeCompare loads ICU (15 ms of a 0.1 s command).
		.sort((a, b) => b.progress_pct - a.progress_pct || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
		.slice(0, count);
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

function seconds(ms: number): string {
	return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
