/**
 * The words a demo history is made of: where sessions come from, which models they ran on, the
 * projects they worked in, and what people typed. Written for this project; the mix is tuned so a
 * hundred sessions unlock a good part of the catalog without unlocking everything.
 */

export type Theme = 'web' | 'backend' | 'ops' | 'agent' | 'research' | 'studio';

export interface Project {
	readonly root: string;
	readonly files: readonly string[];
}

export const themeWeights: readonly (readonly [Theme, number])[] = [
	['web', 25], ['backend', 24], ['ops', 15], ['agent', 16], ['research', 13], ['studio', 7],
];

export const sourceWeights: readonly (readonly [string, number])[] = [
	['cli', 64], ['telegram', 12], ['discord', 10], ['cron', 6], ['slack', 3], ['api_server', 3], ['whatsapp', 2],
];

/** Model ids as Hermes stores them in `sessions.model`; null and empty happen too. */
export const modelWeights: readonly (readonly [string | null, number])[] = [
	['anthropic/claude-sonnet-4', 18], ['openai/gpt-5', 11], ['google/gemini-2.5-pro', 8], ['nous/hermes-4-70b', 7],
	['qwen/qwen3-coder', 5], ['deepseek/deepseek-chat-v3.1', 5], ['ollama/llama3', 4], ['gpt-5-codex', 3],
	['claude-opus-4-1', 3], ['gemini-2.5-flash', 3], ['mistralai/mistral-medium-3', 2], ['moonshotai/kimi-k2', 2],
	['x-ai/grok-code-fast-1', 1], ['openrouter/anthropic/claude-sonnet-4', 2], ['llama3.1:8b', 1],
	['local/qwen2.5-coder-14b-gguf', 1], ['z-ai/glm-4.5', 1], [null, 1.5], ['', 0.3],
];

export const billingByProvider: Readonly<Record<string, readonly [string, string]>> = {
	anthropic: ['anthropic', 'https://api.anthropic.com'],
	openai: ['openai', 'https://api.openai.com/v1'],
	google: ['gemini', 'https://generativelanguage.googleapis.com/v1beta'],
	ollama: ['custom', 'http://localhost:11434/v1'],
	local: ['custom', 'http://127.0.0.1:8080/v1'],
	nous: ['nous', 'https://inference-api.nousresearch.com/v1'],
};

export const toolWeights: Readonly<Record<Theme, readonly (readonly [string, number])[]>> = {
	web: [['terminal', 30], ['read_file', 15], ['patch', 16], ['write_file', 5], ['search_files', 8], ['browser_navigate', 5],
		['browser_click', 3], ['browser_snapshot', 2], ['browser_vision', 2], ['vision_analyze', 2], ['web_search', 3],
		['web_extract', 1.5], ['todo', 3], ['process', 3], ['image_generate', 0.6], ['delegate_task', 0.6], ['memory', 0.5],
		['execute_code', 1], ['clarify', 0.3]],
	backend: [['terminal', 34], ['read_file', 15], ['patch', 14], ['write_file', 5], ['search_files', 9], ['execute_code', 3],
		['web_search', 3], ['web_extract', 1.5], ['todo', 3], ['process', 3], ['delegate_task', 0.8], ['memory', 0.6],
		['session_search', 0.4]],
	ops: [['terminal', 44], ['read_file', 12], ['patch', 8], ['write_file', 4], ['search_files', 5], ['process', 6], ['cronjob', 3],
		['web_search', 3], ['web_extract', 1], ['todo', 2], ['memory', 0.6], ['delegate_task', 0.5], ['send_message', 0.5]],
	agent: [['terminal', 22], ['read_file', 12], ['patch', 10], ['write_file', 4], ['search_files', 5], ['skill_manage', 5],
		['skill_view', 6], ['skills_list', 2], ['memory', 6], ['mnemosyne_remember', 3], ['cronjob', 4], ['delegate_task', 3],
		['process', 2], ['session_search', 2], ['todo', 2], ['text_to_speech', 1], ['send_message', 1], ['vision_analyze', 0.5]],
	research: [['web_search', 24], ['web_extract', 16], ['browser_navigate', 8], ['browser_click', 5], ['browser_snapshot', 4],
		['browser_type', 2], ['browser_vision', 2], ['terminal', 10], ['read_file', 5], ['write_file', 4], ['memory', 2],
		['mnemosyne_remember', 1.5], ['delegate_task', 2], ['vision_analyze', 1.5], ['image_generate', 1], ['text_to_speech', 0.8],
		['todo', 1.5], ['execute_code', 1.5]],
	studio: [['image_generate', 12], ['vision_analyze', 8], ['text_to_speech', 6], ['web_search', 6], ['write_file', 6],
		['read_file', 4], ['terminal', 8], ['browser_navigate', 3], ['browser_vision', 2], ['memory', 2], ['todo', 1]],
};

