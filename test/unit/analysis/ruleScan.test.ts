import assert from 'node:assert/strict';
import { literalPrefixes } from '../../../src/core/analysis/literalPrefixes.ts';
import { compilePyRegex, countMatches, parsePyPattern } from '../../../src/core/analysis/pyRegex.ts';
import type { ScanRule } from '../../../src/core/analysis/ruleScan.ts';
import { compileScanPlan, runScanPlan } from '../../../src/core/analysis/ruleScan.ts';
import { hitRules, textRules } from '../../../src/core/analysis/rules.ts';
import { countConfigEvents, followedOnSameLine } from '../../../src/core/analysis/splitMatchers.ts';

const pieces = [
	'config', 'Config', '.', 'js', 'json', 'yml', 'yaml', 'ts', '-', '_', 'x', 'é', 'ſ', 'İ', 'ı', '\u212a', '\u0345', '漢', '🚀', '𝐀', '𠀀',
	'env', '.env', 'manifest.json', 'package.json', ' ', '\n', '\r', '\u2028', '\t', '\x1c', '\ufeff', '\x85', 'npm', 'pnpm', 'pip', 'uv', 'install',
	'add', 'port', '3000', '8080', 'in use', 'already', 'taken', 'eaddrinuse', 'EADDRINUSE', 'a', '1', '"', "'", ':', '=', '0', '(', 'ok', 'OK',
	'git', 'push', 'tag', 'rebase', 'merge', 'docker', 'name', 'container', 'missing', 'logs', 'skill', 'SKİLL', 'model', 'codex', 'test', 's',
	'passed', 'exit_code', 'background', 'true', 'restart', 'start', 'kill', 'typo', 'error', 'failed', 'llama', 'llama.cpp', 'cache', 'cache hit',
	'cache_read', 'playwright', 'open weight', 'open-weights', 'tests passed', 'node --check', 'conflict', 'Conflict. The container', 'README',
	'className', 'tailwind', '.css', '.png', 'token', 'auth', 'api key', 'gateway.log', '/api/logs', '__HERMES_PLUGIN', 'google ai', 'release',
	'background = true', 'background=True', 'one character', 'colon', 'version bump', 'toolset', 'browser tool', 'checkpoint', 'rollback', 'docs',
	'compress', 'slack', 'plugin', 'eacces', 'permission denied', 'frontend', 'style', 'gemini', 'claude', 'openrouter', 'screenshot',
	'prompt caching', 'traceback', 'exception', 'rebase --continue', 'merge conflict', 'missing ', 'settings.json', 'success', 'git tag',
	'git ', 'git\x1cpush', 'git  fetch', 'docker name already', 'local model', 'image data', 'not configured', 'changelog', 'vllm',
	' npm ', ' pip ', ' install ', ' add ', ' 3000 ', ' already ', ' port ', ' x-config.json ', ' .env ',
];

/** Deterministic short texts dense in what the rules look for, in every case and fold. */
function randomTexts(total: number, seed: number): string[] {
	let state = seed;
	const next = (): number => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	const texts: string[] = [];
	for (let i = 0; i < total; i++) {
		let text = '';
		const length = 1 + Math.floor(next() * 24);
		for (let j = 0; j < length; j++) {
			const piece = pieces[Math.floor(next() * pieces.length)] ?? '';
			text += next() < 0.1 ? piece.toUpperCase() : piece;
		}
		// Half the texts have none of the characters that need the folding finder.
		texts.push(i % 2 === 0 ? text.replace(/[\u0130\u0131\u017f\u212a]/g, '') : text);
	}
	return texts;
}

/** Every [start, end) at which a global regex matches, overlapping ones included. */
function everyMatchSpan(regex: RegExp, text: string): number[] {
	const spans: number[] = [];
	regex.lastIndex = 0;
	for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
		spans.push(match.index, match.index + match[0].length);
		regex.lastIndex = match.index + 1;
	}
	return spans;
}

describe('literalPrefixes', () => {
	const prefixesOf = (pattern: string): unknown => parsePyPattern(pattern).map(literalPrefixes);

	it('expands groups, classes and ? in the order the regex tries them', () => {
		assert.deepEqual(prefixesOf(String.raw`config\.(?:js|json|ya?ml)`), [
			{ prefixes: ['config.js', 'config.json', 'config.yaml', 'config.yml'], complete: true, boundaryBefore: false, boundaryAfter: false },
		]);
		assert.deepEqual(prefixesOf(String.raw`open[- ]Weight`), [
			{ prefixes: ['open-weight', 'open weight'], complete: true, boundaryBefore: false, boundaryAfter: false },
		]);
	});

	it('keeps \\b at the edges as checks, and stops where the literal text ends', () => {
		assert.deepEqual(prefixesOf(String.raw`\b(OK|done)\b|\bgit\s+push|\.env(?:\b|\.)`), [
			{ prefixes: ['ok', 'done'], complete: true, boundaryBefore: true, boundaryAfter: true },
			{ prefixes: ['git'], complete: false, boundaryBefore: false, boundaryAfter: false },
			{ prefixes: ['.env'], complete: false, boundaryBefore: false, boundaryAfter: false },
		]);
		assert.deepEqual(prefixesOf(`[kK\u212a]ill`), [
			{ prefixes: ['kill'], complete: true, boundaryBefore: false, boundaryAfter: false },
		]);
	});
});

