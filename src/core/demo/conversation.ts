import { pythonJson } from './pythonJson.ts';
import type { SeededRandom } from './random.ts';
import { absolutePath, pickFile, runTerminal } from './terminalScenarios.ts';
import { exchangeFor } from './toolResults.ts';
import { assistantLines, followUps, openingPrompts, reasoningNotes, toolWeights, type Project, type Theme } from './vocabulary.ts';

/** Hermes' marker for list/dict content stored in the TEXT column. */
export const contentJsonPrefix = '\u0000json:';

/** One `messages` row before it is written. */
export interface GeneratedMessage {
	readonly role: string;
	readonly content: string | null;
	/** JSON text of the tool-call list, as Hermes stores it; null when the turn called nothing. */
	readonly toolCalls: string | null;
	readonly toolCallCount: number;
	readonly toolName: string | null;
	readonly toolCallId: string | null;
	timestamp: number;
	readonly tokenCount: number | null;
	readonly finishReason: string | null;
	readonly reasoning: string | null;
	active: 0 | 1;
	compacted: 0 | 1;
}

export interface ConversationSetup {
	readonly theme: Theme;
	readonly project: Project;
	readonly source: string;
	readonly model: string | null;
	readonly startedAt: number;
	readonly targetMessages: number;
	/** A cron session's first prompt is its job prompt. */
	readonly cronPrompt: string | null;
}

const gatewaySources = new Set(['telegram', 'discord', 'slack', 'whatsapp']);
const roundCounts = [0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10];
const callsPerTurn: readonly (readonly [number, number])[] = [[1, 70], [2, 20], [3, 7], [4, 3]];

function withFile(rng: SeededRandom, text: string, project: Project): string {
	return text.includes('{file}') ? text.replace('{file}', absolutePath(project, pickFile(rng, project))) : text;
}

function userText(rng: SeededRandom, setup: ConversationSetup, first: boolean): string {
	let text = withFile(rng, rng.pick(openingPrompts[setup.theme]), setup.project).replaceAll('{{', '{').replaceAll('}}', '}');
	if (!first && rng.chance(0.5)) {
		text = rng.chance(0.1)
			? `still failing:\n${runTerminal(rng, setup.theme, setup.project).output.slice(0, 300)}`
			: rng.pick(followUps);
	}
	if (rng.chance(0.03)) {
		text = text.replaceAll('\n', '\r\n');
	}
	if (gatewaySources.has(setup.source)) {
		const prefix = rng.pick(['', '', '', 'reply', '@hermes ', 'hey hermes, ']);
		text = prefix === 'reply' ? `[Replying to: "Done. Changed files..."]\n\n${text}` : prefix + text;
	}
	return text;
}

function multimodal(rng: SeededRandom, text: string): string {
	return contentJsonPrefix + pythonJson([
		{ type: 'text', text },
		{ type: 'image_url', image_url: { url: `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA${rng.hex(48)}` } },
	], true);
}

function openAiCall(rng: SeededRandom, name: string, args: Readonly<Record<string, unknown>>, model: string): Record<string, unknown> {
	const id = `call_${rng.hex(24)}`;
	const call: Record<string, unknown> = { id, type: 'function', function: { name, arguments: pythonJson(args) } };
	if ((model.includes('codex') || model.startsWith('openai/')) && rng.chance(0.5)) {
		call['call_id'] = id;
		call['response_item_id'] = `fc_${rng.hex(20)}`;
	}
	if (model.includes('gemini') && rng.chance(0.5)) {
		call['extra_content'] = { google: { thought_signature: rng.hex(32) } };
	}
	return call;
}

/**
 * A session's messages: user turns, assistant turns with OpenAI-shaped tool calls, one tool row per
 * call, and a closing reply, until the target length is reached.
 */
