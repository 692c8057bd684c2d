import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { CellValue } from './sessionRow.ts';

/** The columns a table really has, so writes follow whatever schema the store is at. */
export function tableColumns(db: DatabaseSync, table: string): Set<string> {
	const rows = db.prepare(`PRAGMA table_info(${table})`).all();
	return new Set(rows.map((row) => String(row['name'])));
}

/**
 * Inserts rows given as column → value, keeping only the columns the table has (an `id` primary
 * key is left to SQLite when the row has none). One prepared statement per column set.
 */
export class RowInserter {
	private readonly db: DatabaseSync;
	private readonly table: string;
	private readonly columns: Set<string>;
	private readonly statements = new Map<string, { statement: StatementSync; names: readonly string[] }>();

	constructor(db: DatabaseSync, table: string) {
		this.db = db;
		this.table = table;
		this.columns = tableColumns(db, table);
	}

	has(column: string): boolean {
		return this.columns.has(column);
	}

	insert(row: Readonly<Record<string, CellValue>>): void {
		const names = Object.keys(row).filter((name) => this.columns.has(name));
		const key = names.join(',');
		let prepared = this.statements.get(key);
		if (prepared === undefined) {
			const sql = `INSERT INTO ${this.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
			prepared = { statement: this.db.prepare(sql), names };
			this.statements.set(key, prepared);
		}
		prepared.statement.run(...prepared.names.map((name) => row[name] ?? null));
	}
}
