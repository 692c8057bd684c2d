import { html } from 'lit-html';
import type { TemplateResult } from 'lit-html';

/** A decorative codicon; screen readers get the text next to it instead. */
export function icon(name: string, extraClass = ''): TemplateResult {
	return html`<span class="codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}" aria-hidden="true"></span>`;
}

/**
 * A progress bar. The CSP forbids `style=` attributes, so the fill width travels as `data-pct` and
 * `setMeterWidths` copies it into the `--pct` custom property through the CSSOM after each render.
 */
export function meter(pct: number, label: string, valueText: string, extraClass = ''): TemplateResult {
	const clamped = clampPct(pct);
	return html`<div class="meter${extraClass ? ` ${extraClass}` : ''}" role="progressbar" aria-label=${label}
		aria-valuemin="0" aria-valuemax="100" aria-valuenow=${clamped} aria-valuetext=${valueText} data-pct=${clamped}><div class="meter-fill"></div></div>`;
}

export function clampPct(pct: number): number {
	return Math.max(0, Math.min(100, Math.round(pct)));
}

/** Copies each meter's `data-pct` into its `--pct` (only when it changed, so a repaint mutates nothing). */
export function setMeterWidths(root: ParentNode): void {
	for (const bar of root.querySelectorAll<HTMLElement>('.meter[data-pct]')) {
		const width = `${bar.dataset.pct ?? '0'}%`;
		if (bar.style.getPropertyValue('--pct') !== width) {
			bar.style.setProperty('--pct', width);
		}
	}
}

/** Ids from achievement ids, safe for `id`/`aria-labelledby` even if an id had odd characters. */
export function domId(prefix: string, id: string): string {
	return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
