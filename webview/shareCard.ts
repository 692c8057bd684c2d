import { tierNames } from '../src/shared/protocol.ts';
import type { AchievementCardVm, TierName, ViewModel } from '../src/shared/protocol.ts';
import { tierRank } from '../src/shared/tiers.ts';
import { formatDate, formatNumber, plural } from './format.ts';

/** The card's size: what social sites use for link previews. */
export const cardWidth = 1200;
export const cardHeight = 630;

/** The colours and font the card is drawn in: the current theme's, read from VS Code's CSS variables. */
export interface CardPalette {
	readonly background: string;
	readonly foreground: string;
	readonly muted: string;
	readonly accent: string;
	readonly track: string;
	readonly font: string;
	readonly tiers: Readonly<Record<TierName, string>>;
}

interface TextRun {
	readonly text: string;
	readonly size: number;
	readonly weight?: number;
	readonly fill: string;
}

/** What the card is made of; drawn twice, as SVG text and on a canvas, from the same list. */
export type CardShape =
	| { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly radius: number; readonly fill: string; readonly opacity?: number; readonly stroke?: string }
	| { readonly kind: 'circle'; readonly x: number; readonly y: number; readonly r: number; readonly fill: string }
	| { readonly kind: 'text'; readonly x: number; readonly y: number; readonly anchor: 'start' | 'middle' | 'end'; readonly runs: readonly TextRun[] };

/** Fixed dark colours for anything the theme does not define (outside VS Code, in tests). */
const fallback: CardPalette = {
	background: '#1f1f1f', foreground: '#cccccc', muted: '#9d9d9d', accent: '#0078d4', track: '#3c3c3c',
	font: 'system-ui, sans-serif',
	tiers: { Copper: '#D98E5F', Silver: '#C3CAD3', Gold: '#E8B83E', Diamond: '#7DD8F2', Olympian: '#C8A2FF' },
};

const highlightsShown = 6;
const nameChars = 30;

/** The theme's colours as the webview sees them now (VS Code sets them as CSS variables on the document). */
export function themePalette(style: CSSStyleDeclaration): CardPalette {
	const read = (name: string, otherwise: string): string => style.getPropertyValue(name).trim() || otherwise;
	return {
		background: read('--vscode-editor-background', fallback.background),
		foreground: read('--vscode-editor-foreground', read('--vscode-foreground', fallback.foreground)),
		muted: read('--vscode-descriptionForeground', fallback.muted),
		accent: read('--vscode-progressBar-background', read('--vscode-focusBorder', fallback.accent)),
		track: read('--vscode-widget-border', read('--vscode-editorWidget-border', fallback.track)),
		font: read('--vscode-font-family', fallback.font),
		tiers: Object.fromEntries(tierNames.map((tier) => [tier, read(`--vscode-hermesAchievements-tier${tier}`, fallback.tiers[tier])])) as Record<TierName, string>,
	};
}

/**
 * The card: score and bar, the tier ladder, the highest-tier unlocks and the span of the history.
 * Only counts, achievement names and dates: no paths, no session titles, nothing from a transcript.
 */
