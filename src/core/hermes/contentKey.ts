/**
 * A session's content key: how many active message rows it has, the sum of their ids and the bytes
 * of their text and tool calls. It moves with in-place edits that leave every listed column alone.
 * SQL builds it for every session at once from record headers (`SqliteStore.contentKeys`); a read
 * tallies it from the very rows it analyses, so the key stored with a contribution describes
 * exactly what was counted.
 */
export function contentKeyOf(rows: number, idSum: number, contentBytes: number, callBytes: number): string {
	return rows === 0 ? '' : `${rows}:${idSum}:${contentBytes}:${callBytes}`;
}

/** The content key of the rows a read went through, one `add` per row. */
export class ContentTally {
	private rows = 0;
	private idSum = 0;
	private contentBytes = 0;
	private callBytes = 0;

	/** Sizes are `octet_length` of the cells (null for NULL), as the grouped query sums them. */
	add(id: number, contentBytes: number | null, callBytes: number | null): void {
		this.rows++;
		this.idSum += id;
		this.contentBytes += contentBytes ?? 0;
		this.callBytes += callBytes ?? 0;
	}

	key(): string {
		return contentKeyOf(this.rows, this.idSum, this.contentBytes, this.callBytes);
	}
}
