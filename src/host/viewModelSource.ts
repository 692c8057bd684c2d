import type { Disposable } from '../core/events.ts';
import type { ViewModel } from '../shared/protocol.ts';
import { LastReadTracker } from './lastRead.ts';
import type { ServiceSlot } from './serviceSlot.ts';
import { toViewModel } from './viewModel.ts';

/**
 * The one place the view model of this moment comes from, for both webviews. It watches every
 * service change (not only the ones a visible webview asks about), so the status line can report
 * the last scan that read something even when that scan ran while the view was hidden.
 */
export class ViewModelSource implements Disposable {
	private readonly lastRead = new LastReadTracker();
	private readonly subscriptions: Disposable[];
	private readonly slot: ServiceSlot;
	private readonly isDemo: () => boolean;

	constructor(slot: ServiceSlot, isDemo: () => boolean) {
		this.slot = slot;
		this.isDemo = isDemo;
		this.lastRead.observe(slot.service.current());
		this.subscriptions = [
			slot.onDidReplace(() => this.lastRead.reset()),
			slot.onDidChange(({ snapshot }) => this.lastRead.observe(snapshot)),
		];
	}

	current(): ViewModel {
		const { service } = this.slot;
		const snapshot = service.current();
		return toViewModel(snapshot, service.status(), { lastRead: this.lastRead.observe(snapshot), demo: this.isDemo(), now: Date.now() });
	}

	dispose(): void {
		for (const subscription of this.subscriptions.splice(0)) {
			subscription.dispose();
		}
	}
}
