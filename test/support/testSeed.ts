/** A seed for a test's random choices: HERMES_TEST_SEED replays a run, otherwise a new one (printed). */
export function testSeed(what: string): number {
	const fromEnv = process.env.HERMES_TEST_SEED;
	const seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) >>> 0 : Math.floor(Math.random() * 2 ** 31);
	process.stdout.write(`      ${what}: seed ${seed} (replay with HERMES_TEST_SEED=${seed})\n`);
	return seed;
}
