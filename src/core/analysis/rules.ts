/**
 * The reference engine's rules (docs/engine.md §2), as Python patterns translated once at load.
 * The Python sources are kept verbatim so they can be compared with the reference line by line;
 * the few rules split for speed say which reference pattern they stand for. `ruleScan` runs them.
 */
import type { StatName } from '../model.ts';
import { compilePyRegex } from './pyRegex.ts';
import type { ScanMode, ScanRule } from './ruleScan.ts';

const pattern = String.raw;

export const fileRegex = compilePyRegex(String.raw`(?:/home/|~/?|\./|/mnt/)[\w./-]+\.(?:py|js|ts|tsx|jsx|css|html|md|json|yaml|yml|svg|sql|sh)`, { ignoreCase: false, global: true });

/** `\bskill` as the reference runs it: on the lower-cased text, without re.I. */
export const skillOnLowerRegex = compilePyRegex(String.raw`\bskill`, { ignoreCase: false, global: true });

type HitStat = Exclude<StatName, 'yaml_error_events' | 'config_events'>;

/** `*_events` that are `hits(P)` on the whole text: stat → Python pattern (re.I). */
export const hitRules: readonly (readonly [HitStat, string])[] = [
	['traceback_events', pattern`traceback|exception`],
	['log_read_events', pattern`gateway\.log|errors\.log|agent\.log|/api/logs|\blogs\b`],
	['permission_denied_events', pattern`permission denied|eacces|operation not permitted`],
	['env_var_error_events', pattern`missing .*env|api key|environment variable|not configured|unauthorized|auth`],
	['docker_conflict_events', pattern`docker.*(name|container).*already|container name conflict|Conflict\. The container`],
	['frontend_activity_events', pattern`\.(css|svg|tsx|jsx)|frontend|tailwind|react`],
	['css_activity_events', pattern`\.css|tailwind|style|className|visual`],
	['git_events', pattern`\bgit\s+(commit|push|merge|rebase|status|diff)`],
	['context_events', pattern`compress|context window|token|cache`],
	['gateway_events', pattern`gateway|discord|telegram|slack|api_server`],
	['plugin_events', pattern`plugin|dashboard-plugins|__HERMES_PLUGIN|manifest\.json`],
	['rollback_events', pattern`rollback|checkpoint`],
	['docs_activity_events', pattern`docs|documentation|docusaurus|README`],
	['model_events', pattern`model|provider|openrouter|codex|gemini|claude|anthropic|openai|mistral|qwen|deepseek|llama|ollama|vllm|gguf`],
	['openrouter_events', pattern`openrouter`],
	['codex_events', pattern`codex`],
	['claude_events', pattern`claude|anthropic`],
	['gemini_events', pattern`gemini|google ai|google model`],
	['local_model_events', pattern`ollama|llama\.cpp|gguf|vllm|local model|open[- ]weight|open weights`],
	['toolset_events', pattern`toolset|enabled_toolsets|browser tool|terminal tool|file tool|web tool`],
	['git_history_events', pattern`\bgit\s+(rebase|merge|fetch|pull|push|tag|checkout)|merge conflict|conflict\s*\(|rebase --continue`],
	['test_events', pattern`pytest|unittest|vitest|playwright|npm test|pnpm test|node --check|py_compile|tests? passed|\bOK\b`],
	['screenshot_events', pattern`screenshot|playwright|vision_analyze|browser_vision|\.png|image data`],
	['release_events', pattern`\bgit\s+tag|release|version bump|changelog|publish|pushed? tag`],
	['cache_events', pattern`cache hit|prompt caching|cache_read`],
];

const ignoringCase = (mode: ScanMode, source: string): ScanRule => ({ pattern: source, ignoreCase: true, mode });

