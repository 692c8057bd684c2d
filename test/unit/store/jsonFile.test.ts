import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonFile, writeJsonAtomic, writeJsonAtomicSync } from '../../../src/core/store/jsonFile.ts';
import { InvalidShape, isRecord } from '../../../src/core/store/shapeChecks.ts';

interface Point {
	readonly x: number;
}

function asPoint(raw: unknown): Point | undefined {
	return isRecord(raw) && typeof raw.x === 'number' ? { x: raw.x } : undefined;
}

describe('store/jsonFile', () => {
	let dir: string;
	let path: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'hermes-store-json-'));
		path = join(dir, 'nested', 'deeper', 'file.json');
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	const siblings = (): string[] => readdirSync(join(dir, 'nested', 'deeper')).sort();

	it('round-trips a value, creating missing folders and leaving no temporary file', async () => {
		await writeJsonAtomic(path, { x: 42 });
		assert.deepEqual(await readJsonFile(path, asPoint), { kind: 'ok', value: { x: 42 } });
		assert.deepEqual(siblings(), ['file.json']);
	});

	it('writes indented JSON when asked, and the sync twin writes the same way', async () => {
		await writeJsonAtomic(path, { x: 1 }, { indent: 2 });
		assert.equal(readFileSync(path, 'utf8'), '{\n  "x": 1\n}');
		writeJsonAtomicSync(path, { x: 2 });
		assert.equal(readFileSync(path, 'utf8'), '{"x":2}');
		assert.deepEqual(siblings(), ['file.json']);
	});

	it('reports a missing file as missing', async () => {
		assert.deepEqual(await readJsonFile(path, asPoint), { kind: 'missing' });
	});

	it('tolerates a byte order mark', async () => {
		mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
		writeFileSync(path, '\uFEFF{"x": 7}');
		assert.deepEqual(await readJsonFile(path, asPoint), { kind: 'ok', value: { x: 7 } });
	});

	for (const [label, content] of [
		['truncated', '{"x": 4'],
		['garbage', '\u0000\u0001 not json at all'],
		['empty', ''],
		['wrong schema', '{"y": "no x here"}'],
	] as const) {
		it(`sets a ${label} file aside instead of trusting it`, async () => {
			mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
			writeFileSync(path, content);
			const read = await readJsonFile(path, asPoint);
			assert.equal(read.kind, 'set-aside');
			assert.ok(read.kind === 'set-aside');
			assert.ok(read.reason.length > 0);
			assert.match(read.movedTo, /file\.json\.corrupt-/);
			assert.equal(existsSync(path), false);
			assert.equal(readFileSync(read.movedTo, 'utf8'), content);
			assert.deepEqual(await readJsonFile(path, asPoint), { kind: 'missing' });
		});
	}

	it('reports the reason a validator throws', async () => {
		await writeJsonAtomic(path, { x: 1 });
		const read = await readJsonFile(path, () => {
			throw new InvalidShape('x must be even');
		});
		assert.ok(read.kind === 'set-aside');
		assert.equal(read.reason, 'x must be even');
	});

	it('leaves a file in place when told not to move it', async () => {
		mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
		writeFileSync(path, 'nope');
		const read = await readJsonFile(path, asPoint, { setAside: false });
		assert.ok(read.kind === 'set-aside');
		assert.equal(read.movedTo, path);
		assert.equal(readFileSync(path, 'utf8'), 'nope');
	});

	it('keeps at most three corrupt backups, the newest ones', async () => {
		mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
		const moved: string[] = [];
		for (let i = 0; i < 5; i++) {
			writeFileSync(path, `broken ${i}`);
			const read = await readJsonFile(path, asPoint);
			assert.ok(read.kind === 'set-aside');
			moved.push(read.movedTo);
		}
		const backups = siblings().filter((name) => name.includes('.corrupt-'));
		assert.equal(backups.length, 3);
		const contents = backups.map((name) => readFileSync(join(dir, 'nested', 'deeper', name), 'utf8')).sort();
		assert.deepEqual(contents, ['broken 2', 'broken 3', 'broken 4']);
		assert.equal(existsSync(moved[4]), true);
	});

	it('removes its temporary file when the write fails and keeps the target intact', async () => {
		mkdirSync(path, { recursive: true });
		await assert.rejects(writeJsonAtomic(path, { x: 1 }));
		assert.deepEqual(siblings(), ['file.json']);
		assert.deepEqual(readdirSync(path), []);
	});

	it('rejects a value without a JSON form and writes nothing', async () => {
		await assert.rejects(writeJsonAtomic(path, undefined));
		await assert.rejects(writeJsonAtomic(path, { big: 1n }));
		assert.equal(existsSync(path), false);
	});

	it('applies concurrent writes to one path in call order, whole', async () => {
		const big = (n: number): { x: number; fill: string[] } => ({ x: n, fill: Array.from({ length: 2000 }, () => `value ${n}`) });
		await Promise.all(Array.from({ length: 25 }, (_, n) => writeJsonAtomic(path, big(n))));
		const read = await readJsonFile(path, (raw) => (isRecord(raw) ? raw : undefined));
		assert.ok(read.kind === 'ok');
		assert.deepEqual(read.value, big(24));
		assert.deepEqual(siblings(), ['file.json']);
	});

	it('clears temporary files a killed writer left long ago, but not a fresh one', async () => {
		await writeJsonAtomic(path, { x: 1 });
		const old = `${path}.4242.00aa11bb22cc.tmp`;
		const fresh = `${path}.4243.33dd44ee55ff.tmp`;
		writeFileSync(old, '{"x": 1');
		writeFileSync(fresh, '{"x": 2');
		const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
		utimesSync(old, hourAgo, hourAgo);
		assert.deepEqual(await readJsonFile(path, asPoint), { kind: 'ok', value: { x: 1 } });
		assert.deepEqual(siblings(), ['file.json', 'file.json.4243.33dd44ee55ff.tmp']);
	});

	it('keeps writing after a failed write to the same path', async () => {
		const failed = writeJsonAtomic(path, { bad: 1n });
		const next = writeJsonAtomic(path, { x: 3 });
		await assert.rejects(failed);
		await next;
		assert.deepEqual(await readJsonFile(path, asPoint), { kind: 'ok', value: { x: 3 } });
	});
});
