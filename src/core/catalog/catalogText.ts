/**
 * Our own words for the 60 achievements. The catalog data (ids, tiers, metrics) lives in
 * catalog.json; these texts are written for this extension. `criteria` states the counting rule of
 * docs/engine.md §2–3 in plain words, so a user can tell exactly what moves the number.
 */

export interface AchievementText {
	readonly description: string;
	readonly criteria: string;
	/** Secrets only: a nudge shown while the achievement is still hidden. */
	readonly hint?: string;
}

const inAllSessions = 'anywhere in your sessions (prompts, replies and tool output)';

export const achievementTexts: Readonly<Record<string, AchievementText>> = {
	let_him_cook: {
		description: 'You said "go ahead" and then went to make coffee. Several coffees.',
		criteria: 'Tool calls the agent made in a single session; your busiest session counts.',
	},
	autonomous_avalanche: {
		description: 'One small request, then the tools started rolling downhill.',
		criteria: 'Tool calls across all your sessions. Each call the agent asked for counts once; tool results are not counted again.',
	},
	toolchain_maxxer: {
		description: 'Why use one tool when the whole toolbox is right there?',
		criteria: 'Different tools used in a single session, counting both calls and tool results; your most varied session counts.',
	},
	full_send: {
		description: 'Terminal, files and the web, all at full throttle.',
		criteria: 'All three, possibly in different sessions: a session with at least 180 terminal calls, a session with at least 120 file tool calls (read_file, write_file, patch, search_files), and a session with at least 60 web and browser calls together.',
	},
	subagent_commander: {
		description: 'Management material: you delegate, they deliver.',
		criteria: 'delegate_task calls across all your sessions.',
	},
	background_process_enjoyer: {
		description: 'Something is always running somewhere, and that is how you like it.',
		criteria: `Calls of the process tool across all your sessions, plus every "background=true" ${inAllSessions}.`,
	},
	cron_necromancer: {
		description: 'Your jobs rise again every night at the scheduled hour.',
		criteria: 'cronjob tool calls across all your sessions.',
	},
	red_text_connoisseur: {
		description: 'You have seen every shade of red a terminal can print.',
		criteria: 'Messages that contain an error word (error, failed, failure, traceback, exception, permission denied, not found, EADDRINUSE, already in use, timed out, blocked), across all your sessions; each message counts once.',
	},
	stack_trace_sommelier: {
		description: 'Notes of KeyError, with a long finish of NoneType.',
		criteria: `Every "traceback" or "exception" ${inAllSessions}.`,
	},
	actually_read_the_logs: {
		description: 'A rare breed: someone who opens the log before asking.',
		criteria: `Every mention of gateway.log, errors.log, agent.log, /api/logs or the word "logs" ${inAllSessions}.`,
	},
	port_3000_taken: {
		description: 'Something is already listening. It is always something.',
		criteria: 'Sessions where a dev-server port (3000, 5173, 8000, 8080 or 9119) shows up as in use, already taken or EADDRINUSE, or where EADDRINUSE appears at all; each session counts once.',
		hint: 'Some servers refuse to share their favourite seat.',
	},
	permission_denied_any_percent: {
		description: 'Speedrunning the wall the operating system puts up.',
		criteria: `Every "permission denied", EACCES or "operation not permitted" ${inAllSessions}.`,
		hint: 'Sometimes the machine just says no. Let it.',
	},
	dependency_hell_tourist: {
		description: 'You visited, you suffered, you bought the souvenir lockfile.',
		criteria: 'Both: 25 sessions with a package install (npm, pnpm, yarn, pip or uv installing or adding) that also had an error, and 10 sessions with a package install that also reported success.',
	},
	the_fix_was_restarting: {
		description: 'Have you tried turning it off and on again? You have. Many times.',
		criteria: 'Both: 50 sessions that had an error and also mention restarting, reloading, killing or starting something, and 4,000 error messages in total across your sessions.',
	},
	forgot_the_env_var: {
		description: 'It works on your machine, because only your machine has the key.',
		criteria: `Every mention of a missing env setting, an API key, an environment variable, "not configured", "unauthorized" or auth ${inAllSessions}.`,
		hint: 'Some secrets are kept so well that even your app cannot find them.',
	},
	yaml_colon_incident: {
		description: 'One colon, in the wrong place, at the wrong time.',
		criteria: 'Mentions of YAML, yml, colons or parse errors, counted only in sessions that also had an error.',
		hint: 'Whitespace-sensitive formats have strong opinions about punctuation.',
	},
	docker_name_collision: {
		description: 'There can be only one container called "web".',
		criteria: `Every Docker container-name conflict ("container name ... already", "Conflict. The container") ${inAllSessions}.`,
		hint: 'Containers like unique names. Try giving two of them the same one.',
	},
	supposed_to_be_quick: {
		description: 'It was a two-minute fix. The sun has set since.',
		criteria: 'Messages in a single session; your longest session counts.',
	},
	one_more_small_change: {
		description: 'Just one more tweak. And one more. And…',
		criteria: 'File tool calls (read_file, write_file, patch, search_files) in a single session; your busiest session counts.',
	},
	vibe_architect: {
		description: 'No blueprint, just vibes, and somehow a whole building.',
		criteria: 'Different file paths (starting with /home/, ~/, ./ or /mnt/ and ending in a code, style, docs or config extension) mentioned in a single session, in messages or tool-call arguments; your widest session counts.',
	},
	pixel_goblin: {
		description: 'You moved that div by one pixel. Then back.',
		criteria: `Every mention of .css, .svg, .tsx, .jsx, frontend, Tailwind or React ${inAllSessions}.`,
	},
	ship_first_ask_later: {
		description: 'Commit, push, and questions are for the postmortem.',
		criteria: 'Both: 50 git commit, push, merge, rebase, status or diff commands across your sessions, and a single session with at least 500 tool calls.',
	},
	css_exorcist: {
		description: 'The power of flexbox compels you.',
		criteria: `Every mention of .css, Tailwind, style, className or visual ${inAllSessions}.`,
	},
	one_character_fix: {
		description: 'Hours of red text, cured by a single keystroke.',
		criteria: 'Both: 5 sessions with at least 5 error messages that also mention a typo or a one-character (or single-character) fix, and 4,000 error messages in total across your sessions.',
		hint: 'After a long run of red text, the smallest edit can be the whole cure.',
	},
	skillsmith: {
		description: 'You forge skills the way others write sticky notes.',
		criteria: `Calls of any skill tool, plus every word starting with "skill" ${inAllSessions}.`,
	},
	skill_issue_skill_created: {
		description: 'Turned a weakness into a reusable procedure.',
		criteria: 'skill_manage tool calls (creating, editing or deleting skills) across all your sessions.',
	},
	memory_keeper: {
		description: 'The agent remembers, because you made it.',
		criteria: 'Calls of memory tools (any tool named with memory or mnemosyne) across all your sessions.',
	},
	memory_palace: {
		description: 'Room after room of carefully filed facts.',
		criteria: 'Memory writes: calls of the memory and mnemosyne_remember tools across all your sessions.',
	},
	context_dragon: {
		description: 'You hoard tokens like gold and compress like a pro.',
		criteria: `Every mention of compress(ion), context window, token or cache ${inAllSessions}.`,
	},
	gateway_dweller: {
		description: 'Your agent lives in your chat apps now.',
		criteria: `Every mention of gateway, Discord, Telegram, Slack or api_server ${inAllSessions}.`,
	},
	plugin_goblin: {
		description: 'If it can be extended, you have extended it.',
		criteria: `Every mention of plugin, dashboard-plugins, __HERMES_PLUGIN or manifest.json ${inAllSessions}.`,
	},
	rollback_wizard: {
		description: 'Undo is not a weakness; it is a strategy.',
		criteria: `Every mention of rollback or checkpoint ${inAllSessions}.`,
		hint: 'Sometimes the best way forward is back.',
	},
	rabbit_hole_certified: {
		description: 'You went looking for one answer and found forty tabs.',
		criteria: 'web_search and web_extract calls across all your sessions.',
	},
	citation_goblin: {
		description: 'Pics or it did not happen; sources or it is not true.',
		criteria: 'web_extract calls (pulling the text of a page) across all your sessions.',
	},
	docs_archaeologist: {
		description: 'You dig through documentation so others do not have to.',
		criteria: `Every mention of docs, documentation, Docusaurus or README ${inAllSessions}.`,
	},
	browser_possession: {
		description: 'The browser clicks itself now. Spooky.',
		criteria: 'Browser tool calls (any tool with "browser" in its name) across all your sessions.',
	},
	terminal_goblin: {
		description: 'Lives in the shell, emerges only for snacks.',
		criteria: 'terminal tool calls across all your sessions.',
	},
	patch_wizard: {
		description: 'Surgical edits, one hunk at a time.',
		criteria: 'patch tool calls across all your sessions.',
	},
	file_archaeologist: {
		description: 'Reads the codebase like ancient scrolls.',
		criteria: 'read_file and search_files calls across all your sessions.',
	},
	image_whisperer: {
		description: 'You and your agent see eye to eye. Literally.',
		criteria: 'Image and vision tool calls (any tool with "image" or "vision" in its name) across all your sessions.',
	},
	voice_of_the_machine: {
		description: 'Your agent has a voice, and it uses it.',
		criteria: 'Text-to-speech tool calls (tools named with tts or text_to_speech) across all your sessions.',
	},
	model_hopper: {
		description: 'Loyal to no model, curious about all of them.',
		criteria: `Every mention of a model, a provider or a model family (OpenRouter, Codex, Gemini, Claude, Anthropic, OpenAI, Mistral, Qwen, DeepSeek, Llama, Ollama, vLLM, GGUF) ${inAllSessions}.`,
	},
	openrouter_enjoyer: {
		description: 'Every road leads to the router.',
		criteria: `Every mention of OpenRouter ${inAllSessions}.`,
	},
	codex_conjurer: {
		description: 'You speak fluent Codex.',
		criteria: `Every mention of Codex ${inAllSessions}.`,
	},
	multi_model_mage: {
		description: 'A different mind for every spell.',
		criteria: 'Different models set on your sessions (empty and "None" do not count).',
	},
	five_model_flight: {
		description: 'A tasting flight of five models, and counting.',
		criteria: 'Different models set on your sessions (empty and "None" do not count).',
	},
	provider_polyglot: {
		description: 'Fluent in the API dialects of many vendors.',
		criteria: 'Different providers behind your sessions\' models: the part before the "/" in a model id, else a known vendor name in it, else its leading word.',
	},
	model_sommelier: {
		description: 'Pairs each task with the right vintage of weights.',
		criteria: `Every mention of a model, a provider or a model family (OpenRouter, Codex, Gemini, Claude, Anthropic, OpenAI, Mistral, Qwen, DeepSeek, Llama, Ollama, vLLM, GGUF) ${inAllSessions}.`,
	},
	claude_confidant: {
		description: 'You and Claude have had some long talks.',
		criteria: `Every mention of Claude or Anthropic ${inAllSessions}.`,
	},
	gemini_cartographer: {
		description: 'Mapping the twin stars of Google\'s models.',
		criteria: `Every mention of Gemini, "Google AI" or "Google model" ${inAllSessions}.`,
	},
	open_weights_pilgrim: {
		description: 'Your weights, your hardware, your rules.',
		criteria: 'Sessions whose model runs locally: the model name contains ollama, llama.cpp, localhost, 127.0.0.1, local/, local:, gguf or vllm-local.',
	},
	toolset_cartographer: {
		description: 'You know exactly which tools are switched on, and why.',
		criteria: `Every mention of toolset, enabled_toolsets, or the browser, terminal, file or web tool ${inAllSessions}.`,
	},
	config_surgeon: {
		description: 'Precise incisions in config files, mostly without scarring.',
		criteria: `Every mention of a config file (config.yaml, *config.js/ts/json/yaml, .env, manifest.json, settings.json, pyproject.toml, package.json) ${inAllSessions}.`,
	},
	rebase_acrobat: {
		description: 'Rewriting history without falling off the branch.',
		criteria: `Every git rebase, merge, fetch, pull, push, tag or checkout command, every "merge conflict" and every "rebase --continue" ${inAllSessions}.`,
	},
	test_suite_tamer: {
		description: 'The suite was wild; now it sits and stays green.',
		criteria: `Every mention of pytest, unittest, vitest, Playwright, npm test, pnpm test, node --check, py_compile, "test passed", "tests passed" or OK ${inAllSessions}.`,
	},
	screenshot_hunter: {
		description: 'If it rendered, you captured it.',
		criteria: `Every mention of a screenshot, Playwright, vision_analyze, browser_vision, a .png file or image data ${inAllSessions}.`,
	},
	marathon_operator: {
		description: 'Session after session, you keep showing up.',
		criteria: 'Sessions in your history, child sessions included; archived and hidden sessions are left out.',
	},
	weekend_warrior: {
		description: 'Saturday is just a weekday with better ideas.',
		criteria: 'Sessions started on a Saturday or Sunday, in your local time.',
	},
	night_shift_operator: {
		description: 'The best bugs come out after dark.',
		criteria: 'Sessions started between 23:00 and 06:00, in your local time.',
	},
	cache_hit_appreciator: {
		description: 'Nothing tastes as good as a warm cache.',
		criteria: `Every mention of "cache hit", "prompt caching" or cache_read ${inAllSessions}.`,
		hint: 'Repeating yourself can be cheaper than you think.',
	},
};