/** The text rules other than `hitRules`, each as `ruleScan` runs it. */
export const textRules = {
	/** ERROR_RE, per message: it cannot match across the `\n` joining two messages. */
	error: ignoringCase('messages', pattern`\b(error|failed|failure|traceback|exception|permission denied|not found|eaddrinuse|already in use|timed out|blocked)\b`),
	success: ignoringCase('exists', pattern`\b(success|passed|built|compiled|done|exit_code["']?\s*[:=]\s*0|verified|ok)\b`),
	background: ignoringCase('count', pattern`background\s*=\s*true`),
	restart: ignoringCase('exists', pattern`\brestart|reload|kill|start\b`),
	tinyFix: ignoringCase('exists', pattern`one character|single character|typo`),
	yaml: ignoringCase('count', pattern`yaml|yml|colon|parse error`),
	/**
	 * `\bskill` on the lower-cased text, counted on the original text, valid when it holds no `İ`
	 * (the only character whose lower case changes length, so elsewhere lowering maps each
	 * character in place): exactly the characters that lower-case to s, k, i, l, and lowering never
	 * changes whether one is a word character.
	 */
	skill: { pattern: pattern`\b[sS][kK${'\u212a'}][iI][lL][lL]`, ignoreCase: false, mode: 'count' },
	/**
	 * PORT_RE `\b(port\s+)?(3000|5173|8000|8080|9119)\b.*\b(in use|already|taken|eaddrinuse)\b|\beaddrinuse\b`
	 * matches exactly when `eaddrinuse` does, or a port number is followed on its line by a
	 * conflict word: `port\s+` is optional, and a number after it already has a boundary before it.
	 */
	eaddrinuse: ignoringCase('exists', pattern`\beaddrinuse\b`),
	portNumber: ignoringCase('spans', pattern`\b(3000|5173|8000|8080|9119)\b`),
	portConflictWord: ignoringCase('spans', pattern`\b(in use|already|taken|eaddrinuse)\b`),
	/** INSTALL_RE `\b(npm|pnpm|yarn|pip|uv)\b.*\b(install|add)\b`, as its two halves on one line. */
	packageManager: ignoringCase('spans', pattern`\b(npm|pnpm|yarn|pip|uv)\b`),
	installWord: ignoringCase('spans', pattern`\b(install|add)\b`),
	/**
	 * config_events, `config\.ya?ml|\b[a-z0-9_-]+config\.(?:js|ts|json|ya?ml)|\.env(?:\b|\.)|manifest\.json|settings\.json|pyproject\.toml|package\.json`,
	 * as the pattern without its second alternative plus where that alternative's matches end
	 * (see `countConfigEvents`).
	 */
	configOthers: ignoringCase('spans', pattern`config\.ya?ml|\.env(?:\b|\.)|manifest\.json|settings\.json|pyproject\.toml|package\.json`),
	configExt: ignoringCase('spans', pattern`config\.(?:js|ts|json|ya?ml)`),
} as const satisfies Record<string, ScanRule>;

export type TextRuleName = keyof typeof textRules;

type ToolStat =
	| 'terminal_calls' | 'web_calls' | 'web_extract_calls' | 'browser_calls' | 'patch_calls' | 'file_reads_searches'
	| 'file_tool_calls' | 'delegate_calls' | 'cron_calls' | 'image_vision_calls' | 'tts_calls' | 'skill_manage_events'
	| 'memory_events' | 'memory_write_events';

/** `tool(n1, n2, …)` stats: stat → lower-case needles (substring match on each call's name). */
export const toolRules: readonly (readonly [ToolStat, readonly string[]])[] = [
	['terminal_calls', ['terminal']],
	['web_calls', ['web_search', 'web_extract']],
	['web_extract_calls', ['web_extract']],
	['browser_calls', ['browser']],
	['patch_calls', ['patch']],
	['file_reads_searches', ['read_file', 'search_files']],
	['file_tool_calls', ['read_file', 'write_file', 'patch', 'search_files']],
	['delegate_calls', ['delegate_task']],
	['cron_calls', ['cronjob']],
	['image_vision_calls', ['image', 'vision']],
	['tts_calls', ['tts', 'text_to_speech']],
	['skill_manage_events', ['skill_manage']],
	['memory_events', ['memory', 'mnemosyne']],
	['memory_write_events', ['mnemosyne_remember', 'memory']],
];

/** Needles of the stats that add a text count to a tool count. */
export const processNeedles: readonly string[] = ['process'];
export const skillNeedles: readonly string[] = ['skill'];
