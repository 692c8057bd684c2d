// Runs axe-core inside a webview's document, the way a page script would, and returns its violations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
	readonly id: string;
	readonly impact: string | null;
	readonly nodes: readonly string[];
}

/** Every axe violation in the frame (all rules, colour contrast included: this is a real browser with real layout). */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
	await frame.evaluate(axeSource);
	return frame.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string; impact?: string | null; nodes: Array<{ html: string; failureSummary?: string }> }> }> } }).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return result.violations.map((violation) => ({
			id: violation.id,
			impact: violation.impact ?? null,
			nodes: violation.nodes.slice(0, 5).map((node) => `${node.html} :: ${node.failureSummary ?? ''}`),
		}));
	});
}
