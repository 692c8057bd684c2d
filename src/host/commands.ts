import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { snapshotToJson, snapshotToMarkdown } from '../core/exportSnapshot.ts';
import type { Snapshot } from '../core/model.ts';
import type { AchievementsPanels } from './achievementsPanel.ts';
import type { AchievementsViewProvider } from './achievementsView.ts';
import { commandIds } from './commandIds.ts';
import type { CommandId } from './commandIds.ts';
import { configSection } from './config.ts';
import { progressStep } from './rescanProgress.ts';
import { exportShareCard } from './shareCardExport.ts';
import type { ScanStatusDocument } from './scanStatusDocument.ts';
import type { ServiceSlot } from './serviceSlot.ts';
import { errorMessage } from '../shared/errorMessage.ts';

export interface CommandDeps {
	readonly slot: ServiceSlot;
	readonly view: AchievementsViewProvider;
	readonly panels: AchievementsPanels;
	readonly statusDocument: ScanStatusDocument;
}

type Handler = (...args: unknown[]) => unknown;

/**
 * Registers every command. Handlers return their result (the snapshot, the written file, …) so tests
 * can run them through `executeCommand`; `export` and `chooseHome` also take their answers as
 * arguments, which skips the dialogs.
 */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
	const { slot, view, panels, statusDocument } = deps;
	const handlers: Record<CommandId, Handler> = {
		[commandIds.rescan]: () => rescanWithProgress(slot),
		[commandIds.open]: () => view.focus(),
		[commandIds.openInEditor]: () => panels.show(),
		[commandIds.showScanStatus]: () => statusDocument.show(),
		[commandIds.export]: (format, target) => exportAchievements(slot, format, target),
		[commandIds.resetHistory]: () => resetHistory(slot),
		[commandIds.chooseHome]: (folder) => chooseHome(slot, folder),
		[commandIds.showTimeline]: () => panels.showJourney(),
		[commandIds.exportCard]: (target) => exportShareCard(slot, panels, target),
	};
	return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, reportingFailures(handler)));
}

/** A failing command says what went wrong in our words instead of VS Code's generic "command failed". */
function reportingFailures(handler: Handler): Handler {
	return async (...args) => {
		try {
			return await handler(...args);
		} catch (error) {
			void vscode.window.showErrorMessage(`Hermes Achievements: ${errorMessage(error)}`);
			return undefined;
		}
	};
}

async function rescanWithProgress(slot: ServiceSlot): Promise<Snapshot> {
	const { service } = slot;
	const snapshot = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: 'Rescanning Hermes achievements' },
		async (progress) => {
			let reportedPct = 0;
			const listener = service.onDidChange(({ status }) => {
				const step = progressStep(status.scanning, reportedPct);
				if (step !== undefined) {
					progress.report({ message: step.message, increment: step.increment });
					reportedPct = step.pct;
				}
			});
			try {
				return await service.rescan();
			} finally {
				listener.dispose();
			}
		},
	);
	if (snapshot.error !== null) {
		const showStatus = 'Show Scan Status';
		void vscode.window.showErrorMessage(`Rescan failed: ${snapshot.error}`, showStatus).then((choice) =>
			choice === showStatus ? vscode.commands.executeCommand(commandIds.showScanStatus) : undefined,
		);
	} else {
		vscode.window.setStatusBarMessage(`$(hermes-trophy) Rescan done: ${snapshot.unlocked_count} of ${snapshot.total_count} unlocked`, 5000);
	}
	return snapshot;
}

type ExportFormat = 'markdown' | 'json';

const exportFormats: Readonly<Record<ExportFormat, { readonly label: string; readonly extension: string; readonly filter: string }>> = {
	markdown: { label: 'Markdown', extension: 'md', filter: 'Markdown' },
	json: { label: 'JSON', extension: 'json', filter: 'JSON' },
};

function isExportFormat(value: unknown): value is ExportFormat {
	return value === 'markdown' || value === 'json';
}

async function exportAchievements(slot: ServiceSlot, formatArg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> {
	const format = isExportFormat(formatArg) ? formatArg : await pickExportFormat();
	if (format === undefined) {
		return undefined;
	}
	const snapshot = slot.service.current() ?? (await slot.service.request());
	if (snapshot.achievements.length === 0) {
		void vscode.window.showWarningMessage(`Nothing to export yet${snapshot.error === null ? '.' : `: ${snapshot.error}`}`);
		return undefined;
	}
	const { extension, filter } = exportFormats[format];
	const target = targetArg instanceof vscode.Uri
		? targetArg
		: await vscode.window.showSaveDialog({
			title: 'Export Achievements',
			saveLabel: 'Export',
			defaultUri: vscode.Uri.joinPath(defaultExportFolder(), `hermes-achievements.${extension}`),
			filters: { [filter]: [extension] },
		});
	if (target === undefined) {
		return undefined;
	}
	const text = format === 'json' ? snapshotToJson(snapshot) : snapshotToMarkdown(snapshot);
	await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
	const open = 'Open File';
	void vscode.window.showInformationMessage(`Achievements exported to ${target.fsPath}`, open).then((choice) =>
		choice === open ? vscode.window.showTextDocument(target) : undefined,
	);
	return target;
}

async function pickExportFormat(): Promise<ExportFormat | undefined> {
	const items = (Object.keys(exportFormats) as ExportFormat[]).map((format) => ({ label: exportFormats[format].label, format }));
	const picked = await vscode.window.showQuickPick(items, { title: 'Export Achievements', placeHolder: 'Choose a file format' });
	return picked?.format;
}

/** The user's folder: an export is a personal file, not part of whatever repository is open. */
function defaultExportFolder(): vscode.Uri {
	return vscode.Uri.file(homedir());
}

async function resetHistory(slot: ServiceSlot): Promise<string | undefined> {
	const confirm = 'Reset History';
	const choice = await vscode.window.showWarningMessage(
		'Reset achievement history?',
		{
			modal: true,
			detail: 'This forgets when each achievement was first unlocked and the sessions that earned them. ' +
				'Achievements are then rebuilt from your sessions, dated today. The current history is kept in a backup file.',
		},
		confirm,
	);
	if (choice !== confirm) {
		return undefined;
	}
	const backup = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: 'Resetting achievement history' },
		() => slot.service.resetHistory(),
	);
	const open = 'Open Backup';
	void vscode.window.showInformationMessage(`Achievement history reset. The previous history is saved in ${backup}`, open).then((picked) =>
		picked === open ? vscode.window.showTextDocument(vscode.Uri.file(backup)) : undefined,
	);
	return backup;
}

async function chooseHome(slot: ServiceSlot, folderArg?: unknown): Promise<string | undefined> {
	const folder = folderArg instanceof vscode.Uri ? folderArg : await pickFolder(slot.home);
	if (folder === undefined) {
		return undefined;
	}
	// The setting is machine-scoped (a repository must not point it elsewhere), so the user settings are the place.
	await vscode.workspace.getConfiguration(configSection).update('hermesHome', folder.fsPath, vscode.ConfigurationTarget.Global);
	return folder.fsPath;
}

async function pickFolder(currentHome: string): Promise<vscode.Uri | undefined> {
	const picked = await vscode.window.showOpenDialog({
		title: 'Choose Hermes Home',
		openLabel: 'Use as Hermes Home',
		canSelectFolders: true,
		canSelectFiles: false,
		canSelectMany: false,
		defaultUri: vscode.Uri.file(currentHome),
	});
	return picked?.[0];
}
