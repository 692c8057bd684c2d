import type { AchievementView, Evidence, HistoryActivity, ScanMeta, Snapshot, TierEarned } from '../model.ts';
import {
	InvalidShape, isFiniteNumber, isNullableNumber, isNullableString, isNumberArray, isNumberRecord, isRecord,
} from './shapeChecks.ts';
import { isTierName } from '../../shared/tiers.ts';

const states: readonly unknown[] = ['unlocked', 'discovered', 'secret'];
const kinds: readonly unknown[] = ['lifetime', 'best_session', 'multi_condition'];
const scanModes: readonly unknown[] = ['full', 'incremental', 'in_progress', 'pending', 'failed'];

/**
 * Checks every field a consumer reads, so a snapshot from disk can be rendered without guards.
 * Throws `InvalidShape` naming the first bad field.
 */
export function checkSnapshot(raw: Record<string, unknown>): Snapshot {
	const fail = (field: string): never => {
		throw new InvalidShape(`snapshot field ${field} is invalid`);
	};
	if (!Array.isArray(raw.achievements)) fail('achievements');
	(raw.achievements as unknown[]).forEach((item, i) => checkAchievement(item, `achievements[${i}]`, fail));
	for (const field of ['unlocked_count', 'discovered_count', 'secret_count', 'total_count', 'generated_at']) {
		if (!isFiniteNumber(raw[field])) fail(field);
	}
	if (!isNumberRecord(raw.aggregate)) fail('aggregate');
	if (typeof raw.is_stale !== 'boolean') fail('is_stale');
	if (typeof raw.scan_id !== 'string') fail('scan_id');
	if (!isNullableString(raw.error)) fail('error');
	if (!isScanMeta(raw.scan_meta)) fail('scan_meta');
	if (typeof raw.home !== 'string') fail('home');
	if (typeof raw.partial !== 'boolean') fail('partial');
	if (!isActivity(raw.activity)) fail('activity');
	return raw as unknown as Snapshot;
}

function checkAchievement(raw: unknown, at: string, fail: (field: string) => never): asserts raw is AchievementView {
	if (!isRecord(raw)) fail(at);
	const item = raw as Record<string, unknown>;
	const bad = (field: string): never => fail(`${at}.${field}`);
	for (const field of ['id', 'name', 'description', 'criteria', 'category', 'icon']) {
		if (typeof item[field] !== 'string') bad(field);
	}
	for (const field of ['unlocked', 'discovered', 'secret']) {
		if (typeof item[field] !== 'boolean') bad(field);
	}
	for (const field of ['progress', 'progress_pct', 'next_threshold']) {
		if (!isFiniteNumber(item[field])) bad(field);
	}
	if (!states.includes(item.state)) bad('state');
	if (!kinds.includes(item.kind)) bad('kind');
	for (const field of ['tier', 'next_tier', 'unlocked_tier']) {
		if (item[field] !== null && !isTierName(item[field])) bad(field);
	}
	if (!isNullableString(item.metric)) bad('metric');
	if (!isNullableString(item.metric_label)) bad('metric_label');
	if (!isNumberArray(item.tiers)) bad('tiers');
	if (item.requires !== null && !isNumberRecord(item.requires)) bad('requires');
	if (!isNullableNumber(item.unlocked_at)) bad('unlocked_at');
	if (item.evidence !== null && !isEvidence(item.evidence)) bad('evidence');
	if (!isNullableNumber(item.earned_at)) bad('earned_at');
	for (const field of ['earned_session_id', 'earned_session_title']) {
		if (!isNullableString(item[field])) bad(field);
	}
	if (!Array.isArray(item.tier_history) || !item.tier_history.every(isTierEarned)) bad('tier_history');
}

function isTierEarned(raw: unknown): raw is TierEarned {
	return isRecord(raw) && (raw.tier === null || isTierName(raw.tier)) && isNullableNumber(raw.earned_at)
		&& typeof raw.session_id === 'string' && typeof raw.session_title === 'string';
}

function isActivity(raw: unknown): raw is HistoryActivity {
	return isRecord(raw) && isNullableNumber(raw.first_session_at) && isNullableNumber(raw.last_session_at)
		&& isNumberRecord(raw.sessions_per_day);
}

export function isEvidence(raw: unknown): raw is Evidence {
	return isRecord(raw) && typeof raw.session_id === 'string' && typeof raw.title === 'string' && isFiniteNumber(raw.value);
}

function isScanMeta(raw: unknown): raw is ScanMeta {
	return isRecord(raw)
		&& scanModes.includes(raw.mode)
		&& ['sessions_total', 'sessions_rescanned', 'sessions_reused', 'duration_ms'].every((field) => isFiniteNumber(raw[field]))
		&& (raw.skipped === undefined || (Array.isArray(raw.skipped) && raw.skipped.every(isSkippedSession)));
}

function isSkippedSession(raw: unknown): boolean {
	return isRecord(raw) && ['session_id', 'title', 'reason'].every((field) => typeof raw[field] === 'string');
}
