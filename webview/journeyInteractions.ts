/**
 * Hover and keyboard for the Journey charts, delegated from the view's root so re-renders need no
 * re-binding. Every element with `data-tip` shows its text in the shared tooltip while hovered or
 * focused; inside a `.roving` chart the arrow keys move focus (one tab stop per chart), and Enter or
 * Space activates a marker like a click. The tooltip is placed through CSS variables (the CSP allows
 * no inline styles).
 */
export function attachJourneyInteractions(root: HTMLElement): { dispose(): void } {
	function tipFor(target: Element): HTMLElement | null {
		return target.closest('.journey')?.querySelector<HTMLElement>('.journey-tip') ?? null;
	}

	function show(target: Element): void {
		const tip = tipFor(target);
		const text = target.getAttribute('data-tip');
		const section = target.closest<HTMLElement>('.journey');
		if (!tip || !text || !section) {
			return;
		}
		tip.textContent = text;
		tip.hidden = false;
		const box = target.getBoundingClientRect();
		const frame = section.getBoundingClientRect();
		// Centred over the target, but never past the section's edges (the tip is centred on --tip-x).
		const half = tip.offsetWidth / 2;
		const centre = box.left + box.width / 2 - frame.left;
		const x = frame.width > 2 * half ? Math.min(Math.max(centre, half), frame.width - half) : centre;
		tip.style.setProperty('--tip-x', `${Math.round(x)}px`);
		tip.style.setProperty('--tip-y', `${Math.round(box.top - frame.top)}px`);
	}

	function hide(target: Element): void {
		const tip = tipFor(target);
		if (tip) {
			tip.hidden = true;
		}
	}

	function onOver(event: Event): void {
		const target = (event.target as Element | null)?.closest('[data-tip]');
		if (target && root.contains(target)) {
			show(target);
		}
	}

	function onOut(event: Event): void {
		const target = (event.target as Element | null)?.closest('[data-tip]');
		if (target && document.activeElement !== target) {
			hide(target);
		}
	}

	function onKeyDown(event: KeyboardEvent): void {
		const current = (event.target as Element | null)?.closest<SVGElement>('[data-tip]');
		const chart = current?.closest('.roving');
		if (!current || !chart) {
			return;
		}
		if ((event.key === 'Enter' || event.key === ' ') && current.hasAttribute('data-action')) {
			event.preventDefault();
			const view = current.ownerDocument.defaultView;
			if (view) {
				current.dispatchEvent(new view.MouseEvent('click', { bubbles: true }));
			}
			return;
		}
		const items = [...chart.querySelectorAll<SVGElement>('[data-tip]')];
		const index = items.indexOf(current);
		// The heatmap is a week per column: up and down are days, left and right are weeks.
		const week = chart.classList.contains('heatmap') ? 7 : 1;
		const moves: Record<string, number> = {
			ArrowLeft: index - week,
			ArrowRight: index + week,
			ArrowUp: chart.classList.contains('heatmap') ? index - 1 : index + 1,
			ArrowDown: chart.classList.contains('heatmap') ? index + 1 : index - 1,
			Home: 0,
			End: items.length - 1,
		};
		const next = moves[event.key];
		if (next === undefined) {
			return;
		}
		event.preventDefault();
		const target = items[Math.max(0, Math.min(items.length - 1, next))];
		if (target && target !== current) {
			current.setAttribute('tabindex', '-1');
			target.setAttribute('tabindex', '0');
			target.focus();
		}
	}

	root.addEventListener('mouseover', onOver);
	root.addEventListener('mouseout', onOut);
	root.addEventListener('focusin', onOver);
	root.addEventListener('focusout', onOut);
	root.addEventListener('keydown', onKeyDown);
	return {
		dispose() {
			root.removeEventListener('mouseover', onOver);
			root.removeEventListener('mouseout', onOut);
			root.removeEventListener('focusin', onOver);
			root.removeEventListener('focusout', onOut);
			root.removeEventListener('keydown', onKeyDown);
		},
	};
}
