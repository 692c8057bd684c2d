/**
 * The five tiers, lowest first: the one list the engine, the stores, the host, the webview and the
 * command line all read. Imports nothing, so every layer (and the browser bundle) can import it.
 */
export const tierNames = ['Copper', 'Silver', 'Gold', 'Diamond', 'Olympian'] as const;
export type TierName = (typeof tierNames)[number];

export function isTierName(value: unknown): value is TierName {
	return (tierNames as readonly unknown[]).includes(value);
}

/** 0 for Copper … 4 for Olympian; -1 for no tier, so any tier outranks none. */
export function tierRank(tier: TierName | null): number {
	return tier === null ? -1 : tierNames.indexOf(tier);
}
