import { errorMessage } from '../../shared/errorMessage.ts';

/**
 * One sentence for a write that failed: where, why in plain words, and that the results are still
 * shown. `what` names what was not saved ("the first-unlock dates").
 */
export function unsavedSentence(folder: string, error: unknown, what: string): string {
	return `Could not save ${what} in ${folder} (${plainReason(error)}); the results are shown from memory and saving is retried on the next refresh.`;
}

function plainReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'EROFS':
			return 'read-only file system';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'ENOSPC':
			return 'the disk is full';
		case 'EDQUOT':
			return 'the disk quota is exceeded';
		default:
			return errorMessage(error);
	}
}
