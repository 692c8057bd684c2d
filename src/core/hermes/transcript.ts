import { dumpsPyJson, isPyDict, pyDictGet } from '../analysis/pyJson.ts';
import type { HermesMessage, SessionInfo } from '../model.ts';

/** Longest text shown per message; the editor stays responsive with megabyte tool outputs. */
const maxMessageChars = 20_000;

/** Markdown for the read-only transcript editor. History strings are shown, never interpreted. */
export function renderTranscript(session: SessionInfo, messages: Iterable<HermesMessage>): string {
	const lines = [`# ${oneLine(session.title)}`, ''];
	lines.push(`- Session: \`${oneLine(session.id)}\``);
	lines.push(`- Model: ${session.model === null ? 'unknown' : oneLine(session.model)}`);
	lines.push(`- Started: ${session.startedAt === null ? 'unknown' : new Date(session.startedAt * 1000).toISOString()}`);
	if (session.source !== null) {
		lines.push(`- Source: ${oneLine(session.source)}`);
	}
	lines.push('');
	for (const message of messages) {
		if (message.role === 'session_meta') {
			continue;
		}
		lines.push(`## ${heading(message)}`, '');
		const text = clip(contentText(message.content));
		if (text !== '') {
			lines.push(message.role === 'tool' ? fenced(text) : quoteHeadings(text), '');
		}
		const toolNames = message.toolCalls.map(toolCallName);
		if (toolNames.length > 0) {
			lines.push(...toolNames.map((name) => `- Tool call: \`${oneLine(name)}\``), '');
		}
	}
	return lines.join('\n');
}

function heading(message: HermesMessage): string {
	const role = message.role ?? 'unknown';
	const label = role.charAt(0).toUpperCase() + role.slice(1);
	return message.role === 'tool' && message.toolName !== null ? `${oneLine(label)} (${oneLine(message.toolName)})` : oneLine(label);
}

function contentText(content: unknown): string {
	if (content === null || content === undefined) {
		return '';
	}
	if (typeof content === 'string') {
		return content;
	}
	if (Array.isArray(content)) {
		return content.map(partText).filter((part) => part !== '').join('\n\n');
	}
	return safeJson(content);
}

function partText(part: unknown): string {
	if (typeof part === 'string') {
		return part;
	}
	if (isPyDict(part)) {
		const text = pyDictGet(part, 'text');
		const type = pyDictGet(part, 'type');
		if (typeof text === 'string') {
			return text;
		}
		if (typeof type === 'string') {
			return `[${type}]`;
		}
	}
	return safeJson(part);
}

function toolCallName(call: unknown): string {
	const fn = isPyDict(call) ? pyDictGet(call, 'function') : undefined;
	const name = isPyDict(fn) ? pyDictGet(fn, 'name') : undefined;
	if (typeof name === 'string') {
		return name;
	}
	return 'unknown';
}

function clip(text: string): string {
	return text.length > maxMessageChars ? `${text.slice(0, maxMessageChars)}\n… (${text.length - maxMessageChars} more characters)` : text;
}

/** Text that would otherwise turn into headings of this document is escaped. */
function quoteHeadings(text: string): string {
	return text.replace(/^(\s{0,3})(#|={3,}|-{3,})/gm, '$1\\$2');
}

function fenced(text: string): string {
	const longestRun = Math.max(2, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
	const fence = '`'.repeat(longestRun + 1);
	return `${fence}text\n${text}\n${fence}`;
}

function oneLine(text: string): string {
	return text.replace(/[\r\n]+/g, ' ');
}

function safeJson(value: unknown): string {
	try {
		return dumpsPyJson(value);
	} catch {
		return String(value);
	}
}
