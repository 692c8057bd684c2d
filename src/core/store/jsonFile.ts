import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorMessage } from '../../shared/errorMessage.ts';

export type JsonRead<T> =
	| { readonly kind: 'ok'; readonly value: T }
	| { readonly kind: 'missing' }
	| { readonly kind: 'set-aside'; readonly reason: string; readonly movedTo: string };

export interface ReadJsonOptions {
	/**
	 * Rename a file that cannot be trusted to `<path>.corrupt-<timestamp>` (default). Off for files
	 * another program owns: they are reported as set aside but left where they are (`movedTo` = path).
	 */
	readonly setAside?: boolean;
}

const maxCorruptBackups = 3;
/** A temporary file this old belongs to a writer that died (a live write takes milliseconds). */
const staleTempAgeMs = 10 * 60 * 1000;
const renameRetryDelaysMs = [10, 30, 100];

/** Writes to the same path, in call order: the last call's value is what ends up on disk. */
const writeQueues = new Map<string, Promise<void>>();

export interface WriteJsonOptions {
	/** Spaces per indentation level; compact when absent. */
	readonly indent?: number;
}

export function writeJsonAtomic(path: string, value: unknown, options: WriteJsonOptions = {}): Promise<void> {
	let text: string;
	try {
		// Serialized now, so a caller mutating the value afterwards cannot change what gets written.
		text = serialize(value, options);
	} catch (error) {
		return Promise.reject(error);
	}
	return writeJsonTextAtomic(path, text);
}

/**
 * Like `writeJsonAtomic`, for a caller that builds the JSON text itself (from parts it kept), in
 * the same queue as the other writes to `path`.
 */
export function writeJsonTextAtomic(path: string, text: string): Promise<void> {
	const previous = writeQueues.get(path) ?? Promise.resolve();
	const write = (): Promise<void> => writeNow(path, text);
	const next = previous.then(write, write);
	const settled = next.catch(() => undefined);
	writeQueues.set(path, settled);
	void settled.then(() => {
		if (writeQueues.get(path) === settled) {
			writeQueues.delete(path);
		}
	});
	return next;
}

async function writeNow(path: string, text: string): Promise<void> {
	await mkdir(dirname(path), { recursive: true });
	const temp = tempPathFor(path);
	try {
		const handle = await open(temp, 'wx');
		try {
			await handle.writeFile(text, 'utf8');
			await handle.sync();
		} finally {
			await handle.close();
		}
		await renameWithRetry(temp, path);
	} catch (error) {
		await unlink(temp).catch(() => undefined);
		throw error;
	}
}

/** For shutdown paths that cannot wait; not ordered with pending `writeJsonAtomic` calls. */
export function writeJsonAtomicSync(path: string, value: unknown, options: WriteJsonOptions = {}): void {
	const text = serialize(value, options);
	mkdirSync(dirname(path), { recursive: true });
	const temp = tempPathFor(path);
	try {
		const fd = openSync(temp, 'wx');
		try {
			writeSync(fd, text, null, 'utf8');
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temp, path);
	} catch (error) {
		try {
			unlinkSync(temp);
		} catch {
			// It was never created, or is already gone.
		}
		throw error;
	}
}

function serialize(value: unknown, options: WriteJsonOptions): string {
	const text = JSON.stringify(value, null, options.indent);
	if (typeof text !== 'string') {
		throw new TypeError('value has no JSON representation');
	}
	return text;
}

function tempPathFor(path: string): string {
	return `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Windows refuses to replace a file someone (an indexer, a virus scanner) holds open for a moment. */
async function renameWithRetry(from: string, to: string): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		try {
			await rename(from, to);
			return;
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
			if (!transient || attempt >= renameRetryDelaysMs.length) {
				throw error;
			}
			await new Promise((resolve) => setTimeout(resolve, renameRetryDelaysMs[attempt]));
		}
	}
}

/**
 * Reads and validates a JSON file. `validate` returns the typed value, or `undefined` (or throws,
 * its message becoming the reason) when the content cannot be trusted; such a file is set aside,
 * reported and never thrown. A leading BOM is tolerated (the dashboard reads with `utf-8-sig`).
 */
export async function readJsonFile<T>(
	path: string,
	validate: (raw: unknown) => T | undefined,
	options: ReadJsonOptions = {},
): Promise<JsonRead<T>> {
	await sweepStaleTemps(path);
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			return { kind: 'missing' };
		}
		return { kind: 'set-aside', reason: `unreadable: ${errorMessage(error)}`, movedTo: path };
	}
	const reason = checkContent(text, validate);
	if (reason.kind === 'ok') {
		return reason;
	}
	if (options.setAside === false) {
		return { kind: 'set-aside', reason: reason.reason, movedTo: path };
	}
	const movedTo = await setAside(path);
	return { kind: 'set-aside', reason: reason.reason, movedTo };
}

function checkContent<T>(
	text: string,
	validate: (raw: unknown) => T | undefined,
): { kind: 'ok'; value: T } | { kind: 'bad'; reason: string } {
	let raw: unknown;
	try {
		raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
	} catch (error) {
		return { kind: 'bad', reason: text.trim() === '' ? 'empty file' : `not valid JSON: ${errorMessage(error)}` };
	}
	try {
		const value = validate(raw);
		return value === undefined ? { kind: 'bad', reason: 'unexpected content' } : { kind: 'ok', value };
	} catch (error) {
		return { kind: 'bad', reason: errorMessage(error) };
	}
}

/** Renames the file to `<path>.corrupt-<timestamp>` and keeps only the newest few such backups. */
export async function setAside(path: string): Promise<string> {
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	let movedTo = `${path}.corrupt-${stamp}`;
	for (let n = 1; await exists(movedTo); n++) {
		movedTo = `${path}.corrupt-${stamp}-${n}`;
	}
	await rename(path, movedTo);
	await pruneBackups(path, '.corrupt-', maxCorruptBackups);
	return movedTo;
}

async function pruneBackups(path: string, marker: string, keep: number): Promise<void> {
	const prefix = basename(path) + marker;
	const names = (await readdir(dirname(path)).catch(() => [] as string[]))
		.filter((name) => name.startsWith(prefix))
		.sort();
	for (const name of names.slice(0, Math.max(0, names.length - keep))) {
		await unlink(join(dirname(path), name)).catch(() => undefined);
	}
}

/** When each path was last swept: a temporary file takes `staleTempAgeMs` to go stale, so sooner finds nothing new. */
const lastSweeps = new Map<string, number>();

/** A writer killed between creating and renaming its temporary file leaves it behind. */
async function sweepStaleTemps(path: string): Promise<void> {
	const now = Date.now();
	if (now - (lastSweeps.get(path) ?? -Infinity) < staleTempAgeMs) {
		return;
	}
	lastSweeps.set(path, now);
	const prefix = basename(path) + '.';
	const names = await readdir(dirname(path)).catch(() => [] as string[]);
	for (const name of names) {
		if (!name.startsWith(prefix) || !/^\d+\.[0-9a-f]+\.tmp$/.test(name.slice(prefix.length))) {
			continue;
		}
		const full = join(dirname(path), name);
		const info = await stat(full).catch(() => undefined);
		if (info !== undefined && now - info.mtimeMs > staleTempAgeMs) {
			await unlink(full).catch(() => undefined);
		}
	}
}

async function exists(path: string): Promise<boolean> {
	return stat(path).then(() => true, () => false);
}
