import assert from 'node:assert/strict';
import { compilePyRegex, compileStickyAlternatives, countMatches, translatePyRegex } from '../../../src/core/analysis/pyRegex.ts';

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

describe('compileStickyAlternatives', () => {
	it('tells whether, and how far, each alternative matches at a position', () => {
		const [first, second] = compileStickyAlternatives(String.raw`\bgit\s+(push|tag)|conflict\s*\(`, { ignoreCase: true });
		assert.ok(first !== undefined && second !== undefined);
		const text = 'xgit push GİT  tag conflict (';
		first.lastIndex = 1;
		assert.equal(first.test(text), false, 'no boundary before git');
		first.lastIndex = 10;
		assert.equal(first.test(text), true);
		assert.equal(first.lastIndex, 18);
		second.lastIndex = 19;
		assert.equal(second.test(text), true);
		assert.equal(second.lastIndex, text.length);
	});
});
