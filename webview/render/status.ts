import type { ScanStatusVm, ViewModel } from '../../src/shared/protocol.ts';
import { formatDuration, formatNumber, plural, relativeTime } from '../format.ts';
import { h, icon, meter } from '../dom.ts';

/** The visible scan status line; it may change every progress tick. */
export function renderStatus(scan: ScanStatusVm, now: number): HTMLElement {
	const parts: string[] = [];
	let iconName = 'check';
	let spin = false;
	if (scan.phase === 'bootstrap' || (scan.updatedAt === null && scan.phase !== 'idle')) {
		iconName = 'sync';
		spin = true;
		parts.push(scan.progress && scan.progress.total > 0
			? `Reading your Hermes history… ${formatNumber(scan.progress.done)} of ${plural(scan.progress.total, 'session')}`
			: 'Reading your Hermes history…');
	} else if (scan.updatingInBackground) {
		iconName = 'sync';
		spin = true;
		parts.push(scan.phase === 'rebuild' ? 'Rebuilding in background' : 'Updating in background');
		if (scan.updatedAt !== null) {
			parts.push(`last updated ${relativeTime(scan.updatedAt, now)}`);
		}
	} else if (scan.updatedAt !== null) {
		iconName = scan.error ? 'warning' : scan.stale ? 'history' : 'check';
		parts.push(`Updated ${relativeTime(scan.updatedAt, now)}`);
		if (scan.durationMs !== null) {
			parts.push(formatDuration(scan.durationMs));
		}
		parts.push(`${formatNumber(scan.sessionsRead)} read, ${formatNumber(scan.sessionsReused)} reused`);
	} else if (scan.state === 'FAILED') {
		iconName = 'error';
		parts.push('Scan failed');
	} else {
		iconName = 'circle-large-outline';
		parts.push('Not scanned yet');
	}
	const line = h('p', { class: 'status-line' },
		icon(iconName, spin ? 'codicon-modifier-spin status-icon' : 'status-icon'),
		h('span', { class: 'status-text' }, ...joinParts(parts)));
	const showBar = scan.progress !== null && scan.phase === 'bootstrap' && scan.progress.total > 0;
	const bar = showBar && scan.progress
		? meter((scan.progress.done / scan.progress.total) * 100, 'Sessions scanned',
			`${scan.progress.done} of ${scan.progress.total} sessions`, 'meter-scan')
		: null;
	const error = scan.error && scan.updatedAt !== null
		? h('p', { class: 'status-error' }, icon('warning', 'status-icon'),
			h('span', {}, `The last scan failed: ${scan.error}. Showing the last good results.`))
		: null;
	return h('div', { class: 'status' }, line, bar, error);
}

/**
 * Each part is its own box, so a narrow view breaks the line between parts rather than inside
 * one; the separator stays at the end of the line it follows.
 */
function joinParts(parts: readonly string[]): Array<Node | string> {
	return parts.flatMap((part, index) => {
		const last = index === parts.length - 1;
		return [h('span', { class: 'status-part' }, last ? part : `${part} ·`), last ? '' : ' '];
	});
}

/**
 * What the polite live region says. It only changes when the phase does (scan started, finished,
 * failed), never on a progress tick, so a screen reader is not flooded during a scan.
 */
export function announcementFor(model: ViewModel): string {
	const { scan, problem } = model;
	if (problem) {
		return problem.kind === 'no-sessions' ? 'No Hermes sessions yet.' : `Cannot read achievements: ${problem.message}`;
	}
	switch (scan.phase) {
		case 'bootstrap':
			return 'Scanning your Hermes history.';
		case 'refresh':
			return 'Updating achievements in the background.';
		case 'rebuild':
			return 'Rescanning all achievements.';
		case 'idle':
			if (scan.error) {
				return `The last scan failed: ${scan.error}`;
			}
			return scan.updatedAt === null
				? 'Achievements not scanned yet.'
				: `Achievements up to date: ${model.summary.unlocked} of ${model.summary.total} unlocked.`;
	}
}
