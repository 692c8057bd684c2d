/**
 * Python's `json.loads` / `json.dumps` (default arguments) for the values Hermes stores.
 *
 * The reference engine serialises non-text message content and `tool_calls` with Python's
 * `json.dumps` before running its regexes, so the exact text matters: separators, `\uXXXX`
 * escapes, float spelling and dict key order all change what the rules count.
 *
 * Decoded values use these shapes so that a round trip is lossless:
 * - JSON objects become `Map<string, unknown>` (insertion order is kept, including integer-like
 *   keys, and a duplicate key keeps its first position with the last value, like a Python dict);
 * - integers are `number` within the safe range, `bigint` beyond it;
 * - floats with an integral value (`1.0`, `-0.0`, `1e3`) are `PyFloat`, other floats `number`;
 * - `NaN`, `Infinity` and `-Infinity` are the JS numbers.
 */

/** A Python float whose value is integral, kept apart from ints so `1.0` dumps as `1.0`. */
export class PyFloat {
	readonly value: number;
	constructor(value: number) {
		this.value = value;
	}
}

export type PyDict = Map<string, unknown>;

/** Whether a decoded value is a JSON object (Python dict): a `Map`, or a plain JS object. */
export function isPyDict(value: unknown): value is PyDict | Record<string, unknown> {
	if (value instanceof Map) return true;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto: unknown = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/** `dict.get(key)` for either dict shape. */
export function pyDictGet(dict: PyDict | Record<string, unknown>, key: string): unknown {
	if (dict instanceof Map) return dict.get(key);
	return Object.hasOwn(dict, key) ? dict[key] : undefined;
}

export class PyJsonError extends Error {
	override readonly name = 'PyJsonError';
}

// Python's int() refuses longer decimal strings (sys.int_info.default_max_str_digits).
const maxIntDigits = 4300;
const plainStringChunk = /[^"\\\u0000-\u001f]*/y;
const numberToken = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;

/**
 * Python `json.loads(text)`; throws `PyJsonError` where Python raises `JSONDecodeError`. The
 * built-in parser answers when its result is provably the same (see `builtinResult`), which is
 * most `tool_calls`; plain objects then stand for dicts, as everywhere else here.
 */
export function parsePyJson(text: string): unknown {
	const builtin = builtinResult(text);
	return builtin === notProvable ? parsePyJsonByHand(text) : builtin;
}

const notProvable = Symbol('notProvable');
/** Deeper values are left to the hand parser, whose recursion fails where Python's does. */
const maxBuiltinDepth = 200;
const allDigits = /^[0-9]+$/;
const floatSpelling = /[0-9][.eE]/;

/**
 * `JSON.parse` agrees with `json.loads` on syntax (both reject NaN-free invalid text alike; text it
 * rejects goes to the hand parser), strings, escapes, whitespace, duplicate keys (last value, first
 * position) and non-integral floats. It differs on: integral floats (`1.0` is a Python float), ints
 * beyond 2^53 (Python keeps them exact), and integer-like keys (JS objects list them first). A result
 * holding none of those, checked on the result and the text, is the same value.
 */
function builtinResult(text: string): unknown {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return notProvable;
	}
	let mayHaveFloatSpelling: boolean | undefined;
	const same = (item: unknown, depth: number): boolean => {
		if (typeof item === 'number') {
			if (!Number.isInteger(item)) return true;
			mayHaveFloatSpelling ??= floatSpelling.test(text);
			return !mayHaveFloatSpelling && Math.abs(item) <= Number.MAX_SAFE_INTEGER;
		}
		if (typeof item !== 'object' || item === null) return true;
		if (depth > maxBuiltinDepth) return false;
		if (Array.isArray(item)) {
			for (const element of item) if (!same(element, depth + 1)) return false;
			return true;
		}
		const record = item as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			if (allDigits.test(key) || !same(record[key], depth + 1)) return false;
		}
		return true;
	};
	return same(value, 0) ? value : notProvable;
}

/** `json.loads` by hand: exact in every case, including those `JSON.parse` cannot represent. */
export function parsePyJsonByHand(text: string): unknown {
	if (text.charCodeAt(0) === 0xfeff) throw new PyJsonError('Unexpected UTF-8 BOM');
	const parser = new Parser(text);
	parser.skipWhitespace();
	const value = parser.parseValue();
	parser.skipWhitespace();
	if (parser.pos !== text.length) throw new PyJsonError(`Extra data at ${parser.pos}`);
	return value;
}

class Parser {
	readonly text: string;
	pos = 0;

	constructor(text: string) {
		this.text = text;
	}

	skipWhitespace(): void {
		const text = this.text;
		let pos = this.pos;
		while (pos < text.length) {
			const code = text.charCodeAt(pos);
			if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
			pos++;
		}
		this.pos = pos;
	}

