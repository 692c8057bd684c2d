import { inflateSync } from 'node:zlib';

/**
 * Size in bytes of the TrueType outline a WOFF font draws for a code point: 0 when the code point is mapped
 * to nothing or to an empty glyph. Reads only what that needs (WOFF table directory, cmap format 4, loca).
 */
export function glyphOutlineBytes(woff: Buffer, codePoint: number): number {
	if (woff.toString('latin1', 0, 4) !== 'wOFF') {
		throw new Error('not a WOFF font');
	}
	const head = woffTable(woff, 'head');
	const glyphId = cmapGlyph(woffTable(woff, 'cmap'), codePoint);
	if (glyphId === 0) {
		return 0;
	}
	const loca = woffTable(woff, 'loca');
	const shortOffsets = head.readInt16BE(50) === 0;
	const offsetAt = (index: number): number => (shortOffsets ? loca.readUInt16BE(index * 2) * 2 : loca.readUInt32BE(index * 4));
	return offsetAt(glyphId + 1) - offsetAt(glyphId);
}

function woffTable(woff: Buffer, tag: string): Buffer {
	const tableCount = woff.readUInt16BE(12);
	for (let index = 0; index < tableCount; index++) {
		const entry = 44 + index * 20;
		if (woff.toString('latin1', entry, entry + 4) !== tag) {
			continue;
		}
		const offset = woff.readUInt32BE(entry + 4);
		const compressedLength = woff.readUInt32BE(entry + 8);
		const length = woff.readUInt32BE(entry + 12);
		const stored = woff.subarray(offset, offset + compressedLength);
		return compressedLength < length ? inflateSync(stored) : stored;
	}
	throw new Error(`the font has no ${tag} table`);
}

function cmapGlyph(cmap: Buffer, codePoint: number): number {
	const recordCount = cmap.readUInt16BE(2);
	for (let record = 0; record < recordCount; record++) {
		const platform = cmap.readUInt16BE(4 + record * 8);
		const encoding = cmap.readUInt16BE(6 + record * 8);
		const subtable = cmap.readUInt32BE(8 + record * 8);
		if ((platform === 3 && encoding === 1) || platform === 0) {
			if (cmap.readUInt16BE(subtable) === 4) {
				return format4Glyph(cmap.subarray(subtable), codePoint);
			}
		}
	}
	throw new Error('the font has no Unicode BMP cmap (format 4)');
}

function format4Glyph(table: Buffer, codePoint: number): number {
	const segments = table.readUInt16BE(6) / 2;
	const ends = 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	for (let segment = 0; segment < segments; segment++) {
		const start = table.readUInt16BE(starts + segment * 2);
		if (table.readUInt16BE(ends + segment * 2) < codePoint || start > codePoint) {
			continue;
		}
		const rangeOffsetAt = rangeOffsets + segment * 2;
		const rangeOffset = table.readUInt16BE(rangeOffsetAt);
		const delta = table.readUInt16BE(deltas + segment * 2);
		if (rangeOffset === 0) {
			return (codePoint + delta) & 0xffff;
		}
		const glyph = table.readUInt16BE(rangeOffsetAt + rangeOffset + (codePoint - start) * 2);
		return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
	}
	return 0;
}
