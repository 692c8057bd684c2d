import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanStatus } from '../service.ts';
import { readJsonFile, writeJsonAtomic } from '../store/jsonFile.ts';
import { pluginPaths } from '../store/pluginPaths.ts';

/** The last scan status, kept beside the snapshot so `hermes-achievements status` can show it. */
function statusPath(home: string): string {
	return join(pluginPaths(home).dir, 'scan_status.json');
}

export async function saveScanStatus(status: ScanStatus): Promise<void> {
	// Never create a Hermes home that does not exist just to note that it does not exist.
	if (existsSync(status.home)) {
		await writeJsonAtomic(statusPath(status.home), status);
	}
}

export async function loadScanStatus(home: string): Promise<ScanStatus | undefined> {
	const read = await readJsonFile(statusPath(home), (raw) => (isScanStatus(raw) ? raw : undefined));
	return read.kind === 'ok' ? read.value : undefined;
}

function isScanStatus(raw: unknown): raw is ScanStatus {
	if (typeof raw !== 'object' || raw === null) {
		return false;
	}
	const status = raw as Partial<ScanStatus>;
	return typeof status.state === 'string' && typeof status.home === 'string' && typeof status.counters === 'object' && status.counters !== null;
}