export const projects: Readonly<Record<Theme, readonly Project[]>> = {
	web: [
		{ root: '/home/u/proj/storefront', files: ['src/app.tsx', 'src/main.tsx', 'src/components/NavBar.tsx', 'src/components/CartDrawer.tsx',
			'src/styles/app.css', 'src/styles/tokens.css', 'src/lib/api.ts', 'vite.config.ts', 'tailwind.config.js', 'package.json',
			'tsconfig.json', 'README.md', 'public/logo.svg', 'src/hooks/useCart.ts', 'src/pages/Checkout.jsx', 'index.html'] },
		{ root: '/home/u/proj/portfolio', files: ['pages/index.tsx', 'components/Hero.tsx', 'styles/globals.css', 'next.config.js',
			'package.json', 'README.md', 'public/avatar.svg', 'postcss.config.js'] },
	],
	backend: [
		{ root: '/home/u/proj/billing-api', files: ['app/main.py', 'app/routes/invoices.py', 'app/db.py', 'app/schemas.py',
			'tests/test_invoices.py', 'tests/conftest.py', 'pyproject.toml', 'config.yaml', 'docker-compose.yml', 'README.md',
			'migrations/002_invoices.sql', 'scripts/seed.sh'] },
		{ root: '/home/u/proj/météo-données', files: ['collecte.py', 'rapport.md', 'requirements.txt', 'analyses/étape2.py', 'config.yml'] },
		{ root: '/mnt/work/ingest', files: ['ingest/pipeline.py', 'ingest/readers.py', 'tests/test_pipeline.py', 'settings.json',
			'pyproject.toml', 'README.md'] },
	],
	ops: [
		{ root: '/mnt/data/platform', files: ['k8s/deployment.yaml', 'k8s/ingress.yaml', 'scripts/rollout.sh', 'docker-compose.yml',
			'.github/workflows/deploy.yml', 'README.md', 'ansible/site.yml', 'monitoring/alerts.yml'] },
		{ root: '/home/u/homelab', files: ['stacks/media.yml', 'stacks/metrics.yml', 'scripts/snapshot.sh', 'README.md', 'prometheus.yml'] },
	],
	agent: [
		{ root: '~/.hermes', files: ['config.yaml', 'SOUL.md', 'memories/MEMORY.md', 'memories/USER.md',
			'skills/devops/release-train/SKILL.md', 'skills/github/triage/SKILL.md', 'plugins/usage-board/dashboard/manifest.json',
			'plugins/usage-board/dashboard/plugin_api.py', 'plugins/usage-board/dashboard/dist/index.js',
			'plugins/usage-board/dashboard/dist/style.css', 'cron/jobs.json', 'logs/gateway.log', 'logs/errors.log', 'logs/agent.log'] },
		{ root: '/home/u/ボット/hermes-helper', files: ['bot.py', 'ノート.md', 'config.yaml', 'README.md'] },
	],
	research: [
		{ root: '/home/u/research', files: ['notes/model-eval.md', 'notes/reading-list.md', 'data/scores.json', 'scripts/collect.py',
			'report/summary.md', 'report/figures/chart.svg'] },
	],
	studio: [
		{ root: '/home/u/studio', files: ['prompts/flyer.md', 'assets/cover.png', 'story/kapitel-1.md', 'audio/narration.md',
			'site/index.html', 'site/style.css'] },
	],
};

