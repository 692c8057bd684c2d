import type { TierName } from '../../src/shared/protocol.ts';

/** The class that points `--tier` at the contributed theme colour for that tier. */
export function tierClass(tier: TierName | null): string {
	return tier === null ? 'tier-none' : `tier-${tier.toLowerCase()}`;
}