export function generateConversation(rng: SeededRandom, setup: ConversationSetup): GeneratedMessage[] {
	const messages: GeneratedMessage[] = [];
	const model = setup.model ?? '';
	const weights = toolWeights[setup.theme];
	let clock = setup.startedAt + rng.between(0.3, 4);
	const add = (message: Omit<GeneratedMessage, 'timestamp' | 'active' | 'compacted'>, gap: number): void => {
		messages.push({ ...message, timestamp: Math.round(clock * 1e6) / 1e6, active: 1, compacted: 0 });
		clock += gap;
	};
	const plain = { toolCalls: null, toolCallCount: 0, toolName: null, toolCallId: null, tokenCount: null, finishReason: null, reasoning: null };
	let first = true;

	while (messages.length < setup.targetMessages) {
		const text = first && setup.cronPrompt !== null ? setup.cronPrompt : userText(rng, setup, first);
		const roll = rng.next();
		const content = roll < 0.012
			? multimodal(rng, text)
			: roll < 0.016
				? ''
				: first && roll < 0.03 ? `${rng.pick(['\u3000', '\u00a0', '\ufeff', ' \n'])}${text} ${'🚀'.repeat(rng.int(5, 30))}` : text;
		add({ ...plain, role: 'user', content }, rng.between(1, 25));
		first = false;

		const rounds = rng.pick(roundCounts);
		for (let round = 0; round < rounds && messages.length < setup.targetMessages; round++) {
			const calls: Record<string, unknown>[] = [];
			const results: { name: string; id: string; result: string }[] = [];
			const count = rng.weighted(callsPerTurn);
			for (let index = 0; index < count; index++) {
				const name = rng.weighted(weights);
				const exchange = exchangeFor(rng, name, setup.theme, setup.project);
				const call = openAiCall(rng, name, exchange.args, model);
				calls.push(call);
				results.push({ name, id: String(call['id']), result: exchange.result });
			}
			const firstCall = calls[0];
			const firstResult = results[0];
			// Hermes has also stored the bare {name, arguments} shape; readers must accept both.
			if (firstCall !== undefined && firstResult !== undefined && rng.chance(0.01)) {
				calls[0] = { name: firstResult.name, arguments: JSON.parse(String((firstCall['function'] as { arguments: string }).arguments)) as unknown };
			}
			const prose = rng.chance(0.35) ? withFile(rng, rng.pick(assistantLines), setup.project) : rng.chance(0.3) ? null : '';
			add({
				...plain,
				role: 'assistant',
				content: prose,
				toolCalls: pythonJson(calls, true),
				toolCallCount: calls.length,
				finishReason: 'tool_calls',
				reasoning: rng.chance(0.3) ? rng.pick(reasoningNotes) : null,
				tokenCount: rng.chance(0.5) ? rng.int(20, 900) : null,
			}, rng.between(0.05, 2));
			for (const { name, id, result } of results) {
				if (messages.length >= setup.targetMessages) {
					break;
				}
				const stored = rng.chance(0.004) ? (rng.chance(0.5) ? null : '') : result;
				add({ ...plain, role: 'tool', content: stored, toolName: name, toolCallId: id }, rng.between(0.05, 40));
			}
		}
		if (messages.length >= setup.targetMessages) {
			break;
		}
		let reply = withFile(rng, rng.pick(assistantLines), setup.project);
		if (rng.chance(0.15)) {
			reply += `\n\n${rng.pick([
				'```diff\n- colr: red\n+ color: red\n```',
				'| model | context |\n|---|---|\n| gemini-2.5-pro | 1M tokens |\n| claude-sonnet-4 | 200k tokens |',
				'Next: `npm test`, then `git push`.',
				'Logs are in ~/.hermes/logs/agent.log',
			])}`;
		}
		add({ ...plain, role: 'assistant', content: reply, finishReason: 'stop', reasoning: rng.chance(0.2) ? rng.pick(reasoningNotes) : null, tokenCount: rng.int(20, 600) },
			rng.between(20, setup.source === 'cron' ? 30 : 1200));
	}
	addOddities(rng, messages, clock);
	return messages;
}

// Rows real stores contain and readers trip over: an old assistant row carrying tool_name, a
// tool_calls cell that is not JSON, and a clock that went backwards (so id order ≠ time order).
function addOddities(rng: SeededRandom, messages: GeneratedMessage[], clock: number): void {
	const base = { toolCallCount: 0, toolCallId: null, tokenCount: null, reasoning: null, active: 1 as const, compacted: 0 as const };
	if (messages.length > 0 && rng.chance(0.01)) {
		messages.push({ ...base, role: 'assistant', content: '(imported) ran a tool', toolCalls: null, toolName: 'terminal', timestamp: clock, finishReason: null });
	}
	if (messages.length > 0 && rng.chance(0.005)) {
		messages.push({ ...base, role: 'assistant', content: '', toolCalls: '{not valid json', toolName: null, timestamp: clock + 0.5, finishReason: 'tool_calls' });
	}
	if (messages.length > 10 && rng.chance(0.005)) {
		const index = rng.int(5, messages.length - 2);
		const message = messages[index];
		const previous = messages[index - 1];
		if (message !== undefined && previous !== undefined) {
			message.timestamp = Math.round((previous.timestamp - rng.between(0.5, 3)) * 1e6) / 1e6;
		}
	}
}
