import assert from 'node:assert/strict';
import { PyFloat, dumpsPyJson, dumpsPyString, parsePyJson, parsePyJsonByHand, pyFloatRepr } from '../../../src/core/analysis/pyJson.ts';
import { SeededRandom } from '../../../src/core/demo/random.ts';

// Expected strings are what CPython 3's json.dumps / json.loads produce for the same input.
describe('parsePyJson + dumpsPyJson (Python json.loads / json.dumps defaults)', () => {
	const roundTrip = (text: string): string => dumpsPyJson(parsePyJson(text));

	it('uses ", " and ": " separators', () => {
		assert.equal(roundTrip('{"a":[1,2,{"b":null}],"c":true,"d":false}'), '{"a": [1, 2, {"b": null}], "c": true, "d": false}');
		assert.equal(roundTrip('[ ]'), '[]');
		assert.equal(roundTrip('{ }'), '{}');
	});

	it('keeps object key order, integer-like keys included, and a repeated key in its first place with its last value', () => {
		assert.equal(roundTrip('{"b": 1, "2": 0, "a": 2, "1": 3}'), '{"b": 1, "2": 0, "a": 2, "1": 3}');
		assert.equal(roundTrip('{"b": 1, "a": 2, "b": 3}'), '{"b": 3, "a": 2}');
	});

	it('keeps floats as floats and big ints exact', () => {
		assert.equal(
			roundTrip('[1.0, 1e16, -0.0, 12345678901234567890, 1E400, 1e-7, 0.0001, 123456789012345680000.0, 2.5, 3]'),
			'[1.0, 1e+16, -0.0, 12345678901234567890, Infinity, 1e-07, 0.0001, 1.2345678901234568e+20, 2.5, 3]',
		);
		assert.ok(parsePyJson('1.0') instanceof PyFloat);
		assert.equal(typeof parsePyJson('12345678901234567890'), 'bigint');
		assert.equal(parsePyJson('9007199254740991'), 9007199254740991);
	});

	it('accepts NaN, Infinity and -Infinity as Python does', () => {
		assert.equal(roundTrip('[NaN, Infinity, -Infinity]'), '[NaN, Infinity, -Infinity]');
		assert.ok(Number.isNaN(parsePyJson('NaN')));
	});

	it('escapes like ensure_ascii=True: lowercase \\uXXXX, surrogate pairs, DEL, short escapes, no escaped slash', () => {
		assert.equal(
			dumpsPyString('é🚀\x7f\x00\x1f/"\\\b\f\n\r\t\u2028'),
			'"\\u00e9\\ud83d\\ude80\\u007f\\u0000\\u001f/\\"\\\\\\b\\f\\n\\r\\t\\u2028"',
		);
		assert.equal(roundTrip('"\\ud83d\\ude80 \\u00E9 \\/"'), '"\\ud83d\\ude80 \\u00e9 /"');
		assert.equal(roundTrip('"\\ud800 lone"'), '"\\ud800 lone"');
	});

	it('keeps NUL and other control characters that arrive escaped', () => {
		assert.equal(parsePyJson('"a\\u0000b"'), 'a\u0000b');
	});

	it('rejects what json.loads rejects', () => {
		for (const bad of ['', '[1,]', '{"a":1,}', "{'a': 1}", '01', '1.', '.5', '[1] x', '"tab\there"', '"\\x"', '"\\u12"', '\ufeff[]', 'nan', 'undefined', '{"a" 1}', '"open']) {
			assert.throws(() => parsePyJson(bad), `should reject ${JSON.stringify(bad)}`);
		}
		assert.deepEqual(parsePyJson(' \t\n\r[1]\n'), [1]);
	});

	it('dumps plain JS values the same way', () => {
		assert.equal(dumpsPyJson({ b: 1, a: [true, null, 'x'], c: 0.5 }), '{"b": 1, "a": [true, null, "x"], "c": 0.5}');
		assert.equal(dumpsPyJson(new Map<string, unknown>([['2', 1], ['1', 2]])), '{"2": 1, "1": 2}');
		assert.equal(dumpsPyJson(1e21), '1000000000000000000000');
		assert.equal(dumpsPyJson(new PyFloat(3)), '3.0');
		assert.throws(() => dumpsPyJson(undefined), TypeError);
		assert.throws(() => dumpsPyJson(new Uint8Array([1])), TypeError);
	});

	it('writes floats as Python repr does', () => {
		const cases: [number, string][] = [
			[0.1, '0.1'], [1 / 3, '0.3333333333333333'], [1e15, '1000000000000000.0'], [1e16, '1e+16'], [-1.5e-5, '-1.5e-05'],
			[1e100, '1e+100'], [123.456, '123.456'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'], [0.0001, '0.0001'],
		];
		for (const [value, expected] of cases) assert.equal(pyFloatRepr(value), expected);
	});
});

/** Any decoded shape as one comparable tree: dict shapes, floats and big ints told apart. */
function shapeOf(value: unknown): unknown {
	if (value instanceof PyFloat) return { float: value.value };
	if (typeof value === 'bigint') return { bigint: value.toString() };
	if (typeof value === 'number') return Object.is(value, -0) ? { negativeZero: true } : value;
	if (Array.isArray(value)) return value.map(shapeOf);
	if (value instanceof Map) return { dict: [...value].map(([k, v]) => [k, shapeOf(v)]) };
	if (typeof value === 'object' && value !== null) return { dict: Object.keys(value).map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]) };
	return value;
}

