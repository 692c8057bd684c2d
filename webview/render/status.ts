import { html, nothing } from 'lit-html';
import type { TemplateResult } from 'lit-html';
import type { LastReadVm, ScanStatusVm, ViewModel } from '../../src/shared/protocol.ts';
import { formatDuration, formatNumber, plural, relativeTime } from '../format.ts';
import { icon, meter } from './parts.ts';

interface StatusLine {
	readonly icon: string;
	readonly spin: boolean;
	readonly parts: readonly string[];
	/** Sessions done out of total, when a scan that reads sessions is running. */
	readonly bar: { readonly done: number; readonly total: number } | null;
}

/**
 * The status line in plain words: what happened last (when, how long, how many sessions), or what
 * runs now. When the history was last merely checked, and the technical counters, are in the
 * Scan Status document instead.
 */
export function renderStatus(model: ViewModel, now: number): TemplateResult | typeof nothing {
	const { scan } = model;
	if (model.problem?.kind === 'no-home') {
		return nothing;
	}
	const line = statusLine(scan, model.lastRead, now);
	const textParts = line.parts.map((part, index) => {
		const last = index === line.parts.length - 1;
		return html`<span class="status-part">${last ? part : `${part} ·`}</span>${last ? '' : ' '}`;
	});
	return html`<div class="status">
		<p class="status-line">${icon(line.icon, line.spin ? 'codicon-modifier-spin status-icon' : 'status-icon')}<span class="status-text">${textParts}</span></p>
		${line.bar ? meter((line.bar.done / line.bar.total) * 100, 'Sessions read', `${formatNumber(line.bar.done)} of ${plural(line.bar.total, 'session')}`, 'meter-scan') : nothing}
		${scan.error && model.achievements.length > 0 && scan.updatedAt !== null
			? html`<p class="status-error">${icon('warning', 'status-icon')}<span>The last scan failed: ${scan.error}. Showing the last good results.</span></p>`
			: nothing}
		${scan.unsavedMessage
			? html`<p class="status-note">${icon('info', 'status-icon')}<span>${scan.unsavedMessage}</span></p>`
			: nothing}
	</div>`;
}

function statusLine(scan: ScanStatusVm, lastRead: LastReadVm | null, now: number): StatusLine {
	const progress = scan.progress && scan.progress.total > 0 ? scan.progress : null;
	if (scan.phase === 'bootstrap' || scan.partial) {
		return {
			icon: 'sync', spin: true, bar: progress,
			parts: [progress
				? `Reading your Hermes history… ${formatNumber(progress.done)} of ${plural(progress.total, 'session')}`
				: 'Reading your Hermes history…'],
		};
	}
	if (scan.updatingInBackground) {
		const parts = [scan.phase === 'rebuild' ? 'Rebuilding from all sessions…' : 'Reading new sessions…'];
		if (progress) {
			parts.push(`${formatNumber(progress.done)} of ${formatNumber(progress.total)}`);
		}
		return { icon: 'sync', spin: true, bar: progress, parts };
	}
	if (scan.otherWindowScanning) {
		return { icon: 'sync', spin: true, bar: null, parts: ['Another window is updating your achievements…'] };
	}
	if (scan.updatedAt !== null) {
		const parts = [`Updated ${relativeTime(scan.updatedAt, now)}`, whatWasRead(scan, lastRead)];
		if (scan.skippedNote) {
			parts.push(scan.skippedNote);
		}
		if (scan.stale && !scan.error) {
			parts.push('due for a check');
		}
		return { icon: scan.error ? 'warning' : scan.stale ? 'history' : 'check', spin: false, bar: null, parts };
	}
	if (scan.state === 'FAILED') {
		return { icon: 'error', spin: false, bar: null, parts: ['Could not read the Hermes history'] };
	}
	return { icon: 'circle-large-outline', spin: false, bar: null, parts: ['Not read yet'] };
}

/** "all 3,000 sessions read in 9.1 s", "2 new or changed sessions read in 40 ms", "300 sessions". */
function whatWasRead(scan: ScanStatusVm, lastRead: LastReadVm | null): string {
	const read = lastRead?.sessionsRead ?? scan.sessionsRead;
	const total = lastRead?.sessionsTotal ?? scan.sessionsTotal;
	const took = scan.durationMs === null ? '' : ` in ${formatDuration(scan.durationMs)}`;
	if (lastRead?.full || (read > 0 && read === total)) {
		return `all ${plural(total, 'session')} read${took}`;
	}
	if (read > 0) {
		return `${formatNumber(read)} new or changed ${read === 1 ? 'session' : 'sessions'} read${took}`;
	}
	return plural(total, 'session');
}

/**
 * What the polite live region says. It only changes when the phase does (scan started, finished,
 * failed), never on a progress tick, so a screen reader is not flooded during a scan.
 */
export function announcementFor(model: ViewModel): string {
	const { scan, problem } = model;
	if (problem) {
		switch (problem.kind) {
			case 'no-home':
				return 'No Hermes history found yet.';
			case 'no-sessions':
				return 'No Hermes sessions yet.';
			case 'unreadable':
				return `Cannot read achievements: ${problem.message}`;
		}
	}
	if (scan.partial) {
		return 'Reading your Hermes history.';
	}
	switch (scan.phase) {
		case 'bootstrap':
			return 'Reading your Hermes history.';
		case 'refresh':
			return 'Updating achievements in the background.';
		case 'rebuild':
			return 'Rebuilding all achievements.';
		case 'idle':
			if (scan.error) {
				return `The last scan failed: ${scan.error}`;
			}
			return scan.updatedAt === null
				? 'Achievements not read yet.'
				: `Achievements up to date: ${model.summary.unlocked} of ${model.summary.total} unlocked.`;
	}
}
