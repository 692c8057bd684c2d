// Figures the end-to-end runs measure, collected into out/e2e/measures-<run>.json for docs/performance.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../scripts/e2e/tools.ts';

export class Measures {
	private readonly values: Record<string, unknown> = {};
	private readonly file: string;

	constructor(run: string) {
		this.file = join(projectRoot, 'out', 'e2e', `measures-${run}.json`);
	}

	record(name: string, value: unknown): void {
		this.values[name] = value;
		console.log(`      measured ${name}: ${JSON.stringify(value)}`);
		mkdirSync(join(projectRoot, 'out', 'e2e'), { recursive: true });
		writeFileSync(this.file, JSON.stringify(this.values, null, '\t'));
	}
}