	fail(what: string): never {
		throw new PyJsonError(`${what} at ${this.pos}`);
	}

	parseValue(): unknown {
		const text = this.text;
		const code = text.charCodeAt(this.pos);
		switch (code) {
			case 0x22: return this.parseString();
			case 0x7b: return this.parseObject();
			case 0x5b: return this.parseArray();
			case 0x6e: return this.literal('null', null);
			case 0x74: return this.literal('true', true);
			case 0x66: return this.literal('false', false);
			case 0x4e: return this.literal('NaN', Number.NaN);
			case 0x49: return this.literal('Infinity', Number.POSITIVE_INFINITY);
			case 0x2d:
				if (text.startsWith('-Infinity', this.pos)) return this.literal('-Infinity', Number.NEGATIVE_INFINITY);
				return this.parseNumber();
			default:
				if (code >= 0x30 && code <= 0x39) return this.parseNumber();
				return this.fail('Expecting value');
		}
	}

	literal<T>(word: string, value: T): T {
		if (!this.text.startsWith(word, this.pos)) this.fail('Expecting value');
		this.pos += word.length;
		return value;
	}

	parseNumber(): unknown {
		numberToken.lastIndex = this.pos;
		const match = numberToken.exec(this.text);
		if (match === null) return this.fail('Expecting value');
		const token = match[0];
		this.pos += token.length;
		if (match[1] === undefined && match[2] === undefined) {
			if (token.length <= 15) return Number(token);
			const digits = token.startsWith('-') ? token.length - 1 : token.length;
			if (digits > maxIntDigits) this.fail('Exceeds the limit for integer string conversion');
			const big = BigInt(token);
			return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
		}
		const value = Number(token);
		return Number.isInteger(value) ? new PyFloat(value) : value;
	}

	parseString(): string {
		const text = this.text;
		let pos = this.pos + 1;
		let result = '';
		for (;;) {
			plainStringChunk.lastIndex = pos;
			plainStringChunk.exec(text);
			const end = plainStringChunk.lastIndex;
			if (end > pos) result += text.slice(pos, end);
			pos = end;
			if (pos >= text.length) {
				this.pos = pos;
				return this.fail('Unterminated string');
			}
			const code = text.charCodeAt(pos);
			if (code === 0x22) {
				this.pos = pos + 1;
				return result;
			}
			if (code !== 0x5c) {
				this.pos = pos;
				return this.fail('Invalid control character');
			}
			const escape = text.charCodeAt(pos + 1);
			pos += 2;
			switch (escape) {
				case 0x22: result += '"'; break;
				case 0x5c: result += '\\'; break;
				case 0x2f: result += '/'; break;
				case 0x62: result += '\b'; break;
				case 0x66: result += '\f'; break;
				case 0x6e: result += '\n'; break;
				case 0x72: result += '\r'; break;
				case 0x74: result += '\t'; break;
				case 0x75: {
					const hex = text.slice(pos, pos + 4);
					if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
						this.pos = pos;
						return this.fail('Invalid \\uXXXX escape');
					}
					// JS strings are UTF-16, so a \ud83d\ude80 pair joins by itself, as Python joins it.
					result += String.fromCharCode(Number.parseInt(hex, 16));
					pos += 4;
					break;
				}
				default:
					this.pos = pos - 1;
					return this.fail('Invalid \\escape');
			}
		}
	}

	parseObject(): PyDict {
		const text = this.text;
		const dict: PyDict = new Map();
		this.pos++;
		this.skipWhitespace();
		if (text.charCodeAt(this.pos) === 0x7d) {
			this.pos++;
			return dict;
		}
		for (;;) {
			if (text.charCodeAt(this.pos) !== 0x22) this.fail('Expecting property name enclosed in double quotes');
			const key = this.parseString();
			this.skipWhitespace();
			if (text.charCodeAt(this.pos) !== 0x3a) this.fail("Expecting ':' delimiter");
			this.pos++;
			this.skipWhitespace();
			dict.set(key, this.parseValue());
			this.skipWhitespace();
			const code = text.charCodeAt(this.pos);
			this.pos++;
			if (code === 0x7d) return dict;
			if (code !== 0x2c) {
				this.pos--;
				this.fail("Expecting ',' delimiter");
			}
			this.skipWhitespace();
		}
	}

	parseArray(): unknown[] {
		const text = this.text;
		const list: unknown[] = [];
		this.pos++;
		this.skipWhitespace();
		if (text.charCodeAt(this.pos) === 0x5d) {
			this.pos++;
			return list;
		}
		for (;;) {
			list.push(this.parseValue());
			this.skipWhitespace();
			const code = text.charCodeAt(this.pos);
			this.pos++;
			if (code === 0x5d) return list;
			if (code !== 0x2c) {
				this.pos--;
				this.fail("Expecting ',' delimiter");
			}
			this.skipWhitespace();
		}
	}
}

