import assert from 'node:assert/strict';
import { PyFloat, dumpsPyJson, dumpsPyString, parsePyJson, pyFloatRepr } from '../../../src/core/analysis/pyJson.ts';

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