export const openingPrompts: Readonly<Record<Theme, readonly string[]>> = {
	web: [
		'The checkout page went blank after the last merge, can you look?',
		'Make the nav bar sticky and fix the layout on phones in {file}',
		'npm run dev crashes on startup, find out why',
		'Add a dark theme with tailwind, keep the brand colors',
		'La page panier ne s\'affiche plus depuis ce matin, tu peux regarder ? 😬',
		'カートのボタンがずれています。CSSを直してください🙏',
		'Split {file} into smaller React components without changing how it looks',
		'The primary button is one shade too dark, adjust the className',
		'Run vitest and fix whatever fails',
		'Take a screenshot of localhost:5173 and tell me if the hero section looks right',
		'帮我修一下构建报错，谢谢 🙇',
		'There is a typo in the footer, a single character, please fix it',
	],
	backend: [
		'pytest passes locally but fails in CI, investigate',
		'Add a /invoices/{{id}} endpoint with input validation',
		'The API throws a 500 when the database is unreachable, handle it properly',
		'pip install fails on this box, please help',
		'¿Puedes revisar el README y corregir los pasos de instalación?',
		'Kannst du die Tests laufen lassen und die Fehler beheben?',
		'uvicorn says port 8000 is already in use, what is holding it?',
		'Write a migration for the invoices table',
		'Profile {file}, it got slow',
		'My edit broke config.yaml parsing, what did I do?',
		'Lance la suite de tests et dis-moi ce qui casse 🙃',
	],
	ops: [
		'docker compose up fails because a container name already exists, sort it out',
		'Roll the new image out to staging',
		'Set up a nightly cron that snapshots the postgres volume',
		'Why does the ingress return 502?',
		'Something in k8s/deployment.yaml is not valid yaml',
		'Disk is almost full on the server, clean up old logs',
		'rollout.sh gives permission denied, fix the permissions',
		'Restart the gateway and check gateway.log for errors',
		'Mets en place des alertes Prometheus pour le homelab 🔔',
	],
	agent: [
		'Create a skill for our release checklist',
		'Remember that I always want pnpm, never npm',
		'The telegram gateway stopped replying, what happened?',
		'Build a dashboard plugin that charts my token usage',
		'Switch to openrouter with claude for this and compare it with gemini',
		'Every morning at 8, send me a digest of new GitHub issues',
		'Check errors.log, something about an API key',
		'Which toolsets are enabled? turn on the browser tool as well',
		'Hand the test writing to subagents while you update the docs',
		'Ajoute mes préférences de style de code à la mémoire',
		'リリース手順のskillを作って保存して',
		'Roll back the last config.yaml change from the checkpoint',
	],
	research: [
		'Survey the newest open-weight models and summarize their benchmarks',
		'Find the Vite docs on server options and summarize the port settings',
		'Compare prompt caching between Anthropic, OpenAI and Gemini',
		'How does docusaurus handle versioned docs?',
		'Summarize this paper and pull out the key numbers',
		'Cherche les bonnes pratiques pour les tests E2E avec Playwright',
		'Make a table of context window sizes for current models',
		'帮我比较一下 Ollama 和 llama.cpp',
	],
	studio: [
		'Design a flyer for the meetup, 80s style',
		'Read the first page of chapter 1 out loud',
		'Make a logo and check it with vision',
		'Schreib ein kurzes Gedicht über Server, die nachts ausfallen 🌙',
		'Create a banner image and describe it',
	],
};

export const followUps: readonly string[] = [
	'ok, keep going', 'still broken, same error', 'looks good, commit it', 'can you update the docs too?', 'merci !',
	'try a different model for this', 'why is it so slow? check the logs', '👍', 'git push it', 'run the tests again',
	'restart it', 'and the README?', 'どうなりましたか？', 'sigue, por favor', 'perfekt, danke 🙏', 'revert that last change',
];

export const cronPrompts: readonly string[] = [
	'Daily: summarize new GitHub issues and post them to telegram',
	'Nightly: run the snapshot script and report disk usage',
	'Every morning: scan gateway.log for errors and summarize them',
	'Weekly: draft release notes from merged pull requests',
];

