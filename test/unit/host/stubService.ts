import { Emitter } from '../../../src/core/events.ts';
import type { Snapshot } from '../../../src/core/model.ts';
import type { AchievementsService, ScanStatus, ServiceChange, UnlockNotice } from '../../../src/core/service.ts';
import { snapshot, status } from './snapshotBuilders.ts';

/**
 * A service that scans nothing: it serves the snapshot and status a test gives it and fires the
 * events the test fires, for host modules that only listen to a service.
 */
export class StubService implements AchievementsService {
	readonly changes = new Emitter<ServiceChange>();
	readonly unlocks = new Emitter<readonly UnlockNotice[]>();
	readonly onDidChange = this.changes.event;
	readonly onDidUnlock = this.unlocks.event;
	disposed = false;
	protected shown: Snapshot | undefined;
	private readonly statusValue: ScanStatus;

	constructor(shown: Snapshot | undefined = undefined, statusValue: ScanStatus = status()) {
		this.shown = shown;
		this.statusValue = statusValue;
	}

	current(): Snapshot | undefined {
		return this.shown;
	}

	status(): ScanStatus {
		return this.statusValue;
	}

	request(): Promise<Snapshot> {
		return Promise.resolve(this.shown ?? snapshot());
	}

	refresh(): Promise<Snapshot> {
		return this.request();
	}

	rescan(): Promise<Snapshot> {
		return this.request();
	}

	claimAnnouncements(notices: readonly UnlockNotice[]): Promise<readonly UnlockNotice[]> {
		return Promise.resolve(notices);
	}

	flush(): Promise<void> {
		return Promise.resolve();
	}

	resetHistory(): Promise<string> {
		return Promise.resolve('backup.json');
	}

	dispose(): void {
		this.disposed = true;
		this.changes.dispose();
		this.unlocks.dispose();
	}
}
