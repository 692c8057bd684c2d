/**
 * Python's `re.I` for patterns written in ASCII: a text character matches a pattern letter when
 * both fold to the same code here. Besides ASCII case, Python matches `İ` (U+0130) and `ı`
 * (U+0131) to `i`, `ſ` (U+017F) to `s` and the Kelvin sign (U+212A) to `k`; no other character
 * matches an ASCII letter (checked against Python over every code point).
 */
export function foldCode(code: number): number {
	if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
	switch (code) {
		case 0x130: case 0x131: return 0x69;
		case 0x17f: return 0x73;
		case 0x212a: return 0x6b;
		default: return code;
	}
}
