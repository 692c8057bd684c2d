/**
 * One session's contribution (docs/engine.md §2), computed exactly as the reference engine's
 * `analyze_messages` does, in a single pass over the messages.
 */
import type { Contribution, HermesMessage, SessionInfo, StatName } from '../model.ts';
import { statNames } from '../model.ts';
import { sortedByCodePoint } from './codePointOrder.ts';
import { messageText } from './messageText.ts';
import { countMatches } from './pyRegex.ts';
import { PyFloat, dumpsPyString, isPyDict, pyDictGet, visitPyJsonStrings } from './pyJson.ts';
import type { TextRuleName } from './rules.ts';
import { fileRegex, hitRules, processNeedles, skillNeedles, skillOnLowerRegex, textRules, toolRules } from './rules.ts';
import type { ScanResult } from './ruleScan.ts';
import { compileScanPlan, runScanPlan } from './ruleScan.ts';
import { countConfigEvents, followedOnSameLine } from './splitMatchers.ts';

const textRuleNames = Object.keys(textRules) as TextRuleName[];
const scanPlan = compileScanPlan([
	...textRuleNames.map((name) => textRules[name]),
	...hitRules.map(([, pattern]) => ({ pattern, ignoreCase: true, mode: 'count' as const })),
]);

/** Every text rule of one session's joined text, in one scan. */
function scanSessionText(text: string, messageStarts: readonly number[]): {
	readonly value: (name: TextRuleName) => number;
	readonly spans: (name: TextRuleName) => readonly number[];
	readonly hits: readonly number[];
} {
	const result: ScanResult = runScanPlan(scanPlan, text, messageStarts);
	const indexOf = (name: TextRuleName): number => textRuleNames.indexOf(name);
	return {
		value: (name) => result.values[indexOf(name)] ?? 0,
		spans: (name) => result.spans[indexOf(name)] ?? [],
		hits: result.values.slice(textRuleNames.length),
	};
}

export function analyzeSession(session: SessionInfo, messages: Iterable<HermesMessage>): Contribution {
	const toolNames = new Set<string>();
	// tool_sequence as a multiset: only per-name counts matter to the rules.
	const callsByName = new Map<string, number>();
	const filesTouched = new Set<string>();
	const addDumpedFileMatches = (text: string): void => addDumpedStringFileMatches(text, filesTouched);
	const textParts: string[] = [];
	const messageStarts: number[] = [];
	let textLength = 0;
	let messageCount = 0;
	let toolCallCount = 0;
	let errorCount = 0;

	const countCall = (name: string): void => {
		toolNames.add(name);
		callsByName.set(name, (callsByName.get(name) ?? 0) + 1);
		toolCallCount++;
	};

	for (const message of messages) {
		messageCount++;
		const text = messageText(message.content);
		textParts.push(text);
		messageStarts.push(textLength);
		textLength += text.length + 1;
		const toolName = message.toolName;
		if (typeof toolName === 'string' && toolName !== '') {
			// A tool-result row repeats the name of a call already counted: distinct name only.
			if (message.role === 'tool') toolNames.add(toolName);
			else countCall(toolName);
		}
		const toolCalls: unknown = message.toolCalls;
		for (const call of iteratePy(toolCalls)) {
			const name = toolNameOfCall(call);
			if (name !== null) countCall(name);
		}
		// The reference scans `text + " " + json.dumps(tool_calls)`; no FILE match can contain the
		// space, so scanning the two parts apart finds the same paths without building the blob.
		if (mayHoldFilePath(text)) addFileMatches(text, filesTouched);
		if (isPyTruthy(toolCalls)) visitPyJsonStrings(toolCalls, addDumpedFileMatches);
	}

	const fullText = textParts.join('\n');
	// The joined copy is all the scan needs: a huge session must not hold its text twice meanwhile.
	textParts.length = 0;
	const scan = scanSessionText(fullText, messageStarts);
	errorCount = scan.value('error');
	const stats = Object.fromEntries(statNames.map((name) => [name, 0])) as Record<StatName, number>;
	stats.message_count = messageCount;
	stats.tool_call_count = toolCallCount;
	stats.distinct_tool_count = toolNames.size;
	stats.error_count = errorCount;
	stats.files_touched_count = filesTouched.size;

	for (const [name, count] of callsByName) {
		const lower = name.toLowerCase();
		for (const [stat, needles] of toolRules) {
			if (containsAny(lower, needles)) stats[stat] += count;
		}
		if (containsAny(lower, processNeedles)) stats.process_calls += count;
		if (containsAny(lower, skillNeedles)) stats.skill_events += count;
	}
	stats.web_browser_calls = stats.web_calls + stats.browser_calls;
	stats.process_calls += scan.value('background');
	stats.skill_events += fullText.includes('\u0130')
		? countMatches(skillOnLowerRegex.exact, fullText.toLowerCase())
		: scan.value('skill');

	const anyError = errorCount > 0;
	const portConflict = scan.value('eaddrinuse') > 0
		|| followedOnSameLine(scan.spans('portNumber'), scan.spans('portConflictWord'), fullText);
	stats.port_conflict_events = portConflict ? 1 : 0;
	const anyInstall = followedOnSameLine(scan.spans('packageManager'), scan.spans('installWord'), fullText);
	stats.install_error_events = anyInstall && anyError ? 1 : 0;
	stats.install_success_events = anyInstall && scan.value('success') > 0 ? 1 : 0;
	stats.restart_after_error_events = anyError && scan.value('restart') > 0 ? 1 : 0;
	stats.tiny_patch_after_errors_events = errorCount >= 5 && scan.value('tinyFix') > 0 ? 1 : 0;
	stats.yaml_error_events = anyError ? scan.value('yaml') : 0;
	stats.config_events = countConfigEvents(scan.spans('configOthers'), scan.spans('configExt'), fullText);
	hitRules.forEach(([stat], index) => {
		stats[stat] = scan.hits[index] ?? 0;
	});

	const model = session.model;
	return {
		session_id: session.id,
		title: session.title,
		source: session.source,
		started_at: session.startedAt,
		last_active: session.lastActive,
		tool_names: sortedByCodePoint(toolNames),
		model_names: typeof model === 'string' && model !== '' ? [model] : [],
		port_conflict: portConflict,
		stats,
	};
}