/** Unit words for a progress line ("37 / 200 tool calls in one session"). */
export const metricLabels: Readonly<Record<string, string>> = {
	session_count: 'sessions',
	max_tool_calls_in_session: 'tool calls in one session',
	max_distinct_tools_in_session: 'different tools in one session',
	max_messages_in_session: 'messages in one session',
	max_terminal_calls_in_session: 'terminal calls in one session',
	max_file_tool_calls_in_session: 'file tool calls in one session',
	max_web_browser_calls_in_session: 'web and browser calls in one session',
	max_files_touched_in_session: 'files touched in one session',
	total_tool_calls: 'tool calls',
	total_errors: 'error messages',
	total_terminal_calls: 'terminal calls',
	total_web_calls: 'web calls',
	total_web_extract_calls: 'page extractions',
	total_patch_calls: 'patches',
	total_file_reads_searches: 'file reads and searches',
	total_delegate_calls: 'delegated tasks',
	total_process_calls: 'background process calls',
	total_cron_calls: 'cron job calls',
	browser_calls: 'browser calls',
	image_vision_calls: 'image and vision calls',
	tts_calls: 'speech calls',
	distinct_model_count: 'different models',
	distinct_provider_count: 'different providers',
	local_model_chat_sessions: 'local-model sessions',
	weekend_sessions: 'weekend sessions',
	night_sessions: 'night sessions',
	traceback_events: 'tracebacks',
	log_read_events: 'log mentions',
	port_conflict_events: 'sessions with a port conflict',
	permission_denied_events: 'permission errors',
	install_error_events: 'sessions with a failed install',
	install_success_events: 'sessions with a successful install',
	restart_after_error_events: 'sessions restarted after errors',
	env_var_error_events: 'env and auth mentions',
	yaml_error_events: 'yaml mentions in failing sessions',
	docker_conflict_events: 'container name clashes',
	frontend_activity_events: 'frontend mentions',
	css_activity_events: 'styling mentions',
	git_events: 'git commands',
	tiny_patch_after_errors_events: 'typo fixes after errors',
	skill_events: 'skill mentions',
	skill_manage_events: 'skill edits',
	memory_events: 'memory calls',
	memory_write_events: 'memory writes',
	context_events: 'context mentions',
	gateway_events: 'gateway mentions',
	plugin_events: 'plugin mentions',
	rollback_events: 'rollback mentions',
	docs_activity_events: 'docs mentions',
	model_events: 'model mentions',
	openrouter_events: 'openrouter mentions',
	codex_events: 'codex mentions',
	claude_events: 'claude mentions',
	gemini_events: 'gemini mentions',
	toolset_events: 'toolset mentions',
	config_events: 'config file mentions',
	git_history_events: 'git history commands',
	test_events: 'test mentions',
	screenshot_events: 'screenshot mentions',
	cache_events: 'cache mentions',
};
