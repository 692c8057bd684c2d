import { escapeMarkdown } from '../core/exportSnapshot.ts';
import type { AchievementView, Snapshot } from '../core/model.ts';
import type { CoordinatorState, ScanStatus } from '../core/service.ts';
import { closestInReach } from '../core/engine/nextInReach.ts';
import { formatAgoLong, formatAgoShort } from '../shared/durationText.ts';

/** What the status-bar item shows; derived from the service's state only, never read back from the item. */
export interface StatusBarPresentation {
	/** Codicon syntax, e.g. `$(hermes-trophy) 37/60`; `hermes-trophy` is our own icon (package.json contributes.icons). */
	readonly text: string;
	/** Markdown source. */
	readonly tooltip: string;
	readonly accessibilityLabel: string;
}

const stateLabels: Readonly<Record<CoordinatorState, string>> = {
	EMPTY: 'Not scanned yet',
	FRESH: 'Up to date',
	STALE: 'Out of date',
	SCANNING: 'Scanning',
	FAILED: 'Scan failed',
};

export function presentStatusBar(snapshot: Snapshot | undefined, status: ScanStatus, nowMs: number): StatusBarPresentation {
	const scanning = status.scanning;
	const error = status.last_error ?? snapshot?.error ?? null;
	const updatedAt = snapshot === undefined ? null : snapshot.generated_at * 1000;
	const stale = scanning === null && updatedAt !== null && (status.state === 'STALE' || nowMs - updatedAt > status.ttl_ms);
	const icon = scanning !== null ? '$(sync~spin)' : error !== null || status.unsaved !== null ? '$(warning)' : '$(hermes-trophy)';
	const score = snapshot === undefined ? (scanning !== null ? 'Scanning…' : 'Achievements') : `${snapshot.unlocked_count}/${snapshot.total_count}`;
	const text = `${icon} ${score}${stale ? ' $(history)' : ''}`;

	const tooltip: string[] = [
		snapshot === undefined
			? '**Hermes Achievements**'
			: `**Hermes Achievements**: ${snapshot.unlocked_count} of ${snapshot.total_count} unlocked`,
		'',
		`${updatedAt === null ? 'Never updated' : `Updated ${formatAgoShort(updatedAt, nowMs)}`} · ${stateLabels[status.state]}` +
			`${stale ? ' (older than the refresh interval)' : ''}`,
	];
	if (status.other_scanner !== null) {
		tooltip.push('', 'Another window is updating; its result shows here when it is done.');
	} else if (scanning !== null && scanning.sessions_total > 0) {
		tooltip.push('', `Scanning: ${scanning.sessions_done} / ${scanning.sessions_total} sessions`);
	}
	if (error !== null) {
		tooltip.push('', `Last scan failed: ${escapeMarkdown(error)}`);
	}
	if (status.unsaved !== null) {
		tooltip.push('', `$(warning) ${escapeMarkdown(status.unsaved)}`);
	}
	const next = snapshot === undefined ? undefined : nextInReach(snapshot);
	if (next !== undefined) {
		tooltip.push('', `Next in reach: ${describeNext(next)}`);
	}
	tooltip.push('', `Hermes home: ${escapeMarkdown(status.home)}`, '', 'Click to open the achievements.');

	const spoken: string[] = [
		snapshot === undefined
			? 'Hermes Achievements: nothing scanned yet'
			: `Hermes Achievements: ${snapshot.unlocked_count} of ${snapshot.total_count} unlocked` +
				`${updatedAt === null ? '' : `, updated ${formatAgoLong(updatedAt, nowMs)}`}`,
	];
	if (scanning !== null) {
		spoken.push(scanning.sessions_total > 0 ? `scanning ${scanning.sessions_done} of ${scanning.sessions_total} sessions` : 'scanning');
	} else if (error !== null) {
		spoken.push('the last scan failed');
	} else if (status.unsaved !== null) {
		spoken.push('results not saved');
	} else if (stale) {
		spoken.push('out of date');
	}
	return { text, tooltip: tooltip.join('\n'), accessibilityLabel: spoken.join(', ') };
}

/** The achievement closest to its next step, as the view and the CLI pick it too. */
export function nextInReach(snapshot: Snapshot): AchievementView | undefined {
	return closestInReach(snapshot.achievements, 1)[0];
}

function describeNext(achievement: AchievementView): string {
	const name = `**${escapeMarkdown(achievement.name)}**`;
	if (achievement.kind === 'multi_condition' || achievement.next_tier === null) {
		return `${name}, ${achievement.progress_pct}% of the way`;
	}
	return `${name}, ${achievement.next_tier} at ${achievement.next_threshold} (now ${achievement.progress})`;
}