/**
 * The FILE matches of `json.dumps` of a string, added to `filesTouched`. No FILE match contains
 * `"`, `\\` or the characters between the strings of a dump, so each lies within one string. It
 * needs a `/` or `~`, which escaping neither adds nor removes. On ASCII text, escaping only puts
 * `\\` before `"`, `\\` or a control character (none of them in a match) and ASCII after it that
 * cannot start one, so it changes no match; a non-ASCII letter becomes `\\uXXXX`, which does.
 */
function addDumpedStringFileMatches(text: string, into: Set<string>): void {
	if (mayHoldFilePath(text)) addFileMatches(nonAscii.test(text) ? dumpsPyString(text) : text, into);
}

/** Every FILE match starts with `/home/`, `~`, `./` or `/mnt/`: two quick searches rule most texts out. */
function mayHoldFilePath(text: string): boolean {
	return text.includes('/') || text.includes('~');
}

const nonAscii = /[^\x00-\x7f]/;

function addFileMatches(text: string, into: Set<string>): void {
	const regex = fileRegex.exact;
	regex.lastIndex = 0;
	for (let match = regex.exec(text); match !== null; match = regex.exec(text)) into.add(match[0]);
}

/** `call.get("name") or (call.get("function") or {}).get("name")`, when it is a usable name. */
function toolNameOfCall(call: unknown): string | null {
	if (!isPyDict(call)) return null;
	const direct = pyDictGet(call, 'name');
	if (isPyTruthy(direct)) return typeof direct === 'string' ? direct : null;
	const fn = pyDictGet(call, 'function');
	if (!isPyDict(fn)) return null;
	const nested = pyDictGet(fn, 'name');
	// The reference would crash on a non-string name (`.lower()`); such a call is left out.
	return typeof nested === 'string' && nested !== '' ? nested : null;
}

/** Python's `for x in value or []`: a list's items, a dict's keys, a string's characters. */
function* iteratePy(value: unknown): Iterable<unknown> {
	if (Array.isArray(value)) yield* value;
	else if (value instanceof Map) yield* value.keys();
	else if (typeof value === 'string') yield* value;
	else if (isPyDict(value)) yield* Object.keys(value);
}

/** Python truthiness of a decoded JSON value. */
function isPyTruthy(value: unknown): boolean {
	if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
	if (typeof value === 'bigint') return value !== 0n;
	if (Array.isArray(value)) return value.length > 0;
	if (value instanceof Map) return value.size > 0;
	if (value instanceof PyFloat) return value.value !== 0;
	if (isPyDict(value)) return Object.keys(value).length > 0;
	return true;
}

function containsAny(text: string, needles: readonly string[]): boolean {
	for (const needle of needles) if (text.includes(needle)) return true;
	return false;
}
