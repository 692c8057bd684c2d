import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentJsonPrefix, type GeneratedMessage } from './conversation.ts';
import { pythonJson } from './pythonJson.ts';

/** A session that an old Hermes kept only as a file under `sessions/`. */
export interface LegacySession {
	readonly id: string;
	readonly model: string | null;
	readonly source: string;
	readonly baseUrl: string;
	readonly startedAt: number;
	readonly systemPrompt: string;
	readonly messages: readonly GeneratedMessage[];
}

// Old writers used naive local ISO times; UTC without a zone keeps the files machine-independent.
function naiveIso(unixSeconds: number): string {
	return new Date(unixSeconds * 1000).toISOString().replace('Z', '').replace(/\.(\d{3})$/, '.$1000');
}

function decodedContent(content: string | null): unknown {
	if (content !== null && content.startsWith(contentJsonPrefix)) {
		return JSON.parse(content.slice(contentJsonPrefix.length)) as unknown;
	}
	return content;
}

function decodedCalls(toolCalls: string | null): unknown[] | null {
	if (toolCalls === null) {
		return null;
	}
	try {
		const parsed: unknown = JSON.parse(toolCalls);
		return Array.isArray(parsed) ? parsed : null;
	} catch {
		return null;
	}
}

function logEntry(message: GeneratedMessage): Record<string, unknown> {
	const entry: Record<string, unknown> = { role: message.role, content: decodedContent(message.content) };
	const calls = decodedCalls(message.toolCalls);
	if (message.reasoning !== null) {
		entry['reasoning'] = message.reasoning;
	}
	if (message.finishReason !== null) {
		entry['finish_reason'] = message.finishReason;
	}
	if (calls !== null) {
		entry['tool_calls'] = calls;
	}
	if (message.role === 'tool') {
		entry['tool_call_id'] = message.toolCallId;
		entry['tool_name'] = message.toolName;
	}
	return entry;
}

function lastTimestamp(session: LegacySession): number {
	return session.messages.reduce((latest, message) => Math.max(latest, message.timestamp), session.startedAt);
}

/** `sessions/session_<id>.json`, the agent's whole-session snapshot. */
export function writeSnapshotFile(home: string, session: LegacySession): void {
	const folder = join(home, 'sessions');
	mkdirSync(folder, { recursive: true });
	const toolNames = [...new Set(session.messages.flatMap((message) => message.toolName === null || message.role !== 'tool' ? [] : [message.toolName]))].sort();
	const snapshot = {
		session_id: session.id,
		model: session.model,
		base_url: session.baseUrl,
		platform: session.source,
		session_start: naiveIso(session.startedAt),
		last_updated: naiveIso(lastTimestamp(session)),
		system_prompt: session.systemPrompt,
		tools: toolNames.map((name) => ({ type: 'function', function: { name, description: `The ${name} tool`, parameters: { type: 'object', properties: {} } } })),
		message_count: session.messages.length,
		messages: session.messages.map(logEntry),
	};
	writeFileSync(join(folder, `session_${session.id}.json`), JSON.stringify(snapshot, null, 2), 'utf8');
}

/** `sessions/<id>.jsonl`, the gateway's line-per-message transcript. */
export function writeTranscriptFile(home: string, session: LegacySession): void {
	const folder = join(home, 'sessions');
	mkdirSync(folder, { recursive: true });
	const lines = [pythonJson({ role: 'session_meta', tools: [], model: session.model, platform: session.source, timestamp: naiveIso(session.startedAt) })];
	for (const message of session.messages) {
		lines.push(pythonJson({ ...logEntry(message), timestamp: naiveIso(message.timestamp) }));
	}
	writeFileSync(join(folder, `${session.id}.jsonl`), `${lines.join('\n')}\n`, 'utf8');
}
