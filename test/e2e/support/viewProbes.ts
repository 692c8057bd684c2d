// Recorders installed inside a webview's document from the test (through CDP, never part of the
// extension): model messages, DOM mutations, the first cards' order and click-to-paint latency.
import type { Frame } from 'playwright-core';

interface ProbeWindow {
	e2eProbe: {
		models: number[];
		mutations: string[];
		firstCards: Array<{ readonly at: number; readonly ids: string; readonly partial: boolean }>;
		clicks: number[];
	};
}

/** Starts recording; safe to call again (it resets the records). */
export async function installProbes(frame: Frame): Promise<void> {
	await frame.evaluate(() => {
		const w = window as unknown as ProbeWindow & { e2eProbeInstalled?: boolean };
		w.e2eProbe = { models: [], mutations: [], firstCards: [], clicks: [] };
		if (w.e2eProbeInstalled) {
			return;
		}
		w.e2eProbeInstalled = true;
		const describe = (node: Node): string => {
			const element = node instanceof Element ? node : node.parentElement;
			return element ? `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}` : node.nodeName;
		};
		new MutationObserver((records) => {
			for (const record of records) {
				w.e2eProbe.mutations.push(`${record.type} ${describe(record.target)}${record.attributeName ? `[${record.attributeName}]` : ''}`);
			}
		}).observe(document.getElementById('app') as HTMLElement, { subtree: true, childList: true, attributes: true, characterData: true });
		window.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
			if (event.data?.type !== 'model') {
				return;
			}
			w.e2eProbe.models.push(performance.now());
			// After the app's own listener has rendered: what the first cards are now.
			requestAnimationFrame(() => {
				const allShown = document.querySelector('button[data-action="state-filter"][data-value="all"]')?.getAttribute('aria-pressed') === 'true';
				if (allShown) {
					const ids = [...document.querySelectorAll<HTMLElement>('li.card')].slice(0, 8).map((card) => card.dataset.id).join(',');
					w.e2eProbe.firstCards.push({ at: performance.now(), ids, partial: document.querySelector('.partial-tag') !== null });
				}
			});
		});
		// From the input event's own time stamp to the next frame, which paints the click's result.
		document.addEventListener('click', (event) => {
			if (!(event.target as Element | null)?.closest('[data-action="state-filter"]')) {
				return;
			}
			const input = event.timeStamp;
			requestAnimationFrame((frameTime) => {
				w.e2eProbe.clicks.push(Math.max(frameTime, performance.now()) - input);
			});
		}, true);
	});
}

export interface ProbeRecords {
	readonly models: number[];
	readonly mutations: string[];
	readonly firstCards: Array<{ readonly at: number; readonly ids: string; readonly partial: boolean }>;
	readonly clicks: number[];
}

export async function readProbes(frame: Frame): Promise<ProbeRecords> {
	return frame.evaluate(() => {
		const probe = (window as unknown as ProbeWindow).e2eProbe;
		return { models: [...probe.models], mutations: [...probe.mutations], firstCards: [...probe.firstCards], clicks: [...probe.clicks] };
	});
}

/** The most model messages that arrived within any one second. */
export function maxPerSecond(times: readonly number[]): number {
	let best = 0;
	for (let start = 0; start < times.length; start++) {
		let end = start;
		while (end < times.length && times[end] - times[start] < 1000) {
			end++;
		}
		best = Math.max(best, end - start);
	}
	return best;
}

export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
