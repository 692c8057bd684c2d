import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { generateHistory } from '../../src/core/demo/historyGenerator.ts';

/**
 * A history that grows as Hermes writes it: the generator writes the whole history once into a
 * source home; the test's home starts as a copy holding only its oldest sessions, and a writer
 * (historyWriter.ts) replays the rest, one whole session per write. Realistic sessions cross
 * achievement tiers as they arrive, and every run of a seed writes the same rows.
 */
export interface GrowingHistory {
	/** The full history to replay from. */
	readonly sourceDb: string;
	/** Session ids the writer has yet to add, oldest first. */
	readonly pending: readonly string[];
}

export function prepareGrowingHistory(options: { sourceHome: string; home: string; sessions: number; keep: number; seed: number; maxMessages?: number }): GrowingHistory {
	generateHistory({ home: options.sourceHome, sessions: options.sessions, seed: options.seed, minMessages: 20, maxMessages: options.maxMessages ?? 120 });
	const sourceDb = join(options.sourceHome, 'state.db');
	mkdirSync(options.home, { recursive: true });
	copyFileSync(sourceDb, join(options.home, 'state.db'));
	const db = new DatabaseSync(join(options.home, 'state.db'), { enableForeignKeyConstraints: false });
	try {
		const ids = db.prepare('SELECT id FROM sessions ORDER BY started_at, id').all().map((row) => String(row.id));
		const pending = ids.slice(options.keep);
		db.exec('BEGIN');
		const dropMessages = db.prepare('DELETE FROM messages WHERE session_id = ?');
		const dropSession = db.prepare('DELETE FROM sessions WHERE id = ?');
		for (const id of pending) {
			dropMessages.run(id);
			dropSession.run(id);
		}
		db.exec('COMMIT');
		return { sourceDb, pending };
	} finally {
		db.close();
	}
}

/** Adds one session of the source history, with its messages, in one transaction as Hermes would. */
export function replaySession(home: string, sourceDb: string, sessionId: string): void {
	const db = new DatabaseSync(join(home, 'state.db'), { enableForeignKeyConstraints: false });
	try {
		db.exec('PRAGMA busy_timeout = 5000');
		db.prepare('ATTACH DATABASE ? AS source').run(sourceDb);
		db.exec('BEGIN IMMEDIATE');
		db.prepare('INSERT INTO main.sessions SELECT * FROM source.sessions WHERE id = ?').run(sessionId);
		db.prepare('INSERT INTO main.messages SELECT * FROM source.messages WHERE session_id = ? ORDER BY id').run(sessionId);
		db.exec('COMMIT');
		db.exec('DETACH DATABASE source');
	} finally {
		db.close();
	}
}
