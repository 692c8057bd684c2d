import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { toViewModel } from '../../../src/host/viewModel.ts';
import { snapshot, status } from '../host/snapshotBuilders.ts';
import { mountApp } from './domHarness.ts';
import type { Harness } from './domHarness.ts';

interface AxeResult {
	readonly violations: ReadonlyArray<{ readonly id: string; readonly impact?: string | null; readonly nodes: ReadonlyArray<{ readonly html: string }> }>;
	readonly passes: ReadonlyArray<{ readonly id: string }>;
}
interface Axe {
	run(context: Element, options: unknown): Promise<AxeResult>;
}

// jsdom has no layout or canvas: colour contrast (needs computed colours over painted pixels) and
// scrollable-region-focusable (needs scroll sizes) cannot be judged here; every other rule runs.
const rulesNeedingLayout = { 'color-contrast': { enabled: false }, 'scrollable-region-focusable': { enabled: false } };

/** Loads axe-core into the jsdom window by evaluating its source there, the way a page script would. */
function axeIn(harness: Harness): Axe {
	const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
	const view = harness.window as Window & { eval(code: string): unknown; axe?: Axe };
	view.eval(source);
	assert.ok(view.axe, 'axe-core did not load into the page');
	return view.axe;
}

async function seriousViolations(harness: Harness): Promise<string[]> {
	const result = await axeIn(harness).run(harness.document.documentElement, { rules: rulesNeedingLayout });
	assert.ok(result.passes.length > 10, 'axe checked the page');
	// Array.from: axe's arrays belong to the page's realm, which deepEqual would tell apart from ours.
	return Array.from(
		result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
		(v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`,
	);
}

describe('achievements webview accessibility (axe-core)', () => {
	let harness: Harness;
	afterEach(() => harness?.dispose());

	it('has no serious or critical violations with a full grid', async () => {
		harness = mountApp();
		harness.sendModel(toViewModel(snapshot(), status({ state: 'STALE', last_error: 'database is locked' })));
		assert.deepEqual(await seriousViolations(harness), []);
	});

	it('has no serious or critical violations during the first scan', async () => {
		harness = mountApp();
		const scanning = { kind: 'bootstrap' as const, started_at: 1, sessions_done: 3, sessions_total: 9 };
		harness.sendModel(toViewModel(undefined, status({ state: 'SCANNING', scanning })));
		assert.deepEqual(await seriousViolations(harness), []);
	});

	it('has no serious or critical violations in the no-home state', async () => {
		harness = mountApp();
		harness.sendModel(toViewModel(undefined, status({ state: 'FAILED', last_error: 'No Hermes home at /x' })));
		assert.deepEqual(await seriousViolations(harness), []);
	});
});
