import { html, nothing, svg } from 'lit-html';
import type { TemplateResult } from 'lit-html';
import type { JourneyEventVm, JourneyVm } from '../../src/shared/protocol.ts';
import { formatDate, formatNumber, plural } from '../format.ts';
import { heatmapOf, parseDay } from '../heatmap.ts';
import type { Heatmap } from '../heatmap.ts';
import { chartBox, scoreChart } from '../journeyChart.ts';
import { tierClass } from './tier.ts';

const cell = 11;
const cellGap = 3;
const heatmapTop = 16;
const heatmapLeft = 28;
const weekdayLabels = [[1, 'Mon'], [3, 'Wed'], [5, 'Fri']] as const;
const levelNames = ['no sessions', 'a few', 'some', 'many', 'the most'] as const;

/**
 * The Journey section: the score over time with a marker per tier unlock (in its tier colour), the
 * last year of sessions as a calendar heatmap, and both as tables. Markers and days carry their
 * details in `data-tip` (shown on hover and keyboard focus by journeyInteractions.ts) and in their
 * accessible name; each chart is one tab stop, arrow keys move inside it.
 */
export function renderJourney(journey: JourneyVm, sessionsTotal: number): TemplateResult {
	const { events } = journey;
	const first = journey.firstSessionAt;
	const last = journey.lastSessionAt;
	const span = first !== null && last !== null ? `from ${formatDate(first)} to ${formatDate(last)}` : '';
	return html`<section class="journey" id="journey" aria-labelledby="journey-heading">
		<h2 id="journey-heading" class="section-heading" tabindex="-1">Journey</h2>
		<p class="journey-span">${plural(sessionsTotal, 'session')} ${span} · ${plural(events.length, 'tier unlock')}${
			events[0]?.at != null ? html` · first unlock ${formatDate(events[0].at)}` : nothing}</p>
		${events.length > 0 ? renderScoreChart(journey) : html`<p class="journey-empty">Nothing unlocked yet: your first unlock starts the chart.</p>`}
		${journey.untilDay !== null ? renderHeatmap(heatmapOf(journey.sessionsPerDay, journey.untilDay)) : nothing}
		<div class="journey-tip" role="tooltip" id="journey-tip" hidden></div>
		${events.length > 0 ? renderUnlockTable(events) : nothing}
	</section>`;
}

function renderScoreChart(journey: JourneyVm): TemplateResult {
	const chart = scoreChart(journey.events, journey.total, journey.firstSessionAt, journey.lastSessionAt);
	const { width, height, left, right, bottom } = chartBox;
	const final = journey.events.at(-1)?.score ?? 0;
	const label = `Score over time: ${final} of ${journey.total} unlocked after ${plural(journey.events.length, 'tier unlock')}. `
		+ 'Arrow keys move between unlocks; Enter opens the session.';
	return html`<figure class="journey-figure">
		<figcaption class="journey-caption">Score over time <span class="journey-note">each dot is a tier unlock, in its tier's colour</span></figcaption>
		<svg class="score-chart roving" viewBox="0 0 ${width} ${height}" role="group" aria-label=${label} aria-describedby="journey-tip">
			${chart.yTicks.map((tick) => svg`<line class="grid-line" x1=${left} x2=${width - right} y1=${tick.y} y2=${tick.y}></line>
				<text class="axis-label" x=${left - 8} y=${tick.y + 4} text-anchor="end">${tick.value}</text>`)}
			${chart.xTicks.map((tick) => svg`<text class="axis-label" x=${tick.x} y=${height - bottom + 20} text-anchor="middle">${tick.label}</text>`)}
			<path class="score-line" d=${chart.path}></path>
			${chart.markers.map((marker, index) => {
				const tip = eventText(marker.event);
				return marker.event.tier === null
					? svg`<rect class="marker marker-complete tier-none" x=${marker.x - 4.5} y=${marker.y - 4.5} width="9" height="9"
						transform="rotate(45 ${marker.x} ${marker.y})" tabindex=${index === 0 ? 0 : -1} role="img" aria-label=${tip}
						data-tip=${tip} data-action="open-session" data-session-id=${marker.event.sessionId}></rect>`
					: svg`<circle class="marker ${tierClass(marker.event.tier)}" cx=${marker.x} cy=${marker.y} r="5"
						tabindex=${index === 0 ? 0 : -1} role="img" aria-label=${tip}
						data-tip=${tip} data-action="open-session" data-session-id=${marker.event.sessionId}></circle>`;
			})}
		</svg>
	</figure>`;
}