export const assistantLines: readonly string[] = [
	'Let me look at the current code first.',
	'I\'ll check the logs before touching anything.',
	'The failure comes from {file}; patching it now.',
	'All tests pass now ✅',
	'That attempt failed, trying another approach.',
	'Restarting the dev server to verify the fix.',
	'Root cause: a missing environment variable.',
	'Found it: a one character typo in {file}.',
	'Starting it in the background (background=true) and polling the process.',
	'The context window is filling up, so I\'ll keep tool output short.',
	'Prompt caching is on; the last calls were a cache hit.',
	'Switched this step to openrouter/anthropic/claude-sonnet-4.',
	'Done. Changed files:\n- {file}\n- README.md',
	'I can\'t reproduce it locally, checking the CI logs.',
	'Committed and pushed to the feature branch.',
	'Saved that to memory for next time.',
	'I made a checkpoint before editing, so a rollback is easy.',
	'C\'est réglé : le panier s\'affiche de nouveau correctement.',
	'修正しました。もう一度確認してください。',
	'The plugin manifest.json had no entry point.',
	'I\'ll delegate the research part to a subagent.',
	'Docs updated, see docs/setup.md.',
	'The screenshot confirms the mobile layout is fixed.',
	'It is a YAML problem: an unquoted value contains a colon.',
	'Port 3000 was already taken by a stale node process; I killed it.',
	'Gemini handled the long file better; back to Claude for the patch.',
];

export const reasoningNotes: readonly string[] = [
	'The user wants a quick fix, but this could be environmental. Read the logs first.',
	'Confirm which model and provider are configured before switching anything.',
	'The traceback points into the db layer; probably a missing env var.',
	'A targeted patch is safer than rewriting the file.',
	'Port conflict: most likely an old dev server still running.',
];

export const titles: Readonly<Record<Theme, readonly string[]>> = {
	web: ['Blank checkout page', 'Sticky nav bar', 'Dark theme', 'Vite crash on start', 'Hero screenshot review',
		'Réparer le panier', 'カートCSS修正', 'Footer typo', 'Component split', 'Tailwind tokens'],
	backend: ['Flaky pytest in CI', 'Invoices endpoint', 'DB outage handling', 'pip install trouble', 'Invoices migration',
		'Port 8000 busy', 'Config parse error', 'Pipeline profiling', 'Tests rouges'],
	ops: ['Container name clash', 'Staging rollout', 'Nightly pg snapshot', 'Ingress 502', 'Invalid deployment yaml',
		'Disk cleanup', 'Rollout script perms', 'Gateway restart'],
	agent: ['Release checklist skill', 'pnpm preference', 'Telegram gateway silent', 'Token usage plugin',
		'OpenRouter vs Gemini', 'GitHub issue digest', 'API key error', 'Toolset setup', 'Subagent tests',
		'リリースskill', 'Config rollback'],
	research: ['Open-weight survey', 'Vite server docs', 'Prompt caching comparison', 'Docusaurus versions',
		'Paper summary', 'Playwright practices', 'Context window table', 'Ollama vs llama.cpp'],
	studio: ['Meetup flyer 🎨', 'Chapter 1 narration', 'Logo draft', 'Nachtgedicht 🌙', 'Banner image'],
};

export const systemPromptParts: readonly string[] = [
	'You are Hermes Agent, a capable assistant that works through tools. Be direct and careful.',
	'## Memory\nYou keep durable notes across sessions with the memory tool: preferences, environment facts, tool quirks.',
	'## Skills\nLoad a matching skill with skill_view(name) before acting.\n<available_skills>\n  devops: release-train, docker-ops\n  github: triage, pr-review\n  research: arxiv\n</available_skills>',
	'## Tools\nPrefer read_file and search_files over shell pipes. Use patch for small edits. Long jobs run with background=true.',
	'# Project notes (AGENTS.md)\nThis repository uses pnpm and vitest. Run the tests before committing. Never commit .env files.',
];
