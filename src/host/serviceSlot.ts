import { Emitter } from '../core/events.ts';
import type { Disposable, Event } from '../core/events.ts';
import type { AchievementsService, ServiceChange, UnlockNotice } from '../core/service.ts';

/** A service together with the Hermes home it reads. */
export interface ActiveService {
	readonly service: AchievementsService;
	readonly home: string;
}

/**
 * Holds the one current service. A settings change swaps in a new service for another home; the
 * view, status bar, watcher and notifier subscribe here once instead of re-subscribing to each
 * service, so nothing keeps listening to a disposed one.
 */
export class ServiceSlot implements Disposable {
	private active: ActiveService;
	private serviceListeners: Disposable[] = [];
	private readonly changed = new Emitter<ServiceChange>();
	private readonly unlocked = new Emitter<readonly UnlockNotice[]>();
	private readonly replaced = new Emitter<ActiveService>();

	/** The current service's changes; also fires right after a replacement with the new service's state. */
	readonly onDidChange: Event<ServiceChange> = this.changed.event;
	/** The current service's unlocks. */
	readonly onDidUnlock: Event<readonly UnlockNotice[]> = this.unlocked.event;
	/** A new service (and home) took over. */
	readonly onDidReplace: Event<ActiveService> = this.replaced.event;

	constructor(initial: ActiveService) {
		this.active = initial;
		this.listenTo(initial.service);
	}

	get service(): AchievementsService {
		return this.active.service;
	}

	get home(): string {
		return this.active.home;
	}

	/** Disposes the previous service and makes `next` current. */
	replace(next: ActiveService): void {
		const previous = this.active;
		this.stopListening();
		this.active = next;
		this.listenTo(next.service);
		previous.service.dispose();
		this.replaced.fire(next);
		this.changed.fire({ snapshot: next.service.current(), status: next.service.status() });
	}

	dispose(): void {
		this.stopListening();
		this.active.service.dispose();
		this.changed.dispose();
		this.unlocked.dispose();
		this.replaced.dispose();
	}

	private listenTo(service: AchievementsService): void {
		this.serviceListeners = [
			service.onDidChange((change) => this.changed.fire(change)),
			service.onDidUnlock((notices) => this.unlocked.fire(notices)),
		];
	}

	private stopListening(): void {
		for (const listener of this.serviceListeners) {
			listener.dispose();
		}
		this.serviceListeners = [];
	}
}