describe('parsePyJson: the built-in fast path is the same as the hand parser', () => {
	const atoms = ['0', '-0', '1', '-17', '3.0', '1e3', '2.5', '-0.0', '1E400', '9007199254740993', '12345678901234567890', '0.1',
		'true', 'false', 'null', '"x"', '"v1.2 e5"', '"\\u00e9\\n"', '"\\ud800"', '"\u00e9"', 'NaN', '-Infinity'];
	const keys = ['"a"', '"b"', '"1"', '"10"', '"-1"', '"__proto__"', '"a"', '"0x"', '"01"', '"e"'];

	function randomJson(rng: SeededRandom, depth: number): string {
		const kind = depth > 4 ? 0 : rng.int(0, 2);
		if (kind === 0) return atoms[rng.int(0, atoms.length - 1)]!;
		const size = rng.int(0, 4);
		const items = Array.from({ length: size }, () => randomJson(rng, depth + 1));
		if (kind === 1) return `[${items.join(rng.chance(0.5) ? ',' : ', ')}]`;
		return `{${items.map((item) => `${keys[rng.int(0, keys.length - 1)]}: ${item}`).join(', ')}}`;
	}

	for (const seed of [1, 77, 31337]) {
		it(`agrees on 3,000 random texts (seed ${seed})`, () => {
			const rng = new SeededRandom(seed);
			let viaBuiltin = 0;
			for (let i = 0; i < 3000; i++) {
				const text = randomJson(rng, 0);
				let expected: unknown;
				try {
					expected = parsePyJsonByHand(text);
				} catch (error) {
					assert.throws(() => parsePyJson(text), (thrown: unknown) => String(thrown) === String(error), `seed ${seed}: ${text}`);
					continue;
				}
				const actual = parsePyJson(text);
				if (!(actual instanceof Map) && typeof actual === 'object' && actual !== null && !Array.isArray(actual)) viaBuiltin++;
				assert.deepEqual(shapeOf(actual), shapeOf(expected), `seed ${seed}: ${text}`);
				assert.equal(dumpsPyJson(actual), dumpsPyJson(expected), `seed ${seed}: ${text}`);
			}
			assert.ok(viaBuiltin > 100, `seed ${seed}: the built-in parser answered only ${viaBuiltin} times`);
		});
	}

	it('uses the built-in result for a typical tool_calls text', () => {
		const calls = parsePyJson('[{"id": "call_1", "type": "function", "function": {"name": "terminal", "arguments": "{\\"command\\": \\"npm test 1.5\\"}"}}]');
		assert.ok(Array.isArray(calls) && !(calls[0] instanceof Map));
	});
});
