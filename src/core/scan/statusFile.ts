import { existsSync } from 'node:fs';
import type { ScanStatus } from '../service.ts';
import { readJsonFile, writeJsonAtomic } from '../store/jsonFile.ts';
import { pluginPaths } from '../store/pluginPaths.ts';

/** The last scan status, kept beside the snapshot so `hermes-achievements status` can show it. */
export async function saveScanStatus(path: string, status: ScanStatus): Promise<void> {
	// Never create a Hermes home that does not exist just to note that it does not exist.
	if (existsSync(status.home)) {
		await writeJsonAtomic(path, status);
	}
}

export async function loadScanStatus(home: string): Promise<ScanStatus | undefined> {
	const read = await readJsonFile(pluginPaths(home).status, (raw) => (isScanStatus(raw) ? raw : undefined));
	return read.kind === 'ok' ? read.value : undefined;
}

function isScanStatus(raw: unknown): raw is ScanStatus {
	if (typeof raw !== 'object' || raw === null) {
		return false;
	}
	const status = raw as Partial<ScanStatus>;
	return typeof status.state === 'string' && typeof status.home === 'string' && typeof status.counters === 'object' && status.counters !== null;
}
