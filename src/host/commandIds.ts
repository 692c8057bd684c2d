/** Every command the extension contributes; package.json lists the same ids. */
export const commandIds = {
	rescan: 'hermesAchievements.rescan',
	open: 'hermesAchievements.open',
	openInEditor: 'hermesAchievements.openInEditor',
	showScanStatus: 'hermesAchievements.showScanStatus',
	export: 'hermesAchievements.export',
	resetHistory: 'hermesAchievements.resetHistory',
	chooseHome: 'hermesAchievements.chooseHome',
	showTimeline: 'hermesAchievements.showTimeline',
	exportCard: 'hermesAchievements.exportCard',
} as const satisfies Record<string, `hermesAchievements.${string}`>;

export type CommandId = (typeof commandIds)[keyof typeof commandIds];

/** The other ids the host registers against package.json contributions. */
export const contributionIds = {
	configSection: 'hermesAchievements',
	gridView: 'hermesAchievements.grid',
	panelType: 'hermesAchievements.panel',
	statusBarItem: 'hermesAchievements.status',
} as const satisfies Record<string, string>;
