/**
 * The reference engine's rules (spec/engine.md §2), as Python patterns translated once at load.
 * The Python sources are kept verbatim so they can be compared with the reference line by line;
 * the few rules split for speed say which reference pattern they stand for.
 */
import type { StatName } from '../model.ts';
import type { PyRegex } from './pyRegex.ts';
import { compilePyRegex } from './pyRegex.ts';

const search = (pattern: string): PyRegex => compilePyRegex(pattern, { ignoreCase: true, global: false });
const findAll = (pattern: string): PyRegex => compilePyRegex(pattern, { ignoreCase: true, global: true });

export const errorRegex = search(String.raw`\b(error|failed|failure|traceback|exception|permission denied|not found|eaddrinuse|already in use|timed out|blocked)\b`);
export const successRegex = search(String.raw`\b(success|passed|built|compiled|done|exit_code["']?\s*[:=]\s*0|verified|ok)\b`);
export const fileRegex = compilePyRegex(String.raw`(?:/home/|~/?|\./|/mnt/)[\w./-]+\.(?:py|js|ts|tsx|jsx|css|html|md|json|yaml|yml|svg|sql|sh)`, { ignoreCase: false, global: true });
export const backgroundRegex = findAll(String.raw`background\s*=\s*true`);
export const restartRegex = search(String.raw`\brestart|reload|kill|start\b`);
export const tinyFixRegex = search(String.raw`one character|single character|typo`);
export const yamlRegex = findAll(String.raw`yaml|yml|colon|parse error`);

/** `\bskill` as the reference runs it: on the lower-cased text, without re.I. */
export const skillOnLowerRegex = compilePyRegex(String.raw`\bskill`, { ignoreCase: false, global: true });
/**
 * The same count on the original text, valid when it holds no `İ` (the only character whose
 * lower case changes length, so elsewhere lowering maps each character in place): exactly the
 * characters that lower-case to s, k, i, l, and lowering never changes whether one is a word
 * character.
 */
export const skillOnOriginalRegex = compilePyRegex(String.raw`\b[sS][kKK][iI][lL][lL]`, { ignoreCase: false, global: true });

/**
 * PORT_RE `\b(port\s+)?(3000|5173|8000|8080|9119)\b.*\b(in use|already|taken|eaddrinuse)\b|\beaddrinuse\b`
 * matches exactly when `eaddrinuse` does, or a port number is followed on its line by a
 * conflict word: `port\s+` is optional, and a number after it already has a boundary before it.
 */
export const portNumberRegex = findAll(String.raw`\b(3000|5173|8000|8080|9119)\b`);
export const portConflictWordRegex = findAll(String.raw`\b(in use|already|taken|eaddrinuse)\b`);
export const eaddrinuseRegex = search(String.raw`\beaddrinuse\b`);
/** INSTALL_RE `\b(npm|pnpm|yarn|pip|uv)\b.*\b(install|add)\b`, as its two halves on one line. */
export const packageManagerRegex = findAll(String.raw`\b(npm|pnpm|yarn|pip|uv)\b`);
export const installWordRegex = findAll(String.raw`\b(install|add)\b`);
/**
 * config_events, `config\.ya?ml|\b[a-z0-9_-]+config\.(?:js|ts|json|ya?ml)|\.env(?:\b|\.)|manifest\.json|settings\.json|pyproject\.toml|package\.json`,
 * as the pattern without its second alternative plus where that alternative's matches end
 * (see `countConfigEvents`).
 */
export const configOthersRegex = findAll(String.raw`config\.ya?ml|\.env(?:\b|\.)|manifest\.json|settings\.json|pyproject\.toml|package\.json`);
export const configExtRegex = findAll(String.raw`config\.(?:js|ts|json|ya?ml)`);

type HitStat = Exclude<StatName, 'yaml_error_events' | 'config_events'>;

/** `*_events` that are `hits(P)` on the whole text: stat → global regex. */
export const hitRules: readonly (readonly [HitStat, PyRegex])[] = [
	['traceback_events', findAll(String.raw`traceback|exception`)],
	['log_read_events', findAll(String.raw`gateway\.log|errors\.log|agent\.log|/api/logs|\blogs\b`)],
	['permission_denied_events', findAll(String.raw`permission denied|eacces|operation not permitted`)],
	['env_var_error_events', findAll(String.raw`missing .*env|api key|environment variable|not configured|unauthorized|auth`)],
	['docker_conflict_events', findAll(String.raw`docker.*(name|container).*already|container name conflict|Conflict\. The container`)],
	['frontend_activity_events', findAll(String.raw`\.(css|svg|tsx|jsx)|frontend|tailwind|react`)],
	['css_activity_events', findAll(String.raw`\.css|tailwind|style|className|visual`)],
	['git_events', findAll(String.raw`\bgit\s+(commit|push|merge|rebase|status|diff)`)],
	['context_events', findAll(String.raw`compress|context window|token|cache`)],
	['gateway_events', findAll(String.raw`gateway|discord|telegram|slack|api_server`)],
	['plugin_events', findAll(String.raw`plugin|dashboard-plugins|__HERMES_PLUGIN|manifest\.json`)],
	['rollback_events', findAll(String.raw`rollback|checkpoint`)],
	['docs_activity_events', findAll(String.raw`docs|documentation|docusaurus|README`)],
	['model_events', findAll(String.raw`model|provider|openrouter|codex|gemini|claude|anthropic|openai|mistral|qwen|deepseek|llama|ollama|vllm|gguf`)],
	['openrouter_events', findAll(String.raw`openrouter`)],
	['codex_events', findAll(String.raw`codex`)],
	['claude_events', findAll(String.raw`claude|anthropic`)],
	['gemini_events', findAll(String.raw`gemini|google ai|google model`)],
	['local_model_events', findAll(String.raw`ollama|llama\.cpp|gguf|vllm|local model|open[- ]weight|open weights`)],
	['toolset_events', findAll(String.raw`toolset|enabled_toolsets|browser tool|terminal tool|file tool|web tool`)],
	['git_history_events', findAll(String.raw`\bgit\s+(rebase|merge|fetch|pull|push|tag|checkout)|merge conflict|conflict\s*\(|rebase --continue`)],
	['test_events', findAll(String.raw`pytest|unittest|vitest|playwright|npm test|pnpm test|node --check|py_compile|tests? passed|\bOK\b`)],
	['screenshot_events', findAll(String.raw`screenshot|playwright|vision_analyze|browser_vision|\.png|image data`)],
	['release_events', findAll(String.raw`\bgit\s+tag|release|version bump|changelog|publish|pushed? tag`)],
	['cache_events', findAll(String.raw`cache hit|prompt caching|cache_read`)],
];

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
