import { pythonJson } from './pythonJson.ts';
import type { SeededRandom } from './random.ts';
import { absolutePath, pickFile, runTerminal } from './terminalScenarios.ts';
import { cronPrompts, type Project, type Theme } from './vocabulary.ts';

/** A tool call as the assistant asked for it, and what the tool answered. */
export interface ToolExchange {
	readonly args: Readonly<Record<string, unknown>>;
	/** The tool row's content: usually a JSON envelope, as Hermes tools return. */
	readonly result: string;
}

const sourceByExtension: Readonly<Record<string, string>> = {
	tsx: 'import { useCart } from \'../hooks/useCart\'\n\nexport function CartDrawer() {\n  const { items, total } = useCart()\n  return (\n    <aside className="fixed right-0 top-0 h-full w-80 bg-white shadow-xl">\n      {items.map((item) => <CartRow key={item.id} item={item} />)}\n      <p className="mt-4 font-semibold">Total: {total}</p>\n    </aside>\n  )\n}\n',
	ts: 'export const API_BASE = import.meta.env.VITE_API_BASE ?? \'http://localhost:8000\'\n\nexport async function getJson<T>(path: string): Promise<T> {\n  const response = await fetch(`${API_BASE}${path}`)\n  if (!response.ok) throw new Error(`HTTP ${response.status}`)\n  return response.json() as Promise<T>\n}\n',
	css: '.nav {\n  position: sticky;\n  top: 0;\n  backdrop-filter: blur(6px);\n}\n\n.button-primary {\n  background: var(--brand-600);\n  color: white;\n}\n',
	py: 'import os\nfrom fastapi import FastAPI, HTTPException\n\napp = FastAPI()\nDATABASE_URL = os.environ.get("DATABASE_URL")\n\n\n@app.get("/invoices/{invoice_id}")\nasync def read_invoice(invoice_id: int):\n    if invoice_id <= 0:\n        raise HTTPException(status_code=422, detail="invalid id")\n    return {"id": invoice_id}\n',
	yaml: 'services:\n  web:\n    image: acme/web:latest\n    ports:\n      - "8080:8080"\n    environment:\n      - DATABASE_URL=postgres://db:5432/app\n  db:\n    image: postgres:16\n',
	md: '# Project\n\n## Setup\n\n```bash\npnpm install\npnpm dev\n```\n\nSee the docs folder for configuration details.\n',
	json: '{\n  "name": "storefront",\n  "version": "0.3.0",\n  "scripts": { "dev": "vite", "build": "vite build", "test": "vitest" }\n}\n',
};

const extensionAliases: Readonly<Record<string, string>> = { jsx: 'tsx', js: 'ts', yml: 'yaml' };

function sourceFor(file: string): string {
	const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
	return sourceByExtension[extensionAliases[extension] ?? extension] ?? sourceByExtension['md'] ?? '';
}

// Numbered file views are rebuilt constantly; caching them keeps a 10,000-session run fast.
const numberedCache = new Map<string, string>();

function numberedView(file: string, repeats: number): string {
	const key = `${file}\u0000${repeats}`;
	let view = numberedCache.get(key);
	if (view === undefined) {
		const lines = Array.from({ length: repeats }, () => sourceFor(file)).join('\n').split('\n');
		view = lines.map((line, index) => `${String(index + 1).padStart(6)}|${line}`).join('\n');
		numberedCache.set(key, view);
	}
	return view;
}

const bigOutputCache = new Map<string, string>();

function bigOutput(kind: number, lines: number, root: string): string {
	const key = `${kind}:${lines}:${root}`;
	let text = bigOutputCache.get(key);
	if (text === undefined) {
		const rows: string[] = [];
		for (let index = 0; index < lines; index++) {
			rows.push(kind === 0
				? `${root}/node_modules/.pnpm/dep${index}@2.${index % 9}.1/node_modules/dep${index}/dist/index.js`
				: kind === 1
					? `tests/test_part${index % 19}.py::test_case_${index} PASSED`
					: `2025-12-01 09:${String(index % 60).padStart(2, '0')}:${String((index * 7) % 60).padStart(2, '0')} INFO worker-${index % 4}: batch ${index} done in ${(index * 37) % 900}ms`);
		}
		text = rows.join('\n');
		bigOutputCache.set(key, text);
	}
	return text;
}

function json(value: unknown, asciiOnly = false): string {
	return pythonJson(value, asciiOnly);
}

