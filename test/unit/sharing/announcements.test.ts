import assert from 'node:assert/strict';
import { resolve, join } from 'node:path';
import { createAchievementsService } from '../../../src/core/coordinator.ts';
import type { Snapshot } from '../../../src/core/model.ts';
import type { AchievementsService, UnlockNotice } from '../../../src/core/service.ts';
import { HistoryEditor } from '../../support/historyEdits.ts';
import type { NewMessage } from '../../support/historyEdits.ts';
import { removeDir, unpackParityHome } from '../../support/fixtures.ts';
import { waitFor } from '../../support/waitFor.ts';

const workerScript = join(resolve(import.meta.dirname, '..', '..', '..'), 'src', 'core', 'scan', 'scanWorker.ts');

/** Adds one session that unlocks, or raises the tier of, the cheapest tool-call or message achievement. */
function addUnlockingSession(home: string, before: Snapshot): string {
	const cost = (a: Snapshot['achievements'][number]): { messages: number; calls: number } | undefined => {
		if (a.next_threshold === null || a.kind === 'multi_condition') return undefined;
		if (a.metric === 'max_messages_in_session') return { messages: a.next_threshold, calls: 0 };
		if (a.metric === 'max_tool_calls_in_session') return { messages: 1, calls: a.next_threshold };
		if (a.metric === 'total_tool_calls') return { messages: 1, calls: a.next_threshold - a.progress };
		return undefined;
	};
	const [target] = before.achievements
		.flatMap((a) => {
			const needed = cost(a);
			return needed ? [{ a, ...needed }] : [];
		})
		.sort((x, y) => x.messages + x.calls - (y.messages + y.calls));
	assert.ok(target, 'the fixture has a message or tool-call achievement to reach');
	const messages: NewMessage[] = Array.from({ length: Math.max(0, target.messages - 1) }, () => ({ role: 'user', content: 'hello again' }));
	const calls = Array.from({ length: target.calls }, (_, i) => ({ id: `c${i}`, type: 'function', function: { name: 'noop_probe', arguments: '{}' } }));
	messages.push({ role: 'assistant', content: '', toolCalls: JSON.stringify(calls) });
	new HistoryEditor(home).addSession({ id: 'unlocking_session', startedAt: 1_757_100_000, model: null, title: 'Unlocking session' }, messages);
	return target.a.id;
}

describe('each unlock announced once per machine', function () {
	this.timeout(60_000);
	let home: string;
	const services: AchievementsService[] = [];
	const service = (): AchievementsService => {
		const made = createAchievementsService({ home, ttlMs: 3_600_000, workerScript, unfocusedClaimDelayMs: 1_000 });
		services.push(made);
		return made;
	};
	beforeEach(() => {
		home = unpackParityHome('seed11-s30-v11-quiet');
	});
	afterEach(() => {
		services.splice(0).forEach((s) => s.dispose());
		removeDir(home);
	});

	for (const focusedWindow of [true, false]) {
		it(focusedWindow
			? 'the focused window shows it, though another (unfocused) window ran the scan that found it'
			: 'with no window focused, the window that ran the scan shows it, after a short wait', async () => {
			const scanner = service();
			const watcher = service();
			const before = await scanner.refresh();
			await waitFor('the watcher to hold the first snapshot', () => (watcher.current()?.scan_id === before.scan_id ? true : undefined));
			const shown: { window: string; notices: readonly UnlockNotice[] }[] = [];
			const decisions: Promise<unknown>[] = [];
			const announce = (window: string, svc: AchievementsService, focused: boolean) =>
				svc.onDidUnlock((notices) => decisions.push(svc.claimAnnouncements(notices, () => focused).then((won) => won.length > 0 && shown.push({ window, notices: won }))));
			announce('scanner', scanner, false);
			announce('watcher', watcher, focusedWindow);

			const unlockedId = addUnlockingSession(home, before);
			const after = await scanner.refresh();
			assert.equal(after.achievements.find((a) => a.id === unlockedId)?.unlocked, true);
			await waitFor('the watcher to pick up the new snapshot', () => (watcher.current()?.scan_id === after.scan_id ? true : undefined));
			await waitFor('both windows to hear of the unlock', () => (decisions.length === 2 ? true : undefined));
			await Promise.all(decisions);
			assert.equal(shown.length, 1, JSON.stringify(shown));
			assert.equal(shown[0]!.window, focusedWindow ? 'watcher' : 'scanner');
			assert.ok(shown[0]!.notices.some((n) => n.id === unlockedId));
		});
	}
});