describe('runScanPlan equals each rule run on its own', () => {
	const texts = randomTexts(3000, 20240607);
	const rules: ScanRule[] = [
		...Object.values(textRules),
		...hitRules.map(([, pattern]): ScanRule => ({ pattern, ignoreCase: true, mode: 'count' })),
	];
	const plan = compileScanPlan(rules);
	const results = texts.map((text) => runScanPlan(plan, text));

	it('count, exists and spans rules, as Python findall / search / every start', () => {
		rules.forEach((rule, index) => {
			const regex = compilePyRegex(rule.pattern, { ignoreCase: rule.ignoreCase, global: true }).exact;
			let nonZero = 0;
			texts.forEach((text, t) => {
				const result = results[t];
				assert.ok(result !== undefined);
				const label = `${rule.pattern} on ${JSON.stringify(text)}`;
				switch (rule.mode) {
					case 'count': assert.equal(result.values[index], countMatches(regex, text), label); break;
					case 'exists': assert.equal(result.values[index], countMatches(regex, text) > 0 ? 1 : 0, label); break;
					case 'spans': assert.deepEqual(result.spans[index], everyMatchSpan(regex, text), label); break;
					case 'messages': assert.equal(result.values[index], countMatches(regex, text) > 0 ? 1 : 0, label); break;
				}
				if (result.values[index] !== 0 || (result.spans[index]?.length ?? 0) > 0) nonZero++;
			});
			assert.ok(nonZero >= 20, `${rule.pattern} matched only ${nonZero} texts`);
		});
	});

	it('messages rules count the joined messages they match', () => {
		const error = compileScanPlan([textRules.error]);
		const regex = compilePyRegex(textRules.error.pattern, { ignoreCase: true, global: false }).exact;
		for (let i = 0; i + 3 <= texts.length; i += 3) {
			const messages = texts.slice(i, i + 3);
			const starts: number[] = [];
			let offset = 0;
			for (const message of messages) {
				starts.push(offset);
				offset += message.length + 1;
			}
			const expected = messages.filter((message) => regex.test(message)).length;
			assert.equal(runScanPlan(error, messages.join('\n'), starts).values[0], expected, JSON.stringify(messages));
		}
	});

	it('PORT_RE, INSTALL_RE and config_events from their split parts', () => {
		const reference = (pattern: string, global: boolean): RegExp => compilePyRegex(pattern, { ignoreCase: true, global }).exact;
		const port = reference(String.raw`\b(port\s+)?(3000|5173|8000|8080|9119)\b.*\b(in use|already|taken|eaddrinuse)\b|\beaddrinuse\b`, false);
		const install = reference(String.raw`\b(npm|pnpm|yarn|pip|uv)\b.*\b(install|add)\b`, false);
		const config = reference(String.raw`config\.ya?ml|\b[a-z0-9_-]+config\.(?:js|ts|json|ya?ml)|\.env(?:\b|\.)|manifest\.json|settings\.json|pyproject\.toml|package\.json`, true);
		const names = Object.keys(textRules);
		const spansOf = (t: number, name: string): readonly number[] => results[t]?.spans[names.indexOf(name)] ?? [];
		const counts = { port: 0, install: 0, config: 0 };
		texts.forEach((text, t) => {
			const portConflict = (results[t]?.values[names.indexOf('eaddrinuse')] ?? 0) > 0
				|| followedOnSameLine(spansOf(t, 'portNumber'), spansOf(t, 'portConflictWord'), text);
			assert.equal(portConflict, port.test(text), JSON.stringify(text));
			const anyInstall = followedOnSameLine(spansOf(t, 'packageManager'), spansOf(t, 'installWord'), text);
			assert.equal(anyInstall, install.test(text), JSON.stringify(text));
			const configEvents = countConfigEvents(spansOf(t, 'configOthers'), spansOf(t, 'configExt'), text);
			assert.equal(configEvents, countMatches(config, text), JSON.stringify(text));
			counts.port += portConflict ? 1 : 0;
			counts.install += anyInstall ? 1 : 0;
			counts.config += configEvents;
		});
		assert.ok(counts.port > 40 && counts.install > 20 && counts.config > 200, JSON.stringify(counts));
	});
});