function terminal(rng: SeededRandom, theme: Theme, project: Project): ToolExchange {
	const run = runTerminal(rng, theme, project);
	const args: Record<string, unknown> = { command: run.command };
	if (rng.chance(0.05)) {
		args['background'] = true;
		return { args, result: json({ output: `Background process started (session_id: proc_${rng.hex(8)}, pid ${rng.int(1000, 60000)})`, exit_code: 0, error: null }) };
	}
	if (rng.chance(0.3)) {
		args['timeout'] = rng.pick([60, 120, 300]);
	}
	let output = run.output;
	if (rng.chance(0.012)) {
		output += `\n${bigOutput(rng.int(0, 2), rng.int(2, 12) * 50, project.root)}`;
	}
	const error = run.exitCode !== 0 && rng.chance(0.3) ? `Command exited with code ${run.exitCode}` : null;
	return { args, result: json({ output, exit_code: run.exitCode, error }) };
}

function filePath(rng: SeededRandom, project: Project, file: string): string {
	return rng.chance(0.12) && !project.root.startsWith('~') ? `./${file}` : absolutePath(project, file);
}

type ToolBuilder = (rng: SeededRandom, theme: Theme, project: Project) => ToolExchange;

const builders: Readonly<Record<string, ToolBuilder>> = {
	terminal,
	read_file: (rng, _theme, project) => {
		const file = pickFile(rng, project);
		const path = filePath(rng, project, file);
		if (rng.chance(0.05)) {
			return { args: { path }, result: json({ error: `File not found: ${path}`, similar_files: [absolutePath(project, pickFile(rng, project))] }) };
		}
		const repeats = rng.chance(0.85) ? 1 : rng.int(4, 30);
		const content = numberedView(file, repeats);
		return { args: { path, offset: 1, limit: 500 }, result: json({ content, total_lines: content.split('\n').length, truncated: false, is_binary: false }) };
	},
	write_file: (rng, _theme, project) => {
		const file = pickFile(rng, project);
		const content = sourceFor(file);
		return { args: { path: filePath(rng, project, file), content }, result: json({ bytes_written: Buffer.byteLength(content), dirs_created: rng.chance(0.1) }) };
	},
	patch: (rng, _theme, project) => {
		const file = pickFile(rng, project);
		const path = filePath(rng, project, file);
		const [before, after] = rng.pick([
			['className="btn"', 'className="btn button-primary"'], ['return response.json()', 'return await response.json()'],
			['position: relative;', 'position: sticky;'], ['port: 3000', 'port: 5173'], ['DEBUG = True', 'DEBUG = False'], ['colr: red', 'color: red'],
		] as const);
		const args = { mode: 'replace', path, old_string: before, new_string: after };
		if (rng.chance(0.1)) {
			return { args, result: json({ success: false, error: `Could not find old_string in ${path}; check the indentation.` }) };
		}
		const line = rng.int(1, 90);
		return { args, result: json({ success: true, diff: `--- a/${file}\n+++ b/${file}\n@@ -${line},3 +${line},3 @@\n-  ${before}\n+  ${after}\n`, files_modified: [path], lint: { status: 'ok' } }) };
	},
	search_files: (rng, _theme, project) => {
		const pattern = rng.pick(['useState', 'TODO', 'DATABASE_URL', 'className', 'def test_', 'api_key', 'port']);
		const matches = Array.from({ length: rng.int(0, 6) }, () => ({ path: absolutePath(project, pickFile(rng, project)), line: rng.int(1, 300), content: `  ${pattern} = ...` }));
		return { args: { pattern, target: 'content', path: project.root }, result: json({ total_count: matches.length, matches }) };
	},
	web_search: (rng) => {
		const query = rng.pick(['vite port 5173 already in use', 'fastapi dependency overrides docs', 'docker container name already in use',
			'anthropic prompt caching cache hit pricing', 'open weight models benchmark', 'playwright full page screenshot',
			'yaml mapping values are not allowed here colon', 'ollama vs llama.cpp gguf speed', 'tailwind dark mode class',
			'gemini 2.5 pro context window tokens', 'docusaurus versioned docs']);
		const results = Array.from({ length: rng.int(3, 6) }, (_, index) => ({
			title: `${query} — result ${index + 1}`,
			url: `https://example${index}.dev/${query.replaceAll(' ', '-').slice(0, 40)}`,
			description: rng.pick(['Official documentation for the configuration options.', 'Q&A thread: the port is already in use by another process.',
				'Issue thread describing the error and a workaround.', 'Blog post comparing providers, models and prices.']),
		}));
		return { args: { query }, result: json({ success: true, data: { web: results } }) };
	},
	web_extract: (rng) => {
		const url = rng.pick(['https://vite.dev/config/server-options', 'https://docs.docker.com/reference/cli/docker/container/run/',
			'https://docusaurus.io/docs/versioning', 'https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching',
			'https://ollama.com/blog/openai-compatibility', 'https://fr.wikipedia.org/wiki/Apprentissage_automatique',
			'https://ja.wikipedia.org/wiki/大規模言語モデル']);
		const page = rng.pick([
			'# Server options\n\n## server.port\n\nDefault: 5173. If the port is already in use, the next free port is tried.\n\n## server.strictPort\n\nExit instead when the port is already in use.',
			'# Prompt caching\n\nCache a long, stable prefix between calls. A cache hit lowers latency and cost; cache_read tokens are billed at a fraction.',
			'# Versioning\n\nDocusaurus keeps several versions of your docs. Run `npm run docusaurus docs:version 2.0.0`.',
			'Apprentissage automatique — champ d\'étude de l\'intelligence artificielle.\u2028Voir aussi : réseau de neurones, données.',
			'大規模言語モデル（LLM）は大量のテキストで学習したモデルです。代表例はGPT、Claude、Gemini、Llamaなど。',
		]);
		const content = rng.chance(0.8) ? page : Array.from({ length: rng.int(3, 15) }, () => page).join('\n\n');
		return { args: { urls: [url] }, result: json({ results: [{ url, title: url.slice(url.lastIndexOf('/') + 1), content }] }, rng.chance(0.3)) };
	},
	browser_navigate: (rng) => {
		const url = rng.pick(['http://localhost:3000', 'http://localhost:5173/checkout', 'https://github.com/u/storefront/pulls', 'https://news.ycombinator.com']);
		if (rng.chance(0.07)) {
			return { args: { url }, result: json({ success: false, error: `net::ERR_CONNECTION_REFUSED at ${url}` }) };
		}
		return { args: { url }, result: json({ success: true, url, title: 'Storefront', snapshot: '- heading "Your cart" [ref=e1]\n- textbox "Coupon" [ref=e2]\n- button "Pay now" [ref=e3]' }) };
	},
	browser_click: (rng) => ({ args: { ref: `@e${rng.int(1, 40)}` }, result: json({ success: true, clicked: `@e${rng.int(1, 40)}` }) }),
	browser_type: () => ({ args: { ref: '@e2', text: 'SPRING25' }, result: json({ success: true, typed: 'SPRING25' }) }),
	browser_snapshot: (rng) => ({ args: {}, result: json({ success: true, snapshot: '- link "Docs" [ref=e4]\n- link "Pricing" [ref=e5]', element_count: rng.int(10, 300) }) }),
	browser_vision: () => ({ args: { question: 'Is anything overlapping?' }, result: json({ success: true, analysis: 'The screenshot shows the nav bar covering the hero on narrow widths.', screenshot_path: '/home/u/.hermes/cache/screenshots/browser_screenshot_3.png' }) }),
	delegate_task: (rng, _theme, project) => {
		const goal = rng.pick(['Write unit tests for the cart hooks', 'Research prompt caching prices', 'Summarize open issues', 'Fix lint errors in src/']);
		return { args: { goal, context: `Project at ${project.root}`, toolsets: ['terminal', 'file'] }, result: json({ results: [{ task_index: 0, status: 'completed', summary: `${goal}: done, touched ${absolutePath(project, pickFile(rng, project))}.`, api_calls: rng.int(3, 40), duration_seconds: rng.int(5, 400) }] }) };
	},
	process: (rng) => {
		const action = rng.pick(['poll', 'log', 'wait', 'kill', 'list']);
		if (action === 'list') {
			return { args: { action }, result: json({ processes: [{ session_id: `proc_${rng.hex(8)}`, command: 'npm run dev', status: 'running', uptime_seconds: rng.int(5, 9000) }] }) };
		}
		return { args: { action, session_id: `proc_${rng.hex(8)}` }, result: json({ status: rng.pick(['running', 'exited']), exit_code: rng.pick([null, 0, 1]), output: '  VITE v5.4.8  ready in 301 ms\n  ➜  Local:   http://localhost:5173/' }) };
	},
	cronjob: (rng) => {
		const action = rng.pick(['create', 'list', 'remove', 'run']);
		return { args: { action, schedule: '0 8 * * *', prompt: rng.pick(cronPrompts) }, result: json({ success: true, job_id: rng.hex(12), schedule: '0 8 * * *', deliver: 'telegram', message: rng.chance(0.3) ? 'Tâche planifiée créée ✓' : 'Cron job created' }, true) };
	},
	skill_manage: (rng) => {
		const action = rng.pick(['create', 'patch', 'edit', 'delete']);
		const name = rng.pick(['release-train', 'pr-review', 'pg-snapshot', 'changelog', 'リリース手順']);
		return { args: { action, name, content: `---\nname: ${name}\ndescription: Steps for ${name}\n---\n# ${name}\n1. Run the tests\n2. git push\n` }, result: json({ success: true, message: `Skill '${name}' ${action} ok.`, path: `~/.hermes/skills/devops/${name}/SKILL.md` }) };
	},
	skill_view: (rng) => {
		const name = rng.pick(['github-triage', 'arxiv', 'llama-cpp', 'docker-ops', 'obsidian']);
		return { args: { name }, result: json({ success: true, name, content: `---\nname: ${name}\ndescription: Skill for ${name}\n---\n# ${name}\n\nUse this skill when ...\n` }) };
	},
	skills_list: () => ({ args: {}, result: json({ skills: [{ name: 'arxiv', category: 'research' }, { name: 'github-triage', category: 'github' }, { name: 'llama-cpp', category: 'mlops' }], count: 3 }) }),
	memory: (rng) => {
		const content = rng.pick(['User wants pnpm, never npm', 'storefront runs Vite on port 5173', 'L\'utilisateur préfère des réponses courtes',
			'Deploys go to Fly.io; secrets live in ~/.hermes/.env', 'ユーザーはTypeScriptが好き']);
		return { args: { action: rng.pick(['add', 'add', 'replace', 'remove']), target: rng.pick(['memory', 'user']), content }, result: json({ success: true, entries: rng.int(3, 30), usage: `${rng.int(300, 2200)}/2,200 chars` }) };
	},
	mnemosyne_remember: (rng) => ({ args: { content: rng.pick(['Gateway runs as a systemd user unit', 'Staging DB is postgres 16']), tags: ['infra'] }, result: json({ stored: true, id: rng.hex(16) }) }),
	image_generate: (rng) => ({ args: { prompt: rng.pick(['80s style meetup flyer', 'flat logo with a winged sandal']), aspect_ratio: 'landscape' }, result: json({ success: true, image: `https://fal.media/files/${rng.hex(10)}/image.png` }) }),
	vision_analyze: (rng) => ({ args: { image_url: rng.pick(['./screenshots/home.png', '/home/u/studio/assets/cover.png', 'https://example.com/chart.png']), question: 'What looks wrong here?' }, result: json({ success: true, analysis: 'A checkout form; the pay button is cut off on the right. Image data: 1280x720 PNG screenshot.' }) }),
	text_to_speech: (rng) => ({ args: { text: rng.pick(['Bonjour ! Voici le résumé du jour.', 'Chapter one. The servers hummed all night.']) }, result: json({ success: true, file_path: `/home/u/.hermes/audio_cache/tts_${rng.hex(8)}.ogg` }) }),
	todo: (rng) => {
		const todos = ['Reproduce the bug', 'Write a failing test', 'Patch', 'Run the tests', 'Update the docs', 'Commit']
			.filter(() => rng.chance(0.5)).slice(0, 3).map((content, index) => ({ id: String(index + 1), content, status: rng.pick(['pending', 'in_progress', 'completed']) }));
		return { args: { todos, merge: false }, result: json({ todos, summary: { total: todos.length } }) };
	},
	execute_code: (rng) => {
		if (rng.chance(0.25)) {
			return { args: { code: 'from hermes_tools import terminal\nr = terminal("pytest -q")\nprint(r["output"][-200:])' }, result: json({ status: 'error', output: '', error: 'Traceback (most recent call last):\n  File "<sandbox>", line 3, in <module>\nTypeError: string indices must be integers, not \'str\'' }) };
		}
		return { args: { code: 'from hermes_tools import search_files\nhits = search_files("TODO", path="src")\nprint(len(hits["matches"]))' }, result: json({ status: 'success', output: `${rng.int(0, 40)}\n`, tool_calls_made: rng.int(1, 6) }) };
	},
	session_search: (rng) => ({ args: { query: 'container name clash' }, result: json({ success: true, results: [{ session_id: `2025${rng.int(1000, 1231)}_${rng.hex(6)}`, summary: 'Removed the old container that held the name, then reran compose.' }] }) }),
	clarify: (rng) => ({ args: { question: 'Update the tests too?', choices: ['yes', 'no'] }, result: json({ answer: rng.pick(['yes', 'no', 'oui']) }) }),
	send_message: (rng) => ({ args: { target: 'telegram', message: 'Rollout finished ✅' }, result: json({ success: true, platform: 'telegram', message_id: rng.int(1000, 99999) }) }),
};

export function exchangeFor(rng: SeededRandom, tool: string, theme: Theme, project: Project): ToolExchange {
	const builder = builders[tool];
	return builder === undefined ? { args: {}, result: json({ success: true }) } : builder(rng, theme, project);
}