/**
 * Python `json.dumps(value)` with default arguments. Accepts the decoded shapes above and plain
 * JS values (objects, arrays, strings, numbers, booleans, null); integral JS numbers dump as ints.
 * Throws a `TypeError` where Python would (values JSON cannot hold, such as `undefined` or bytes).
 */
export function dumpsPyJson(value: unknown): string {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'string': return dumpsPyString(value);
		case 'boolean': return value ? 'true' : 'false';
		case 'number': return Number.isInteger(value) ? pyIntString(value) : pyFloatRepr(value);
		case 'bigint': return value.toString();
		default: break;
	}
	if (value instanceof PyFloat) return pyFloatRepr(value.value);
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[${value.map(dumpsPyJson).join(', ')}]`;
	}
	if (value instanceof Map) {
		const parts: string[] = [];
		for (const [key, item] of value) parts.push(`${pyDictKey(key)}: ${dumpsPyJson(item)}`);
		return `{${parts.join(', ')}}`;
	}
	if (isPyDict(value)) {
		const record = value as Record<string, unknown>;
		const parts: string[] = [];
		for (const key of Object.keys(record)) parts.push(`${dumpsPyString(key)}: ${dumpsPyJson(record[key])}`);
		return `{${parts.join(', ')}}`;
	}
	throw new TypeError(`Object of type ${describe(value)} is not JSON serializable`);
}

/**
 * Calls `visit` with every string `dumpsPyJson(value)` would write (dict keys and values, in any
 * order), unescaped, without building the dump; throws where `dumpsPyJson` would.
 */
export function visitPyJsonStrings(value: unknown, visit: (text: string) => void): void {
	if (value === null) return;
	switch (typeof value) {
		case 'string': visit(value); return;
		case 'boolean': case 'number': case 'bigint': return;
		default: break;
	}
	if (value instanceof PyFloat) return;
	if (Array.isArray(value)) {
		for (const item of value) visitPyJsonStrings(item, visit);
		return;
	}
	if (value instanceof Map) {
		for (const [key, item] of value) {
			if (typeof key === 'string') visit(key);
			else pyDictKey(key);
			visitPyJsonStrings(item, visit);
		}
		return;
	}
	if (isPyDict(value)) {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			visit(key);
			visitPyJsonStrings(record[key], visit);
		}
		return;
	}
	throw new TypeError(`Object of type ${describe(value)} is not JSON serializable`);
}

function pyDictKey(key: unknown): string {
	if (typeof key === 'string') return dumpsPyString(key);
	if (key === null) return '"null"';
	if (typeof key === 'boolean' || typeof key === 'number' || typeof key === 'bigint' || key instanceof PyFloat) {
		return `"${dumpsPyJson(key)}"`;
	}
	throw new TypeError(`keys must be str, int, float, bool or None, not ${describe(key)}`);
}

function describe(value: unknown): string {
	if (value === undefined) return 'undefined';
	if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
	return typeof value;
}

// Everything json.dumps writes as is: printable ASCII other than `"` and `\`.
const needsEscape = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;
const needsEscapeAll = /[^\x20\x21\x23-\x5b\x5d-\x7e]/g;
const shortEscapes: Readonly<Record<string, string>> = {
	'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

/** A string as `json.dumps` writes it with `ensure_ascii=True` (per UTF-16 unit, so astral characters become surrogate pairs). */
export function dumpsPyString(text: string): string {
	if (!needsEscape.test(text)) return `"${text}"`;
	return `"${text.replace(needsEscapeAll, escapeUnit)}"`;
}

function escapeUnit(unit: string): string {
	return shortEscapes[unit] ?? `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function pyIntString(value: number): string {
	if (Object.is(value, -0)) return '0';
	return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
}

/** Python `repr(float)` (and what `json.dumps` writes for a float). */
export function pyFloatRepr(value: number): string {
	if (Number.isNaN(value)) return 'NaN';
	if (value === Number.POSITIVE_INFINITY) return 'Infinity';
	if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
	if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
	const sign = value < 0 ? '-' : '';
	// toExponential() without digits gives the shortest round-trip digits, as Python's repr does.
	const [mantissa = '', exponentText = '0'] = Math.abs(value).toExponential().split('e');
	const digits = mantissa.replace('.', '');
	const exponent = Number(exponentText);
	if (exponent < -4 || exponent >= 16) {
		const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
		const expSign = exponent < 0 ? '-' : '+';
		return `${sign}${head}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
	}
	if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
	if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
	return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}