function renderHeatmap(map: Heatmap): TemplateResult {
	const width = heatmapLeft + map.weeks * (cell + cellGap);
	const height = heatmapTop + 7 * (cell + cellGap);
	const label = `Sessions per day over the last 12 months: ${plural(map.total, 'session')}, at most ${map.busiest} a day. `
		+ 'Arrow keys move between days.';
	const focusIndex = map.cells.length - 1;
	return html`<figure class="journey-figure">
		<figcaption class="journey-caption">Sessions per day <span class="journey-note">the last 12 months</span></figcaption>
		<svg class="heatmap roving" viewBox="0 0 ${width} ${height}" role="group" aria-label=${label} aria-describedby="journey-tip">
			${map.months.map((month) => svg`<text class="axis-label" x=${heatmapLeft + month.week * (cell + cellGap)} y="10">${month.label}</text>`)}
			${weekdayLabels.map(([weekday, text]) => svg`<text class="axis-label" x="0" y=${heatmapTop + weekday * (cell + cellGap) + 9}>${text}</text>`)}
			${map.cells.map((day, index) => {
				const tip = `${formatDate(parseDay(day.day).getTime())}: ${day.count === 0 ? 'no sessions' : plural(day.count, 'session')}`;
				return svg`<rect class="day level-${day.level}" x=${heatmapLeft + day.week * (cell + cellGap)} y=${heatmapTop + day.weekday * (cell + cellGap)}
					width=${cell} height=${cell} rx="2" tabindex=${index === focusIndex ? 0 : -1} role="img" aria-label=${tip} data-tip=${tip}></rect>`;
			})}
		</svg>
		<p class="heatmap-legend" aria-hidden="true">Less ${[0, 1, 2, 3, 4].map((level) => html`<span class="legend-swatch level-${level}" title=${levelNames[level]!}></span>`)} More</p>
		${renderMonthTable(map)}
	</figure>`;
}

function renderUnlockTable(events: readonly JourneyEventVm[]): TemplateResult {
	return html`<details class="journey-table">
		<summary>Every unlock as a table</summary>
		<table>
			<caption class="visually-hidden">Tier unlocks in the order the history earned them</caption>
			<thead><tr><th scope="col">Date</th><th scope="col">Achievement</th><th scope="col">Tier</th><th scope="col">Session</th><th scope="col">Score</th></tr></thead>
			<tbody>${events.map((event) => html`<tr>
				<td>${event.at === null ? 'Undated' : formatDate(event.at)}</td>
				<td>${event.name}</td>
				<td><span class="tier-text ${tierClass(event.tier)}">${event.tier ?? 'Complete'}</span></td>
				<td><button type="button" class="link" data-action="open-session" data-session-id=${event.sessionId}>${sessionTitle(event.sessionTitle)}</button></td>
				<td class="numeric">${formatNumber(event.score)}</td>
			</tr>`)}</tbody>
		</table>
	</details>`;
}

function renderMonthTable(map: Heatmap): TemplateResult {
	const months = new Map<string, { sessions: number; days: number }>();
	for (const day of map.cells) {
		const key = day.day.slice(0, 7);
		const month = months.get(key) ?? { sessions: 0, days: 0 };
		month.sessions += day.count;
		month.days += day.count > 0 ? 1 : 0;
		months.set(key, month);
	}
	const monthName = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' });
	return html`<details class="journey-table">
		<summary>Sessions per month as a table</summary>
		<table>
			<caption class="visually-hidden">Sessions per month over the last 12 months</caption>
			<thead><tr><th scope="col">Month</th><th scope="col">Sessions</th><th scope="col">Days with sessions</th></tr></thead>
			<tbody>${[...months].map(([key, month]) => html`<tr>
				<td>${monthName.format(parseDay(`${key}-01`))}</td>
				<td class="numeric">${formatNumber(month.sessions)}</td>
				<td class="numeric">${formatNumber(month.days)}</td>
			</tr>`)}</tbody>
		</table>
	</details>`;
}

function eventText(event: JourneyEventVm): string {
	const what = event.tier === null ? `${event.name} completed` : `${event.name}: ${event.tier}`;
	const when = event.at === null ? '' : ` on ${formatDate(event.at)}`;
	return `${what}${when}, in "${sessionTitle(event.sessionTitle)}". Score ${event.score}.`;
}

function sessionTitle(title: string): string {
	return title.trim() === '' ? 'Untitled session' : title;
}
