import { analyzeSession } from '../analysis/analyzeSession.ts';
import { ContentTally } from '../hermes/contentKey.ts';
import { SessionTooLarge } from '../hermes/sessionBudget.ts';
import type { HermesMessage, SessionInfo } from '../model.ts';
import type { SessionNeedsGuard, SessionRead } from './readerProtocol.ts';
import { guardedReadBytes } from './sessionReadGuard.ts';

type Messages = (tally: ContentTally) => Iterable<HermesMessage>;

/**
 * Analyses one session as it is read, with the content key tallied from the very rows read (so
 * the key stored with a contribution describes exactly what was counted; null for a legacy file).
 */
export function analyzeRead(session: SessionInfo, messages: Messages): SessionRead {
	const tally = new ContentTally();
	const contribution = analyzeSession(session, messages(tally));
	return { contentKey: session.origin === 'state.db' ? tally.key() : null, contribution };
}

/**
 * Reads a session of ordinary size, on any thread. Its size is not asked first (that would be one
 * more pass over its rows): the read stops past `guardedReadBytes`, and such a session is handed
 * back, to be read on the scan thread under the read guard.
 */
export function readOrdinarySession(session: SessionInfo, messages: (byteLimit: number, tally: ContentTally) => Iterable<HermesMessage>): SessionRead | SessionNeedsGuard {
	try {
		return analyzeRead(session, (tally) => messages(guardedReadBytes, tally));
	} catch (error) {
		if (error instanceof SessionTooLarge) {
			return { needsGuard: true };
		}
		throw error;
	}
}
