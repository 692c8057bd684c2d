import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, categories } from '../../../src/core/catalog/catalog.ts';
import { achievementTexts, metricLabels } from '../../../src/core/catalog/catalogText.ts';

interface CommittedAchievement {
	readonly id: string;
	readonly category: string;
	readonly secret?: boolean;
	readonly metric?: string;
	readonly tiers?: readonly number[];
	readonly requires?: Readonly<Record<string, number>>;
}

// Read from disk, not through the module import, so the test sees the committed file itself.
const committed = (JSON.parse(
	readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'core', 'catalog', 'catalog.json'), 'utf8'),
) as { achievements: CommittedAchievement[] }).achievements;

function usedMetrics(): Set<string> {
	const metrics = new Set<string>();
	for (const entry of committed) {
		if (entry.metric !== undefined) {
			metrics.add(entry.metric);
		}
		for (const key of Object.keys(entry.requires ?? {})) {
			metrics.add(key);
		}
	}
	return metrics;
}

describe('catalog', () => {
	it('lists the committed achievements in catalog.json order, with unique ids', () => {
		assert.equal(committed.length, 60);
		assert.deepEqual(catalog.map((entry) => entry.id), committed.map((entry) => entry.id));
		assert.equal(new Set(catalog.map((entry) => entry.id)).size, catalog.length);
	});

	it('has texts for exactly the catalog ids', () => {
		assert.deepEqual(Object.keys(achievementTexts).sort(), committed.map((entry) => entry.id).sort());
	});

	it('has no empty text', () => {
		for (const entry of catalog) {
			assert.ok(entry.name.trim().length > 0, `${entry.id} name`);
			assert.ok(entry.description.trim().length > 0, `${entry.id} description`);
			assert.ok(entry.criteria.trim().length > 0, `${entry.id} criteria`);
			assert.notEqual(entry.description, entry.criteria, `${entry.id} description repeats criteria`);
		}
	});

	it('gives hints exactly to secrets', () => {
		for (const raw of committed) {
			const text = achievementTexts[raw.id];
			assert.ok(text, raw.id);
			if (raw.secret === true) {
				assert.ok(text.hint !== undefined && text.hint.trim().length > 0, `${raw.id} needs a hint`);
			} else {
				assert.equal(text.hint, undefined, `${raw.id} is not secret`);
			}
		}
		assert.ok(catalog.some((entry) => entry.secret));
		for (const entry of catalog) {
			assert.equal(entry.hint !== null, entry.secret, entry.id);
		}
	});

	it('labels every metric the catalog uses, in lower case, and nothing else', () => {
		const metrics = usedMetrics();
		assert.deepEqual(Object.keys(metricLabels).sort(), [...metrics].sort());
		for (const metric of metrics) {
			const label = metricLabels[metric];
			assert.ok(label !== undefined && label.trim().length > 0, metric);
			assert.equal(label, label.toLowerCase(), metric);
		}
	});

	it('carries the committed data into each entry', () => {
		for (const [index, raw] of committed.entries()) {
			const entry = catalog[index];
			assert.ok(entry);
			assert.equal(entry.secret, raw.secret === true);
			assert.equal(entry.metric, raw.metric ?? null);
			assert.deepEqual(entry.tiers, raw.tiers ?? []);
			assert.deepEqual(entry.requires, raw.requires ?? null);
			assert.equal(entry.metricLabel, raw.metric === undefined ? null : metricLabels[raw.metric]);
		}
	});

	it('states every minimum of a multi-condition achievement in its criteria', () => {
		for (const entry of catalog) {
			for (const minimum of Object.values(entry.requires ?? {})) {
				assert.ok(entry.criteria.includes(minimum.toLocaleString('en-US')), `${entry.id} criteria should say ${minimum}`);
			}
		}
	});

	it('lists categories in first-seen order', () => {
		const expected: string[] = [];
		for (const raw of committed) {
			if (!expected.includes(raw.category)) {
				expected.push(raw.category);
			}
		}
		assert.deepEqual(categories, expected);
	});
});
