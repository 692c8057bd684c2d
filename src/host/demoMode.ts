import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';

const demoStateKey = 'hermesAchievements.demo';
/** Enough sessions for a lively grid (several tiers, a few secrets) and generated in about half a second. */
const demoSessions = 90;
const demoSeed = 8;

/**
 * "Try with demo data": a generated Hermes history in the extension's global storage, never in the
 * user's Hermes home. Whether the demo is on survives a reload (global state), so the label stays
 * true; leaving it is one click and points everything back at the real home.
 */
export class DemoMode implements vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<boolean>();
	/** Fires with the new value when the demo is entered or left. */
	readonly onDidChange = this.changed.event;
	readonly home: string;
	private readonly state: vscode.Memento;
	private readonly workerScript: string;
	private isActive: boolean;

	constructor(context: vscode.ExtensionContext) {
		this.state = context.globalState;
		this.home = join(context.globalStorageUri.fsPath, 'demo-hermes-home');
		this.workerScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'demoWorker.js').fsPath;
		this.isActive = this.state.get<boolean>(demoStateKey, false) && existsSync(join(this.home, 'state.db'));
	}

	get active(): boolean {
		return this.isActive;
	}

	/** Generates the demo history once (in a worker thread), then switches to it. */
	async enter(): Promise<void> {
		if (!existsSync(join(this.home, 'state.db'))) {
			await vscode.window.withProgress(
				{ location: vscode.ProgressLocation.Notification, title: 'Generating a demo Hermes history' },
				() => generateInWorker(this.workerScript, this.home),
			);
		}
		await this.state.update(demoStateKey, true);
		this.isActive = true;
		this.changed.fire(true);
	}

	async leave(): Promise<void> {
		if (!this.isActive) {
			return;
		}
		await this.state.update(demoStateKey, false);
		this.isActive = false;
		this.changed.fire(false);
	}

	dispose(): void {
		this.changed.dispose();
	}
}

function generateInWorker(script: string, home: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(script, {
			// Dated up to now, so "unlocked 3 days ago" reads naturally.
			workerData: { home, sessions: demoSessions, seed: demoSeed, now: Math.floor(Date.now() / 1000) },
		});
		worker.once('message', (result: { ok: boolean; error?: string }) => {
			void worker.terminate();
			if (result.ok) {
				resolve();
			} else {
				reject(new Error(`Could not generate the demo history: ${result.error ?? 'unknown error'}`));
			}
		});
		worker.once('error', reject);
	});
}
