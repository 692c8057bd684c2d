import type { AchievementView, Snapshot } from './model.ts';

/** The snapshot as the dashboard's `/achievements` returns it, pretty-printed, so its tools can read the file. */
export function snapshotToJson(snapshot: Snapshot): string {
	return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/**
 * A Markdown report: unlocked achievements, the ones in progress, and only a count of hidden secrets
 * (an export must not reveal what the grid keeps hidden). Dates are UTC so the file reads the same everywhere.
 */
export function snapshotToMarkdown(snapshot: Snapshot): string {
	const unlocked = snapshot.achievements.filter((a) => a.state === 'unlocked');
	const inProgress = snapshot.achievements.filter((a) => a.state === 'discovered');
	const hidden = snapshot.achievements.filter((a) => a.state === 'secret');
	const lines: string[] = [
		'# Hermes Achievements',
		'',
		`${snapshot.unlocked_count} of ${snapshot.total_count} unlocked, generated ${formatUtcMinute(snapshot.generated_at * 1000)} ` +
			`from ${snapshot.scan_meta.sessions_total} ${plural(snapshot.scan_meta.sessions_total, 'session')}.`,
		'',
		`Hermes home: ${escapeMarkdown(snapshot.home)}`,
	];
	if (snapshot.partial) {
		lines.push('', '_A scan was still running: counts may be incomplete._');
	}
	if (snapshot.error !== null) {
		lines.push('', `_Last scan error: ${escapeMarkdown(snapshot.error)}_`);
	}
	lines.push('', `## Unlocked (${unlocked.length})`, '');
	if (unlocked.length === 0) {
		lines.push('None yet.');
	} else {
		lines.push('| Achievement | Category | Tier | Progress | Earned | In session | First unlocked |', '| --- | --- | --- | --- | --- | --- | --- |');
		for (const achievement of unlocked) {
			lines.push(row([
				achievement.name,
				achievement.category,
				achievement.tier ?? '',
				progressText(achievement),
				achievement.earned_at === null ? '' : formatUtcDate(achievement.earned_at * 1000),
				achievement.earned_session_title ?? '',
				achievement.unlocked_at === null ? '' : formatUtcDate(achievement.unlocked_at * 1000),
			]));
		}
	}
	lines.push('', `## In progress (${inProgress.length})`, '');
	if (inProgress.length === 0) {
		lines.push('None.');
	} else {
		lines.push('| Achievement | Category | Progress | Criteria |', '| --- | --- | --- | --- |');
		for (const achievement of inProgress) {
			lines.push(row([achievement.name, achievement.category, progressText(achievement), achievement.criteria]));
		}
	}
	if (hidden.length > 0) {
		lines.push('', '## Secrets', '', `${hidden.length} secret ${plural(hidden.length, 'achievement')} not discovered yet.`);
	}
	return `${lines.join('\n')}\n`;
}

/**
 * Backslash-escapes the Markdown that works mid-line (emphasis, code, links, HTML, table pipes) so text
 * from the Hermes data is shown literally; newlines become spaces, so it never starts a block of its own.
 */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function progressText(achievement: AchievementView): string {
	if (achievement.kind === 'multi_condition') {
		return achievement.unlocked ? 'Complete' : `${achievement.progress_pct}%`;
	}
	if (achievement.next_tier === null) {
		return `${achievement.progress} (highest tier)`;
	}
	return `${achievement.progress} / ${achievement.next_threshold} for ${achievement.next_tier}`;
}

function row(cells: readonly string[]): string {
	return `| ${cells.map(escapeMarkdown).join(' | ')} |`;
}

function formatUtcDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

function formatUtcMinute(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function plural(count: number, noun: string): string {
	return count === 1 ? noun : `${noun}s`;
}
