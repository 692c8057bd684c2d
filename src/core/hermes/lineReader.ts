import { closeSync, openSync, readSync } from 'node:fs';

/** The lines of a UTF-8 text file, read in chunks so a large file is never held whole. */
export function* readLines(path: string): Generator<string> {
	const fd = openSync(path, 'r');
	const decoder = new TextDecoder('utf-8', { fatal: false });
	const chunk = Buffer.allocUnsafe(256 * 1024);
	let pending = '';
	try {
		for (;;) {
			const read = readSync(fd, chunk, 0, chunk.length, null);
			if (read === 0) {
				break;
			}
			pending += decoder.decode(chunk.subarray(0, read), { stream: true });
			let newline = pending.indexOf('\n');
			while (newline !== -1) {
				yield pending.slice(0, newline);
				pending = pending.slice(newline + 1);
				newline = pending.indexOf('\n');
			}
		}
		pending += decoder.decode();
		if (pending !== '') {
			yield pending;
		}
	} finally {
		closeSync(fd);
	}
}
