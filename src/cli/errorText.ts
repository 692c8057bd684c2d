import { withHomeHint } from '../core/hermes/historyError.ts';

/** A message from the engine in the command line's words: a home is chosen with --home or HERMES_HOME. */
export function cliErrorText(message: string): string {
	return withHomeHint(message, 'Pass --home DIR or set HERMES_HOME to the folder that holds state.db.');
}
