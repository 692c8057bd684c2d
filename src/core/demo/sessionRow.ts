import type { GeneratedMessage } from './conversation.ts';
import type { SeededRandom } from './random.ts';
import { billingByProvider, systemPromptParts } from './vocabulary.ts';

/** What a `sessions` row needs beyond its messages. */
export interface SessionFacts {
	readonly id: string;
	readonly source: string;
	readonly userId: string | null;
	readonly model: string | null;
	readonly title: string | null;
	readonly parentId: string | null;
	readonly startedAt: number;
	readonly endReason: string | null;
	readonly cwd: string;
	readonly inRepository: boolean;
	readonly archived: boolean;
	/** Extra keys for `model_config` (`_delegate_from`, `_branched_from`). */
	readonly configExtras: Readonly<Record<string, string>>;
}

export type CellValue = string | number | null;

const knownVendors = ['anthropic', 'openai', 'google', 'ollama', 'local', 'nous'];

function providerOf(model: string | null): string {
	const lower = (model ?? '').toLowerCase();
	const vendor = knownVendors.find((name) => lower.startsWith(`${name}/`));
	if (vendor !== undefined) {
		return vendor;
	}
	if (lower.includes('claude')) {
		return 'anthropic';
	}
	if (lower.includes('gpt') || lower.includes('codex')) {
		return 'openai';
	}
	return lower.includes('gemini') ? 'google' : 'openrouter';
}

const platformNotes: Readonly<Record<string, string>> = {
	cli: '## Platform\nThis is a terminal session. Keep markdown light.',
	telegram: '## Platform\nYou are chatting on Telegram. Short messages; markdown renders.',
	discord: '## Platform\nYou are on Discord. Short messages; mention people with <@id>.',
};

function systemPrompt(rng: SeededRandom, facts: SessionFacts): string {
	const parts = [systemPromptParts[0], systemPromptParts[1], systemPromptParts[2], platformNotes[facts.source] ?? platformNotes['cli'], systemPromptParts[3]];
	if (rng.chance(0.6)) {
		parts.push(systemPromptParts[4]);
	}
	parts.push(`Session started ${new Date(facts.startedAt * 1000).toUTCString()}. Model: ${facts.model ?? 'default'}. Provider: ${providerOf(facts.model)}.`);
	return parts.join('\n\n');
}

/** Every column either schema may have, by name; the writer keeps the ones its table has. */
export function sessionRow(rng: SeededRandom, facts: SessionFacts, messages: readonly GeneratedMessage[]): Record<string, CellValue> {
	let toolCalls = 0;
	let assistantTurns = 0;
	let activeCount = 0;
	let lastTimestamp = facts.startedAt;
	for (const message of messages) {
		toolCalls += message.toolCallCount;
		assistantTurns += message.role === 'assistant' ? 1 : 0;
		activeCount += message.active;
		lastTimestamp = Math.max(lastTimestamp, message.timestamp);
	}
	const provider = providerOf(facts.model);
	const [billingProvider, billingUrl] = billingByProvider[provider] ?? ['openrouter', 'https://openrouter.ai/api/v1'];
	const inputTokens = rng.int(2000, 30000) * (Math.floor(toolCalls / 3) + 1);
	const gateway = facts.source !== 'cli' && facts.source !== 'cron';
	return {
		id: facts.id,
		source: facts.source,
		user_id: facts.userId,
		model: facts.model,
		model_config: JSON.stringify({ max_iterations: 90, reasoning_config: { enabled: true, effort: rng.pick(['low', 'medium', 'high']) }, ...facts.configExtras }),
		system_prompt: systemPrompt(rng, facts),
		parent_session_id: facts.parentId,
		started_at: facts.startedAt,
		ended_at: facts.endReason === null ? null : Math.round((lastTimestamp + rng.between(0.5, 120)) * 1e6) / 1e6,
		end_reason: facts.endReason,
		message_count: activeCount,
		tool_call_count: toolCalls,
		input_tokens: inputTokens,
		output_tokens: Math.floor(inputTokens / rng.int(8, 30)),
		cache_read_tokens: Math.floor(inputTokens * rng.between(0, 0.8)),
		cache_write_tokens: Math.floor(inputTokens * rng.between(0, 0.1)),
		reasoning_tokens: rng.int(0, 5000),
		billing_provider: billingProvider,
		billing_base_url: billingUrl,
		billing_mode: 'api',
		estimated_cost_usd: Math.round(inputTokens * 3) / 1e6,
		actual_cost_usd: null,
		cost_status: 'estimated',
		cost_source: 'pricing_table',
		pricing_version: '2025-10',
		title: facts.title,
		api_call_count: assistantTurns,
		session_key: gateway ? `agent:main:${facts.source}:dm:${facts.userId ?? '0'}` : null,
		chat_id: facts.userId,
		chat_type: gateway ? 'dm' : null,
		thread_id: null,
		cwd: facts.cwd,
		git_branch: facts.inRepository ? 'main' : null,
		git_repo_root: facts.inRepository ? facts.cwd : null,
		rewind_count: 0,
		archived: facts.archived ? 1 : 0,
	};
}

/** Every `messages` column the generator fills, by name. */
export function messageRow(sessionId: string, message: GeneratedMessage): Record<string, CellValue> {
	return {
		session_id: sessionId,
		role: message.role,
		content: message.content,
		tool_call_id: message.toolCallId,
		tool_calls: message.toolCalls,
		tool_name: message.toolName,
		timestamp: message.timestamp,
		token_count: message.tokenCount,
		finish_reason: message.finishReason,
		reasoning: message.reasoning,
		active: message.active,
		compacted: message.compacted,
	};
}
