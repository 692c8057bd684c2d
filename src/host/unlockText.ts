import type { UnlockNotice } from '../core/service.ts';

/** "Achievement unlocked: Let Him Cook (Silver)"; several: "Achievements unlocked: Let Him Cook (Silver) and 2 more". */
export function unlockMessage(notices: readonly UnlockNotice[]): string | undefined {
	const [first] = notices;
	if (first === undefined) {
		return undefined;
	}
	const named = first.tier === null ? first.name : `${first.name} (${first.tier})`;
	return notices.length === 1 ? `Achievement unlocked: ${named}` : `Achievements unlocked: ${named} and ${notices.length - 1} more`;
}
