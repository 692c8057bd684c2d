import assert from 'node:assert/strict';
import type { PyRegex } from '../../../src/core/analysis/pyRegex.ts';
import { compilePyRegex, countMatches, translatePyRegex } from '../../../src/core/analysis/pyRegex.ts';
import {
	configExtRegex, configOthersRegex, eaddrinuseRegex, hitRules, installWordRegex, packageManagerRegex, portConflictWordRegex, portNumberRegex,
} from '../../../src/core/analysis/rules.ts';
import { countConfigEvents, followedOnSameLine } from '../../../src/core/analysis/splitMatchers.ts';

const count = (pattern: string, text: string): number =>
	countMatches(compilePyRegex(pattern, { ignoreCase: true, global: true }).exact, text);

describe('translatePyRegex', () => {
	it('writes one-sided lookarounds where the pattern fixes one side of \\b', () => {
		const { source } = translatePyRegex(String.raw`\bgit\s+(push|tag)\b`, { ignoreCase: false });
		assert.ok(!source.includes('(?<=') && !source.includes('(?='), source);
		assert.ok(source.startsWith('(?<![\\p{L}\\p{N}_])'), source);
	});

	it('keeps a two-sided \\b where neither side is fixed', () => {
		assert.equal(count(String.raw`\b[a-z0-9_-]+config\.js`, 'a-config.js é-config.js é_config.js'), 2);
	});

	it('matches Python on boundaries, folds, dot and whitespace', () => {
		assert.equal(count(String.raw`\bOK\b`, 'OK éOK OKé ok_ OK_ (ok)'), 2);
		assert.equal(count('kill', 'KİLL kıll \u212aill ſkill'), 4);
		assert.equal(count('missing .*env', 'missing \r\u2028\u2029 env'), 1);
		assert.equal(count(String.raw`git\s+push`, 'git\x1c\x1d\x1e\x1f\x85push git\ufeffpush git\u00a0push'), 2);
		assert.equal(count(String.raw`\blogs\b`, 'logs 𝐀logs logs𝐀 𠀀logs'), 1);
		assert.equal(countMatches(compilePyRegex('Skill', { ignoreCase: false, global: true }).exact, 'Skill skill'), 1);
	});

	it('rejects syntax it does not translate', () => {
		for (const pattern of ['a{2}', '^a', '(?=a)', String.raw`\d`, '[a']) {
			assert.throws(() => translatePyRegex(pattern, { ignoreCase: true }), SyntaxError, pattern);
		}
	});
});

/** A deterministic generator of short texts dense in the characters the rules care about. */
function randomTexts(total: number, seed: number): string[] {
	let state = seed;
	const next = (): number => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	const pieces = [
		'config', 'Config', '.', 'js', 'json', 'yml', 'yaml', 'ts', '-', '_', 'x', 'é', 'ſ', 'İ', 'ı', '\u212a', '\u0345', '漢', '🚀', '𝐀',
		'env', '.env', 'manifest.json', 'package.json', ' ', '\n', '\r', '\u2028', '\t', '\x1c', '\ufeff', 'npm', 'pip', 'uv', 'install',
		'add', 'port', '3000', '8080', 'in use', 'already', 'taken', 'eaddrinuse', 'EADDRINUSE', 'a', '1', '"', ':', 'ok', 'OK', 'git', 'push',
		'tag', 'docker', 'name', 'container', 'missing', 'logs', 'skill', 'model', 'codex', 'test', 's', 'passed', ' ', ' ', ' ', ' npm ', ' pip ', ' install ', ' add ', ' 3000 ', ' already ', ' port ', ' x-config.json ', ' .env ',
	];
	const texts: string[] = [];
	for (let i = 0; i < total; i++) {
		let text = '';
		const length = 1 + Math.floor(next() * 24);
		for (let j = 0; j < length; j++) text += pieces[Math.floor(next() * pieces.length)];
		texts.push(text);
	}
	return texts;
}

describe('split matchers agree with the single translated reference patterns', () => {
	const texts = randomTexts(4000, 20240607);
	const reference = (pattern: string, global: boolean): PyRegex => compilePyRegex(pattern, { ignoreCase: true, global });

	it('PORT_RE', () => {
		const port = reference(String.raw`\b(port\s+)?(3000|5173|8000|8080|9119)\b.*\b(in use|already|taken|eaddrinuse)\b|\beaddrinuse\b`, false);
		let matched = 0;
		for (const text of texts) {
			const expected = port.exact.test(text);
			const actual = eaddrinuseRegex.exact.test(text) || followedOnSameLine(portNumberRegex.exact, portConflictWordRegex.exact, text);
			assert.equal(actual, expected, JSON.stringify(text));
			if (expected) matched++;
		}
		assert.ok(matched > 50, `only ${matched} texts matched`);
	});

	it('INSTALL_RE', () => {
		const install = reference(String.raw`\b(npm|pnpm|yarn|pip|uv)\b.*\b(install|add)\b`, false);
		let matched = 0;
		for (const text of texts) {
			const expected = install.exact.test(text);
			assert.equal(followedOnSameLine(packageManagerRegex.exact, installWordRegex.exact, text), expected, JSON.stringify(text));
			if (expected) matched++;
		}
		assert.ok(matched > 50, `only ${matched} texts matched`);
	});

	it('config_events', () => {
		const config = reference(String.raw`config\.ya?ml|\b[a-z0-9_-]+config\.(?:js|ts|json|ya?ml)|\.env(?:\b|\.)|manifest\.json|settings\.json|pyproject\.toml|package\.json`, true);
		let total = 0;
		for (const text of texts) {
			const expected = countMatches(config.exact, text);
			assert.equal(countConfigEvents(configOthersRegex.exact, configExtRegex.exact, text), expected, JSON.stringify(text));
			total += expected;
		}
		assert.ok(total > 200, `only ${total} matches`);
	});

	it('the fast (i-flag) forms equal the exact forms on text without U+0345', () => {
		for (const [stat, regex] of hitRules) {
			for (const text of texts) {
				const clean = text.replaceAll('\u0345', '');
				assert.equal(countMatches(regex.fast, clean), countMatches(regex.exact, clean), `${stat}: ${JSON.stringify(clean)}`);
			}
		}
	});
});
