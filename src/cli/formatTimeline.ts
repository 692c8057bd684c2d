import type { Snapshot } from '../core/model.ts';
import { timelineOf } from '../core/timeline.ts';
import type { TimelineEvent } from '../core/timeline.ts';

const titleWidth = 60;

/** What `timeline --json` prints: the unlocks in earned order, and the span of the history. */
export function timelineJson(snapshot: Snapshot): {
	home: string;
	unlocked_count: number;
	total_count: number;
	first_session_at: number | null;
	last_session_at: number | null;
	unlocks: TimelineEvent[];
} {
	return {
		home: snapshot.home,
		unlocked_count: snapshot.unlocked_count,
		total_count: snapshot.total_count,
		first_session_at: snapshot.activity.first_session_at,
		last_session_at: snapshot.activity.last_session_at,
		unlocks: timelineOf(snapshot),
	};
}

/** The readable form: one line per tier unlock, oldest first. Dates are UTC, like the summary's. */
export function formatTimeline(snapshot: Snapshot): string {
	const events = timelineOf(snapshot);
	const { first_session_at: first, last_session_at: last } = snapshot.activity;
	const lines = [`Hermes Achievements timeline: ${snapshot.home}`];
	if (events.length === 0) {
		lines.push('', 'Nothing unlocked yet.');
		return lines.join('\n');
	}
	const span = first !== null && last !== null ? `, history from ${isoDate(first)} to ${isoDate(last)}` : '';
	lines.push(`${events.length} tier unlocks, ${snapshot.unlocked_count}/${snapshot.total_count} achievements${span}`, '');
	const labels = events.map((e) => (e.tier ? `${e.name} (${e.tier})` : `${e.name} (complete)`));
	const width = Math.max(...labels.map((label) => label.length));
	const scoreWidth = String(snapshot.total_count).length;
	lines.push(`  ${'date'.padEnd(10)}  ${'score'.padStart(Math.max(5, scoreWidth))}  ${'unlock'.padEnd(width)}  session`);
	events.forEach((event, index) => {
		const date = event.earned_at === null ? 'undated'.padEnd(10) : isoDate(event.earned_at);
		const score = String(event.unlocked_count).padStart(Math.max(5, scoreWidth));
		lines.push(`  ${date}  ${score}  ${labels[index]!.padEnd(width)}  ${shortTitle(event.session_title)} [${event.session_id}]`);
	});
	return lines.join('\n');
}

function shortTitle(title: string): string {
	const flat = title.replace(/\s+/g, ' ').trim() || 'Untitled';
	const chars = [...flat];
	return chars.length > titleWidth ? `${chars.slice(0, titleWidth - 1).join('')}…` : flat;
}

function isoDate(unixSeconds: number): string {
	return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}
