/**
 * A tiny element builder. Children given as strings become text nodes, so text from the
 * history (session titles, names) can never turn into markup.
 */
export type Child = Node | string | null | undefined | false;
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
	return fill(document.createElement(tag), attributes, children);
}

/** For custom elements (vscode-elements), which the tag map does not know. */
export function custom(tag: `${string}-${string}`, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
	return fill(document.createElement(tag), attributes, children);
}

function fill<E extends HTMLElement>(element: E, attributes: Attributes, children: readonly Child[]): E {
	for (const [name, value] of Object.entries(attributes)) {
		if (value === false || value === null || value === undefined) {
			continue;
		}
		element.setAttribute(name, value === true ? '' : String(value));
	}
	for (const child of children) {
		if (child === null || child === undefined || child === false) {
			continue;
		}
		element.append(typeof child === 'string' ? document.createTextNode(child) : child);
	}
	return element;
}

/** A decorative codicon; screen readers get the text next to it instead. */
export function icon(name: string, extraClass = ''): HTMLSpanElement {
	return h('span', { class: `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`, 'aria-hidden': 'true' });
}

/** A bar whose fill width comes from a CSS variable set through the CSSOM (allowed by the CSP, unlike `style=`). */
export function meter(pct: number, label: string, valueText: string, extraClass = ''): HTMLDivElement {
	const clamped = Math.max(0, Math.min(100, Math.round(pct)));
	const bar = h('div', {
		class: `meter${extraClass ? ` ${extraClass}` : ''}`,
		role: 'progressbar',
		'aria-label': label,
		'aria-valuemin': 0,
		'aria-valuemax': 100,
		'aria-valuenow': clamped,
		'aria-valuetext': valueText,
	}, h('div', { class: 'meter-fill' }));
	bar.style.setProperty('--pct', `${clamped}%`);
	return bar;
}

/** Ids from achievement ids, safe for `id`/`aria-labelledby` even if an id had odd characters. */
export function domId(prefix: string, id: string): string {
	return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
