import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const parityDir = join(import.meta.dirname, '..', 'fixtures', 'parity');

/** The three histories the reference engine's expected answers were computed on. */
export const parityFixtures = ['seed7-s100-v11', 'seed7-s100-v17', 'seed11-s30-v11-quiet'] as const;
export type ParityFixture = (typeof parityFixtures)[number];

/** A fresh temporary folder; remove it with `rmSync(dir, { recursive: true, force: true })`. */
export function makeTempDir(prefix = 'hermes-ach-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** Unpacks a committed fixture into a new temporary Hermes home and returns the home's path. */
export function unpackParityHome(name: ParityFixture): string {
	const home = makeTempDir(`hermes-${name}-`);
	mkdirSync(home, { recursive: true });
	writeFileSync(join(home, 'state.db'), gunzipSync(readFileSync(join(parityDir, `${name}.db.gz`))));
	return home;
}

/** The reference engine's output for a fixture (sessions, aggregate, achievements, counts). */
export function expectedParity(name: ParityFixture): ExpectedParity {
	return JSON.parse(readFileSync(join(parityDir, `${name}.json`), 'utf8')) as ExpectedParity;
}

export interface ExpectedParity {
	readonly sessions: readonly Record<string, unknown>[];
	readonly aggregate: Record<string, number>;
	readonly achievements: readonly Record<string, unknown>[];
	readonly counts: Record<string, number>;
}

export function removeDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}
