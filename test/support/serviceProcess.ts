// A stand-in for one VS Code window: runs the achievements service exactly as the extension host
// does (same coordinator, bundled worker, debounced refresh on history changes, one refresh at
// start, announcements claimed once per machine) and reports what it sees as JSON lines on stdout.
//
//   node test/support/serviceProcess.ts <home> <focused|unfocused> [ttlMs]
//
// stdin commands, one per line: "rescan" (the Rescan command), "final" (one last refresh, then
// print the snapshot and counters and exit), "stop" (shut down and exit).
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createAchievementsService } from '../../src/core/coordinator.ts';
import type { Snapshot } from '../../src/core/model.ts';
import { watchHistory } from './historyWatcher.ts';

/** One line of this process's report. */
export type ServiceReport =
	| { readonly ready: number }
	| { readonly snapshot: SeenSnapshot }
	| { readonly announce: string }
	/** This process's worker started reading the history (Unix ms), by its progress reports. */
	| { readonly reading: number }
	/** ... and that scan ended. */
	| { readonly read_done: number }
	| { readonly final: FinalReport };

export interface SeenSnapshot {
	readonly scan_id: string;
	readonly mode: string;
	readonly joined: boolean;
	readonly at: number;
	/** Achievement id → unlocked_at, for every achievement this snapshot shows unlocked. */
	readonly unlocks: Readonly<Record<string, number>>;
}

export interface FinalReport {
	readonly achievements: readonly { id: string; tier: string | null; progress: number; unlocked: boolean }[];
	readonly aggregate: unknown;
	readonly unlocks: Readonly<Record<string, number>>;
	readonly counters: { readonly scans_run: number; readonly scans_joined: number };
}

const repo = join(import.meta.dirname, '..', '..');
const [home = '', focus = 'unfocused', ttl = '120000'] = process.argv.slice(2);
const focused = focus === 'focused';
const service = createAchievementsService({ home, ttlMs: Number(ttl), workerScript: join(repo, 'dist', 'scanWorker.js') });

function report(line: ServiceReport): void {
	process.stdout.write(`${JSON.stringify(line)}\n`);
}

function unlockDates(snapshot: Snapshot): Record<string, number> {
	return Object.fromEntries(snapshot.achievements.flatMap((a) => (a.unlocked && a.unlocked_at !== null ? [[a.id, a.unlocked_at]] : [])));
}

let lastScanId: string | undefined;
/** The scan (by its start time) whose worker is reading here: only the lock holder's worker reads. */
let readingScan: number | undefined;
service.onDidChange(({ status }) => {
	const scan = status.scanning;
	if (readingScan !== undefined && scan?.started_at !== readingScan) {
		readingScan = undefined;
		report({ read_done: Date.now() });
	}
	if (readingScan === undefined && scan && scan.sessions_total > 0) {
		readingScan = scan.started_at;
		report({ reading: Date.now() });
	}
});
service.onDidChange(({ snapshot }) => {
	if (!snapshot || snapshot.partial || snapshot.scan_meta.mode === 'failed' || snapshot.scan_id === lastScanId) {
		return;
	}
	lastScanId = snapshot.scan_id;
	report({ snapshot: { scan_id: snapshot.scan_id, mode: snapshot.scan_meta.mode, joined: snapshot.scan_meta.joined === true, at: Date.now(), unlocks: unlockDates(snapshot) } });
});

/** Claims still deciding (an unfocused window waits a moment first): "final" lets them finish. */
const claims = new Set<Promise<void>>();
service.onDidUnlock((notices) => {
	const claim = service.claimAnnouncements(notices, () => focused).then((mine) => {
		for (const notice of mine) {
			report({ announce: `${notice.id}@${notice.tier ?? 'unlocked'}` });
		}
	});
	claims.add(claim);
	void claim.finally(() => claims.delete(claim));
});

const watcher = watchHistory(home, () => void service.refresh().catch(() => undefined));
void service.refresh().catch(() => undefined);
report({ ready: process.pid });

async function final(): Promise<void> {
	watcher.dispose();
	const snapshot = await service.refresh();
	await service.flush();
	await Promise.all(claims);
	const { counters } = service.status();
	report({
		final: {
			achievements: snapshot.achievements.map((a) => ({ id: a.id, tier: a.tier, progress: a.progress, unlocked: a.unlocked })),
			aggregate: snapshot.aggregate,
			unlocks: unlockDates(snapshot),
			counters: { scans_run: counters.scans_run, scans_joined: counters.scans_joined },
		},
	});
	await stop();
}

async function stop(): Promise<void> {
	watcher.dispose();
	await service.flush().catch(() => undefined);
	service.dispose();
	process.exit(0);
}

const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
	switch (line.trim()) {
		case 'rescan':
			void service.rescan().catch(() => undefined);
			break;
		case 'final':
			void final();
			break;
		case 'stop':
			void stop();
			break;
	}
});
// The test that started this process is gone: do not outlive it.
commands.on('close', () => void stop());