export function cardShapes(model: ViewModel, palette: CardPalette): CardShape[] {
	const { summary, journey } = model;
	const shapes: CardShape[] = [
		{ kind: 'rect', x: 0, y: 0, width: cardWidth, height: cardHeight, radius: 0, fill: palette.background },
		{ kind: 'rect', x: 24, y: 24, width: cardWidth - 48, height: cardHeight - 48, radius: 24, fill: palette.background, stroke: palette.track },
		{ kind: 'rect', x: 24, y: 96, width: 8, height: 120, radius: 4, fill: palette.accent },
		text(64, 92, [{ text: 'HERMES ACHIEVEMENTS', size: 22, weight: 600, fill: palette.muted }]),
		text(64, 210, [
			{ text: formatNumber(summary.unlocked), size: 112, weight: 700, fill: palette.foreground },
			{ text: ` / ${formatNumber(summary.total)} unlocked`, size: 36, fill: palette.muted },
		]),
	];
	const barWidth = 520;
	const share = summary.total === 0 ? 0 : summary.unlocked / summary.total;
	shapes.push(
		{ kind: 'rect', x: 64, y: 236, width: barWidth, height: 12, radius: 6, fill: palette.track },
		{ kind: 'rect', x: 64, y: 236, width: Math.max(12, Math.round(barWidth * share)), height: 12, radius: 6, fill: palette.accent },
	);
	const counts = tierCounts(model.achievements);
	tierNames.forEach((tier, index) => {
		const x = 64 + index * 106;
		const colour = palette.tiers[tier];
		shapes.push(
			{ kind: 'rect', x, y: 290, width: 96, height: 96, radius: 14, fill: colour, opacity: counts[tier] > 0 ? 0.16 : 0.05, stroke: colour },
			text(x + 48 - 1, 346, [{ text: formatNumber(counts[tier]), size: 40, weight: 700, fill: counts[tier] > 0 ? colour : palette.muted }], 'middle'),
			text(x + 48 - 1, 374, [{ text: tier, size: 16, weight: 600, fill: palette.muted }], 'middle'),
		);
	});
	const first = journey.firstSessionAt;
	const last = journey.lastSessionAt;
	const span = first !== null && last !== null ? `${formatDate(first)} – ${formatDate(last)}` : 'No dated sessions yet';
	shapes.push(
		text(64, 470, [{ text: span, size: 28, weight: 600, fill: palette.foreground }]),
		text(64, 510, [{ text: `${plural(model.scan.sessionsTotal, 'session')} · ${plural(journey.events.length, 'tier unlock')}`, size: 22, fill: palette.muted }]),
		text(64, 570, [{ text: summary.highestTier ? `Highest tier: ${summary.highestTier}` : 'The climb starts here', size: 22, fill: palette.muted }]),
	);
	shapes.push(text(680, 92, [{ text: 'HIGHEST TIERS', size: 22, weight: 600, fill: palette.muted }]));
	const best = highestUnlocks(model.achievements, highlightsShown);
	if (best.length === 0) {
		shapes.push(text(680, 160, [{ text: 'Nothing unlocked yet', size: 28, fill: palette.muted }]));
	}
	best.forEach((card, index) => {
		const y = 150 + index * 68;
		const colour = card.tier ? palette.tiers[card.tier] : palette.muted;
		shapes.push(
			{ kind: 'rect', x: 680, y: y - 30, width: 456, height: 56, radius: 12, fill: colour, opacity: 0.1 },
			{ kind: 'circle', x: 706, y: y - 2, r: 9, fill: colour },
			text(730, y + 8, [{ text: shorten(card.name), size: 26, weight: 600, fill: palette.foreground }]),
			text(1120, y + 8, [{ text: card.tier ?? 'Complete', size: 20, weight: 600, fill: colour }], 'end'),
		);
	});
	return shapes;
}

/** The card as a standalone SVG document. */
export function shapesToSvg(shapes: readonly CardShape[], palette: CardPalette): string {
	const body = shapes.map((shape) => {
		switch (shape.kind) {
			case 'rect':
				return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" rx="${shape.radius}" fill="${escapeXml(shape.fill)}"`
					+ `${shape.opacity === undefined ? '' : ` fill-opacity="${shape.opacity}"`}${shape.stroke ? ` stroke="${escapeXml(shape.stroke)}" stroke-width="2"` : ''}/>`;
			case 'circle':
				return `<circle cx="${shape.x}" cy="${shape.y}" r="${shape.r}" fill="${escapeXml(shape.fill)}"/>`;
			case 'text': {
				const anchor = shape.anchor === 'start' ? '' : ` text-anchor="${shape.anchor}"`;
				const runs = shape.runs.map((run) => `<tspan font-size="${run.size}" font-weight="${run.weight ?? 400}" fill="${escapeXml(run.fill)}">${escapeXml(run.text)}</tspan>`).join('');
				return `<text x="${shape.x}" y="${shape.y}"${anchor}>${runs}</text>`;
			}
		}
	});
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${cardWidth}" height="${cardHeight}" viewBox="0 0 ${cardWidth} ${cardHeight}" font-family="${escapeXml(palette.font)}">`,
		'<title>Hermes Achievements</title>',
		...body,
		'</svg>',
		'',
	].join('\n');
}

