/**
 * The catalog names its icons after what they depict (flame, avalanche, …); the view draws
 * codicons, which ship with VS Code's look and need no image assets. One table, so a new
 * catalog icon is a one-line change; anything unmapped falls back to a neutral star.
 */
const codiconByCatalogIcon: Readonly<Record<string, string>> = {
	antenna: 'radio-tower',
	anvil: 'tools',
	avalanche: 'layers',
	blueprint: 'layout',
	branch: 'git-branch',
	browser: 'browser',
	cache: 'database',
	calendar: 'calendar',
	clock: 'clock',
	codex: 'book',
	colon: 'json',
	compass: 'compass',
	container: 'vm',
	crystal: 'ruby',
	daemon: 'server-process',
	dragon: 'flame',
	eye: 'eye',
	flame: 'flame',
	folder: 'folder',
	hammer_scroll: 'wrench',
	key: 'key',
	lock: 'lock',
	marathon: 'run-all',
	melting_clock: 'watch',
	moon: 'color-mode',
	needle: 'pinned',
	nodes: 'type-hierarchy',
	package_skull: 'package',
	palace: 'library',
	pencil: 'edit',
	pixel: 'symbol-color',
	plug: 'plug',
	prism: 'sparkle',
	puzzle: 'extensions',
	quote: 'quote',
	restart: 'debug-restart',
	rewind: 'discard',
	rocket: 'rocket',
	router: 'server-environment',
	scroll: 'output',
	ship: 'cloud-upload',
	spark_cursor: 'paintcan',
	spiral: 'sync',
	swap: 'arrow-swap',
	terminal: 'terminal',
	wand: 'wand',
	warning: 'warning',
	wave: 'pulse',
	wine: 'beaker',
};

const fallbackCodicon = 'star-empty';

/** The codicon (without `codicon-`) drawn for a catalog icon name. */
export function codiconFor(catalogIcon: string): string {
	return Object.hasOwn(codiconByCatalogIcon, catalogIcon) ? codiconByCatalogIcon[catalogIcon] : fallbackCodicon;
}

/** Every catalog icon name the table knows (for the test that keeps it complete). */
export const mappedCatalogIcons: readonly string[] = Object.keys(codiconByCatalogIcon);
