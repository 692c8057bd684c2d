export type CliCommand =
	| { readonly command: 'scan'; readonly home?: string; readonly profile?: string; readonly full: boolean; readonly json: boolean }
	| { readonly command: 'status'; readonly home?: string; readonly profile?: string; readonly json: boolean }
	| { readonly command: 'timeline'; readonly home?: string; readonly profile?: string; readonly json: boolean }
	| { readonly command: 'demo'; readonly out: string; readonly sessions: number; readonly json: boolean }
	| { readonly command: 'help' };

export const usage = `Usage:
  hermes-achievements scan [--home DIR] [--profile NAME] [--full] [--json]
  hermes-achievements status [--home DIR] [--profile NAME] [--json]
  hermes-achievements timeline [--home DIR] [--profile NAME] [--json]
  hermes-achievements demo --out DIR [--sessions N] [--json]

scan     Scan the Hermes history (incrementally; --full rebuilds) and print a summary
         (--json: the snapshot, as the dashboard's /achievements returns it).
status   Print the last scan's status.
timeline Refresh, then list every tier unlock in the order the history earned it: the date and
         title of the session that earned it, and the score after it.
demo     Generate a demo Hermes history in DIR (unless one is there) and scan it.

Exit codes: 0 ok, 1 the history could not be read, 2 bad usage.`;

export class UsageError extends Error {}

/** Parses argv (without node and the script). Throws UsageError on anything it does not know. */
export function parseArgs(argv: readonly string[]): CliCommand {
	const [command, ...rest] = argv;
	if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
		return { command: 'help' };
	}
	const flags = new Set<string>();
	const values = new Map<string, string>();
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i]!;
		if (arg === '--full' || arg === '--json') {
			flags.add(arg);
		} else if (arg === '--home' || arg === '--profile' || arg === '--out' || arg === '--sessions') {
			const value = rest[++i];
			if (value === undefined || value.startsWith('--')) {
				throw new UsageError(`${arg} needs a value.`);
			}
			values.set(arg, value);
		} else {
			throw new UsageError(`Unknown argument: ${arg}`);
		}
	}
	const allow = (allowed: readonly string[]): void => {
		for (const name of [...flags, ...values.keys()]) {
			if (!allowed.includes(name)) {
				throw new UsageError(`${name} does not apply to "${command}".`);
			}
		}
	};
	const json = flags.has('--json');
	switch (command) {
		case 'scan':
			allow(['--home', '--profile', '--full', '--json']);
			return { command, home: values.get('--home'), profile: values.get('--profile'), full: flags.has('--full'), json };
		case 'status':
		case 'timeline':
			allow(['--home', '--profile', '--json']);
			return { command, home: values.get('--home'), profile: values.get('--profile'), json };
		case 'demo': {
			allow(['--out', '--sessions', '--json']);
			const out = values.get('--out');
			if (!out) {
				throw new UsageError('demo needs --out DIR.');
			}
			const sessions = Number(values.get('--sessions') ?? '150');
			if (!Number.isInteger(sessions) || sessions < 1 || sessions > 20000) {
				throw new UsageError('--sessions must be a whole number from 1 to 20000.');
			}
			return { command, out, sessions, json };
		}
		default:
			throw new UsageError(`Unknown command: ${command}`);
	}
}
