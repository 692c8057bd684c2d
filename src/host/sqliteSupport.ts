export const sqliteMissingMessage =
	"Hermes Achievements needs VS Code 1.104 or newer: this VS Code's extension host has no built-in SQLite (node:sqlite)";

type BuiltinLoader = ((id: string) => unknown) | undefined;

/**
 * Whether this Node runtime ships `node:sqlite`. `process.getBuiltinModule` itself is missing on runtimes
 * older than any that has SQLite, and on runtimes where SQLite sits behind a flag it returns nothing or throws.
 */
export function hasBuiltinSqlite(): boolean {
	return canLoadSqlite(process.getBuiltinModule?.bind(process));
}

export function canLoadSqlite(loadBuiltin: BuiltinLoader): boolean {
	if (loadBuiltin === undefined) {
		return false;
	}
	try {
		const sqlite = loadBuiltin('node:sqlite') as { DatabaseSync?: unknown } | undefined;
		return typeof sqlite?.DatabaseSync === 'function';
	} catch {
		return false;
	}
}