/** Draws the same shapes on a 2D canvas (PNG export). */
export function drawShapes(context: CanvasRenderingContext2D, shapes: readonly CardShape[], palette: CardPalette): void {
	context.textBaseline = 'alphabetic';
	for (const shape of shapes) {
		context.globalAlpha = 1;
		if (shape.kind === 'rect') {
			context.beginPath();
			context.roundRect(shape.x, shape.y, shape.width, shape.height, shape.radius);
			context.globalAlpha = shape.opacity ?? 1;
			context.fillStyle = shape.fill;
			context.fill();
			if (shape.stroke) {
				context.globalAlpha = 1;
				context.lineWidth = 2;
				context.strokeStyle = shape.stroke;
				context.stroke();
			}
		} else if (shape.kind === 'circle') {
			context.beginPath();
			context.arc(shape.x, shape.y, shape.r, 0, Math.PI * 2);
			context.fillStyle = shape.fill;
			context.fill();
		} else {
			const font = (run: TextRun): string => `${run.weight ?? 400} ${run.size}px ${palette.font}`;
			const widths = shape.runs.map((run) => {
				context.font = font(run);
				return context.measureText(run.text).width;
			});
			const total = widths.reduce((sum, width) => sum + width, 0);
			let x = shape.anchor === 'start' ? shape.x : shape.anchor === 'end' ? shape.x - total : shape.x - total / 2;
			shape.runs.forEach((run, index) => {
				context.font = font(run);
				context.fillStyle = run.fill;
				context.textAlign = 'left';
				context.fillText(run.text, x, shape.y);
				x += widths[index]!;
			});
		}
	}
	context.globalAlpha = 1;
}

/** Draws the card for the current theme: the PNG (base64) from a canvas, and the SVG text. */
export function renderShareCard(model: ViewModel, palette: CardPalette): { png: string; svg: string } {
	const shapes = cardShapes(model, palette);
	const canvas = document.createElement('canvas');
	canvas.width = cardWidth;
	canvas.height = cardHeight;
	const context = canvas.getContext('2d');
	if (!context) {
		throw new Error('this view cannot draw on a canvas');
	}
	drawShapes(context, shapes, palette);
	const png = canvas.toDataURL('image/png');
	const comma = png.indexOf(',');
	if (!png.startsWith('data:image/png;base64,') || comma < 0) {
		throw new Error('the canvas did not produce a PNG');
	}
	return { png: png.slice(comma + 1), svg: shapesToSvg(shapes, palette) };
}

function text(x: number, y: number, runs: readonly TextRun[], anchor: 'start' | 'end' | 'middle' = 'start'): CardShape {
	return { kind: 'text', x, y, anchor, runs };
}

function tierCounts(cards: readonly AchievementCardVm[]): Record<TierName, number> {
	const counts = Object.fromEntries(tierNames.map((tier) => [tier, 0])) as Record<TierName, number>;
	for (const card of cards) {
		if (card.state === 'unlocked' && card.tier) {
			counts[card.tier]++;
		}
	}
	return counts;
}

/** Highest tier first; among equals the one earned earliest, then by name. */
function highestUnlocks(cards: readonly AchievementCardVm[], count: number): AchievementCardVm[] {
	return cards
		.filter((card) => card.state === 'unlocked')
		.sort((a, b) => tierRank(b.tier) - tierRank(a.tier)
			|| (a.earned?.at ?? Infinity) - (b.earned?.at ?? Infinity)
			|| a.name.localeCompare(b.name))
		.slice(0, count);
}

function shorten(name: string): string {
	const chars = [...name];
	return chars.length > nameChars ? `${chars.slice(0, nameChars - 1).join('')}…` : name;
}

function escapeXml(value: string): string {
	return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}
