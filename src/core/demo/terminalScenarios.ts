import type { SeededRandom } from './random.ts';
import type { Project, Theme } from './vocabulary.ts';

/** One shell command as the terminal tool ran it. */
export interface TerminalRun {
	readonly command: string;
	readonly output: string;
	readonly exitCode: number;
}

type Scenario = (rng: SeededRandom, project: Project) => TerminalRun;

const jsPackages = ['zod', 'react-router-dom', '@tanstack/react-query', 'tailwindcss', 'vitest', 'clsx', 'dayjs'];
const pyPackages = ['fastapi', 'sqlalchemy', 'pydantic', 'httpx', 'polars', 'psycopg2', 'numpy', 'lxml'];
const ports = [3000, 3000, 5173, 8000, 8080];
const envVars = ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'OPENROUTER_API_KEY', 'DATABASE_URL', 'TELEGRAM_BOT_TOKEN'];

function fileOf(rng: SeededRandom, project: Project, extensions?: readonly string[]): string {
	if (extensions !== undefined) {
		const matching = project.files.filter((file) => extensions.some((ext) => file.endsWith(`.${ext}`)));
		if (matching.length > 0) {
			return rng.pick(matching);
		}
	}
	return rng.pick(project.files);
}

export function absolutePath(project: Project, file: string): string {
	return `${project.root}/${file}`;
}

function projectName(project: Project): string {
	return project.root.split('/').pop() ?? 'project';
}

const scenarios: Readonly<Record<string, Scenario>> = {
	npmInstallOk: (rng, p) => {
		const count = rng.int(2, 240);
		return { command: `cd ${p.root} && ${rng.pick(['npm install', 'pnpm add', 'yarn add', 'npm i'])} ${rng.pick(jsPackages)}`, output: `\nadded ${count} packages, and audited ${count + 402} packages in ${rng.int(2, 40)}s\n\n${rng.int(20, 90)} packages are looking for funding\n  run \`npm fund\` for details\n\nfound 0 vulnerabilities`, exitCode: 0 };
	},
	npmInstallFail: (rng, p) => ({ command: `cd ${p.root} && npm install ${rng.pick(jsPackages)}`, output: `npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE could not resolve\nnpm ERR!\nnpm ERR! While resolving: ${projectName(p)}@0.3.0\nnpm ERR! Found: react@18.3.1\nnpm ERR! Could not resolve dependency:\nnpm ERR! peer react@"^17.0.2" from old-carousel@1.9.0\nnpm ERR! A complete log of this run can be found in: /home/u/.npm/_logs/debug-0.log`, exitCode: 1 }),
	devServer: (rng, p) => ({ command: `cd ${p.root} && npm run dev`, output: `\n> ${projectName(p)}@0.3.0 dev\n> vite\n\n  VITE v5.4.8  ready in ${rng.int(150, 900)} ms\n\n  ➜  Local:   http://localhost:${rng.pick(ports)}/\n  ➜  Network: use --host to expose`, exitCode: 0 }),
	addressInUse: (rng, p) => {
		const port = rng.pick(ports);
		return { command: `cd ${p.root} && npm run dev`, output: `node:events:496\n      throw er; // Unhandled 'error' event\n      ^\n\nError: listen EADDRINUSE: address already in use :::${port}\n    at Server.setupListenHandle [as _listen2] (node:net:1904:16)\n    at listenInCluster (node:net:1952:12)\n  code: 'EADDRINUSE',\n  syscall: 'listen',\n  port: ${port}\n}\n\nNode.js v22.9.0`, exitCode: 1 };
	},
	dashboardPortTaken: () => ({ command: 'hermes dashboard --port 9119', output: 'Error: port 9119 is already in use (pid 5120)\nStop the running dashboard or choose another port with --port', exitCode: 1 }),
	typeError: (rng, p) => {
		const file = fileOf(rng, p, ['tsx', 'ts']);
		const line = rng.int(3, 200);
		return { command: `cd ${p.root} && npx tsc --noEmit`, output: `${file}(${line},${rng.int(1, 40)}): error TS2345: Argument of type 'number | undefined' is not assignable to parameter of type 'number'.\n\nFound 1 error in ${file}:${line}`, exitCode: 2 };
	},
	vitestPass: (rng, p) => ({ command: `cd ${p.root} && npx vitest run`, output: `\n RUN  v2.1.1 ${p.root}\n\n ✓ src/app.test.tsx (5 tests) 41ms\n ✓ src/hooks/useCart.test.ts (7 tests) 15ms\n\n Test Files  2 passed (2)\n      Tests  12 passed (12)\n   Duration  ${rng.int(500, 4000)}ms`, exitCode: 0 }),
	vitestFail: (rng) => ({ command: 'npx vitest run', output: `\n FAIL  src/components/CartDrawer.test.tsx > CartDrawer > shows the total\nAssertionError: expected '€12.00' to be '€12.50'\n ❯ src/components/CartDrawer.test.tsx:${rng.int(10, 90)}:${rng.int(3, 30)}\n\n Test Files  1 failed | 1 passed (2)\n      Tests  1 failed | 11 passed (12)`, exitCode: 1 }),
	build: (rng) => ({ command: 'npm run build', output: `vite v5.4.8 building for production...\n✓ ${rng.int(40, 900)} modules transformed.\ndist/index.html                 0.52 kB │ gzip:  0.31 kB\ndist/assets/index-9c1e2a.css   ${rng.int(8, 40)}.20 kB │ gzip:  4.40 kB\ndist/assets/index-51aa0f.js   ${rng.int(120, 420)}.75 kB │ gzip: 49.80 kB\n✓ built in ${rng.int(1, 9)}.${rng.int(10, 99)}s`, exitCode: 0 }),
	playwright: (rng) => ({ command: 'npx playwright test --project=chromium', output: `Running 8 tests using 2 workers\n  8 passed (${rng.int(5, 40)}.${rng.int(1, 9)}s)\n\nScreenshot saved: test-results/checkout-page.png`, exitCode: 0 }),
	nodeCheck: (rng, p) => ({ command: `node --check ${absolutePath(p, fileOf(rng, p, ['js', 'ts']))}`, output: '', exitCode: 0 }),
	pipInstallOk: (rng, p) => {
		const name = rng.pick(pyPackages);
		return { command: `cd ${p.root} && pip install ${name}`, output: `Collecting ${name}\n  Downloading ${name}-2.4.1-py3-none-any.whl (1.4 MB)\n     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 1.4/1.4 MB 6.2 MB/s eta 0:00:00\nInstalling collected packages: ${name}\nSuccessfully installed ${name}-2.4.1`, exitCode: 0 };
	},
	pipInstallFail: (rng, p) => {
		const name = rng.pick(pyPackages);
		return { command: `cd ${p.root} && pip install ${name}`, output: `Collecting ${name}\n  Using cached ${name}-2.9.7.tar.gz (391 kB)\n  Preparing metadata (pyproject.toml) ... error\n  error: subprocess-exited-with-error\n\n  × Preparing metadata did not run successfully.\n  │ exit code: 1\n  ╰─> pg_config executable not found.\nerror: metadata-generation-failed`, exitCode: 1 };
	},
	uvAdd: (rng, p) => ({ command: `cd ${p.root} && uv add ${rng.pick(pyPackages)}`, output: `Resolved ${rng.int(5, 90)} packages in 377ms\nInstalled 1 package in 7ms`, exitCode: 0 }),
	pytestPass: (rng) => {
		const count = rng.int(8, 60);
		return { command: 'python -m pytest -q', output: `${'.'.repeat(count)}  [100%]\n${count} passed in ${rng.int(1, 30)}.${rng.int(10, 99)}s`, exitCode: 0 };
	},
	pytestFail: (rng) => ({ command: 'python -m pytest -q tests/', output: `..F......\n=================================== FAILURES ===================================\n______________________________ test_create_invoice ______________________________\n\n    def test_create_invoice(client):\n        resp = client.post('/invoices', json={'amount': 12})\n>       assert resp.status_code == 201\nE       assert 500 == 201\n\ntests/test_invoices.py:${rng.int(10, 90)}: AssertionError\nERROR    app.db:db.py:37 connection failed: could not connect to server\n=========================== short test summary info ============================\nFAILED tests/test_invoices.py::test_create_invoice - assert 500 == 201\n1 failed, 8 passed in 2.04s`, exitCode: 1 }),
	pythonTraceback: (rng, p) => {
		const file = fileOf(rng, p, ['py']);
		return { command: `cd ${p.root} && python ${file}`, output: `Traceback (most recent call last):\n  File "${absolutePath(p, file)}", line ${rng.int(5, 300)}, in <module>\n    main()\n  File "${absolutePath(p, file)}", line ${rng.int(5, 300)}, in main\n    rows = load(settings['source'])\nKeyError: 'source'`, exitCode: 1 };
	},
	pyCompile: (rng, p) => ({ command: `python -m py_compile ${absolutePath(p, fileOf(rng, p, ['py']))} && echo OK`, output: 'OK', exitCode: 0 }),
	uvicornBusy: () => ({ command: 'uvicorn app.main:app --port 8000', output: 'INFO:     Started server process [4410]\nERROR:    [Errno 98] error while attempting to bind on address (\'127.0.0.1\', 8000): address already in use', exitCode: 1 }),
	missingEnv: (rng, p) => {
		const name = rng.pick(envVars);
		return { command: `cd ${p.root} && python -m app.main`, output: `Traceback (most recent call last):\n  File "/home/u/proj/billing-api/app/main.py", line 9, in <module>\n    token = os.environ["${name}"]\nKeyError: '${name}'\n\nHint: ${name} is missing from your .env (environment variable not configured)`, exitCode: 1 };
	},
	unauthorized: () => ({ command: 'curl -s https://api.example.com/v1/models -H "Authorization: Bearer $API_KEY"', output: '{"error": {"message": "Unauthorized: the api key is invalid", "type": "auth_error"}}', exitCode: 0 }),
	yamlError: (rng, p) => {
		const file = fileOf(rng, p, ['yaml', 'yml']);
		return { command: `python -c "import yaml; yaml.safe_load(open('${file}'))"`, output: `Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nyaml.scanner.ScannerError: mapping values are not allowed here\n  in "${file}", line ${rng.int(2, 80)}, column ${rng.int(5, 40)}\n(parse error: a colon inside an unquoted value)`, exitCode: 1 };
	},
	dockerNameConflict: (rng) => {
		const name = rng.pick(['web', 'db', 'cache', 'grafana', 'hermes-gateway']);
		return { command: `docker run -d --name ${name} -p 8080:8080 acme/${name}:latest`, output: `docker: Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${rng.hex(64)}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.`, exitCode: 125 };
	},
	composeUp: () => ({ command: 'docker compose up -d', output: '[+] Running 3/3\n ✔ Network platform_default  Created  0.1s\n ✔ Container platform-db-1   Started  0.7s\n ✔ Container platform-web-1  Started  1.2s', exitCode: 0 }),
	kubectlApply: () => ({ command: 'kubectl apply -f k8s/deployment.yaml', output: 'deployment.apps/web configured\nservice/web unchanged', exitCode: 0 }),
	permissionDenied: (_rng, p) => ({ command: `${p.root}/scripts/rollout.sh`, output: `bash: ${p.root}/scripts/rollout.sh: Permission denied`, exitCode: 126 }),
	serviceRestart: () => ({ command: 'sudo systemctl restart nginx && systemctl status nginx --no-pager | head -4', output: '● nginx.service - A high performance web server\n     Loaded: loaded (/lib/systemd/system/nginx.service; enabled)\n     Active: active (running) since Mon 2025-12-01 08:14:02 UTC; 3s ago', exitCode: 0 }),
	journal: () => ({ command: 'journalctl -u hermes-gateway -n 20 --no-pager', output: 'Dec 01 08:10:01 box hermes[902]: gateway: telegram polling started\nDec 01 08:11:40 box hermes[902]: WARNING telegram rate limit, retrying in 3s\nDec 01 08:12:55 box hermes[902]: ERROR discord: websocket closed (4004 authentication failed)\nDec 01 08:12:56 box systemd[1]: hermes-gateway.service: Main process exited, status=1/FAILURE', exitCode: 0 }),
	diskUsage: () => ({ command: 'df -h / /mnt/data', output: 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        98G   93G  1.9G  99% /\n/dev/sdb1       1.8T  1.2T  560G  68% /mnt/data', exitCode: 0 }),
	nginxLog: () => ({ command: 'tail -n 30 /var/log/nginx/error.log', output: '2025/12/01 08:01:12 [error] 911#911: *42 connect() failed (111: Connection refused) while connecting to upstream, upstream: "http://127.0.0.1:8000/api"\n2025/12/01 08:01:13 [error] 911#911: *43 upstream timed out (110: Connection timed out)', exitCode: 0 }),
	sshTimeout: () => ({ command: 'ssh deploy@10.0.0.12 uptime', output: 'ssh: connect to host 10.0.0.12 port 22: Connection timed out', exitCode: 255 }),
	gitStatus: (rng, p) => {
		const file = fileOf(rng, p);
		return { command: `cd ${p.root} && git status --short && git diff --stat`, output: ` M ${file}\n M README.md\n?? ${fileOf(rng, p)}\n ${file} | ${rng.int(1, 40)} ++++----\n 1 file changed`, exitCode: 0 };
	},
	gitCommit: (rng, p) => {
		const message = rng.pick(['fix: cart total rounding', 'feat: dark theme', 'chore: bump deps', 'fix typo', 'refactor: split nav', 'docs: setup steps']);
		return { command: `cd ${p.root} && git add -A && git commit -m "${message}"`, output: `[main ${rng.hex(7)}] ${message}\n ${rng.int(1, 9)} files changed, ${rng.int(1, 200)} insertions(+), ${rng.int(0, 90)} deletions(-)`, exitCode: 0 };
	},
	gitPush: (rng, p) => ({ command: `cd ${p.root} && git push origin HEAD`, output: `Enumerating objects: 11, done.\nWriting objects: 100% (6/6), 1.10 KiB | 1.10 MiB/s, done.\nTo github.com:u/${projectName(p)}.git\n   ${rng.hex(7)}..${rng.hex(7)}  main -> main`, exitCode: 0 }),
	gitPull: (_rng, p) => ({ command: `cd ${p.root} && git pull --rebase`, output: 'Successfully rebased and updated refs/heads/main.', exitCode: 0 }),
	rebaseConflict: (rng, p) => {
		const file = fileOf(rng, p);
		return { command: `cd ${p.root} && git rebase origin/main`, output: `Auto-merging ${file}\nCONFLICT (content): Merge conflict in ${file}\nerror: could not apply ${rng.hex(7)}... feat: dark theme\nhint: Resolve all conflicts manually, then run "git rebase --continue".`, exitCode: 1 };
	},
	releaseTag: (rng, p) => {
		const version = `v0.${rng.int(1, 9)}.${rng.int(0, 20)}`;
		return { command: `cd ${p.root} && git tag ${version} && git push origin ${version}`, output: `To github.com:u/${projectName(p)}.git\n * [new tag]         ${version} -> ${version}\nRelease notes drafted in CHANGELOG.md`, exitCode: 0 };
	},
	listFiles: (rng, p) => ({ command: `ls -la ${p.root} | head -40`, output: [...p.files].sort().slice(0, rng.int(3, 9)).map((file) => `-rw-r--r-- 1 u u ${rng.int(120, 9000)} Dec  1 09:12 ${file}`).join('\n'), exitCode: 0 }),
	grepClassName: (_rng, p) => ({ command: `grep -rn "className" ${p.root}/src | head`, output: `${p.root}/src/app.tsx:14:    <main className="min-h-screen bg-zinc-50">\n${p.root}/src/components/NavBar.tsx:9:  <nav className="sticky top-0 z-10">`, exitCode: 0 }),
	gatewayLog: () => ({ command: 'tail -n 50 ~/.hermes/logs/gateway.log', output: '2025-12-01 08:00:01 INFO gateway: starting platforms: telegram, discord\n2025-12-01 08:00:02 INFO telegram: connected as @home_hermes_bot\n2025-12-01 08:05:44 ERROR discord: Unauthorized (401): check DISCORD_BOT_TOKEN\n2025-12-01 08:05:45 WARNING gateway: discord adapter disabled after auth failure', exitCode: 0 }),
	errorsLog: () => ({ command: 'tail -n 40 ~/.hermes/logs/errors.log', output: '2025-12-01 10:12:03 ERROR run_agent: API call failed: 401 Unauthorized - missing OPENROUTER_API_KEY env\n2025-12-01 10:12:03 ERROR run_agent: provider openrouter not configured\n2025-12-01 10:14:19 WARNING compressor: context window 91% full, compressing 38 messages', exitCode: 0 }),
	hermesConfig: () => ({ command: 'cat ~/.hermes/config.yaml', output: 'model:\n  default: anthropic/claude-sonnet-4\n  provider: openrouter\ntoolsets:\n  - terminal\n  - file\n  - web\n  - browser\ncompression:\n  enabled: true\n  threshold: 0.85\nprompt_caching: true', exitCode: 0 }),
	gatewayRestart: () => ({ command: 'hermes gateway restart', output: 'Stopping gateway (pid 902)... done\nStarting gateway... ok\nPlatforms: telegram ✓  discord ✓  slack ✗ (not configured)', exitCode: 0 }),
	modelList: () => ({ command: 'hermes model', output: 'Current model: anthropic/claude-sonnet-4 (provider: openrouter)\nProviders: openrouter, anthropic, openai-codex, gemini, nous, ollama (local)\nUse /model google/gemini-2.5-pro to switch for this session', exitCode: 0 }),
	apiLogs: () => ({ command: 'curl -s "http://127.0.0.1:9119/api/logs?file=agent&lines=20"', output: '{"lines": ["INFO agent: terminal finished in 1.4s", "INFO agent: cache_read_tokens=17320 (cache hit)", "WARNING agent: browser_navigate timed out after 30s"]}', exitCode: 0 }),
	pluginBuild: () => ({ command: 'cd ~/.hermes/plugins/usage-board && npm run build', output: '> usage-board@0.2.0 build\n> esbuild src/index.tsx --bundle --outfile=dashboard/dist/index.js\n\n  dashboard/dist/index.js  38.9kb\n\n⚡ Done in 41ms\nPlugin registered with window.__HERMES_PLUGIN_SDK__; manifest.json updated', exitCode: 0 }),
	skillsList: () => ({ command: 'hermes skills list', output: 'Installed skills (19):\n  devops/release-train   Cut and publish a release\n  github/triage          Label and route new issues\n  research/arxiv         Search arXiv papers\n  mlops/llama-cpp        Serve GGUF models with llama.cpp', exitCode: 0 }),
	toolsList: () => ({ command: 'hermes tools', output: 'Enabled toolsets: terminal, file, web, browser, memory, skills, delegation, cronjob\nDisabled: image_gen, tts\nRun `hermes tools enable <toolset>` to turn one on.', exitCode: 0 }),
	checkpointRollback: () => ({ command: 'hermes checkpoints list && hermes rollback 2', output: 'Checkpoints for /home/u/proj/storefront:\n  1. 2025-12-01 10:01 before patch src/app.tsx\n  2. 2025-12-01 10:07 before write_file vite.config.ts\nRolled back to checkpoint 2.', exitCode: 0 }),
	fetchDocs: () => ({ command: 'curl -sL https://docs.example.dev/start | head -c 600', output: '<!DOCTYPE html><html><head><title>Getting started | Docs</title></head><body><h1>Getting started</h1><p>Install with <code>npm install example</code>, then read the documentation.</p>', exitCode: 0 }),
	collectScript: (rng, p) => ({ command: `cd ${p.root} && python scripts/collect.py --limit 25`, output: `Fetched 25 pages\nSaved ${p.root}/data/scores.json\nDone in ${rng.int(2, 60)}s`, exitCode: 0 }),
	cloneRepo: () => ({ command: 'git clone --depth 1 https://github.com/ggml-org/llama.cpp ~/src/llama.cpp', output: 'Cloning into \'~/src/llama.cpp\'...\nReceiving objects: 100% (1503/1503), 8.4 MiB | 11.0 MiB/s, done.', exitCode: 0 }),
	ollamaList: () => ({ command: 'ollama list', output: 'NAME                 ID              SIZE      MODIFIED\nllama3:8b            365c0bd3c000    4.7 GB    2 weeks ago\nqwen2.5-coder:14b    3028237cc8c5    9.0 GB    4 days ago\nhermes3:8b           4f6b83f30b62    4.7 GB    6 days ago', exitCode: 0 }),
	ffmpeg: () => ({ command: 'ffmpeg -y -i audio/narration.ogg -ar 44100 audio/narration.mp3', output: 'ffmpeg version 6.1 Copyright (c) 2000-2023 the FFmpeg developers\nOutput #0, mp3, to \'audio/narration.mp3\':\nsize=     498kB time=00:00:31.90 bitrate= 127.9kbits/s speed=80.2x', exitCode: 0 }),
	resizeImage: () => ({ command: 'convert assets/cover.png -resize 1200x630 assets/social.png', output: '', exitCode: 0 }),
	windowsShell: () => ({ command: 'powershell.exe -Command "Get-Process node"', output: 'Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName\r\n-------  ------    -----      -----     ------     --  -- -----------\r\n    298      27    60112      73001       3.12  11812   1 node\r\n', exitCode: 0 }),
	smallTalk: (rng, p) => rng.pick<TerminalRun>([
		{ command: 'pwd', output: p.root, exitCode: 0 },
		{ command: 'node -v && npm -v', output: 'v22.9.0\n10.8.3', exitCode: 0 },
		{ command: 'python --version', output: 'Python 3.12.6', exitCode: 0 },
		{ command: 'date -u', output: 'Mon Dec  1 09:12:44 UTC 2025', exitCode: 0 },
	]),
};

type ScenarioName = keyof typeof scenarios;

const scenarioWeights: Readonly<Record<Theme, readonly (readonly [ScenarioName, number])[]>> = {
	web: [['npmInstallOk', 6], ['npmInstallFail', 3], ['devServer', 5], ['addressInUse', 3], ['typeError', 4], ['vitestPass', 5],
		['vitestFail', 3], ['gitStatus', 4], ['gitCommit', 4], ['gitPush', 2], ['rebaseConflict', 1], ['listFiles', 5], ['build', 3],
		['playwright', 2], ['grepClassName', 3], ['smallTalk', 4], ['windowsShell', 0.6], ['nodeCheck', 1], ['releaseTag', 0.5]],
	backend: [['pipInstallOk', 5], ['pipInstallFail', 3], ['pytestPass', 6], ['pytestFail', 5], ['pyCompile', 2], ['uvicornBusy', 2],
		['missingEnv', 3], ['yamlError', 2], ['gitStatus', 4], ['gitCommit', 4], ['gitPush', 2], ['rebaseConflict', 1], ['listFiles', 4],
		['permissionDenied', 1.5], ['smallTalk', 4], ['uvAdd', 2], ['pythonTraceback', 3], ['releaseTag', 0.5]],
	ops: [['dockerNameConflict', 2.5], ['composeUp', 4], ['yamlError', 3], ['kubectlApply', 3], ['permissionDenied', 3],
		['serviceRestart', 3], ['journal', 3], ['diskUsage', 2], ['nginxLog', 3], ['gitPull', 2], ['gitStatus', 2], ['listFiles', 3],
		['smallTalk', 3], ['unauthorized', 1.5], ['sshTimeout', 1]],
	agent: [['gatewayLog', 4], ['errorsLog', 3], ['hermesConfig', 3], ['gatewayRestart', 2], ['modelList', 3], ['apiLogs', 2],
		['gitStatus', 2], ['listFiles', 3], ['smallTalk', 3], ['pluginBuild', 2], ['skillsList', 2], ['missingEnv', 2],
		['dashboardPortTaken', 1], ['toolsList', 2], ['checkpointRollback', 1]],
	research: [['fetchDocs', 4], ['listFiles', 3], ['smallTalk', 4], ['pipInstallOk', 1], ['collectScript', 3], ['cloneRepo', 2],
		['ollamaList', 1.5]],
	studio: [['ffmpeg', 3], ['listFiles', 3], ['smallTalk', 3], ['resizeImage', 2]],
};

export function runTerminal(rng: SeededRandom, theme: Theme, project: Project): TerminalRun {
	const scenario = scenarios[rng.weighted(scenarioWeights[theme])];
	if (scenario === undefined) {
		throw new Error('unknown terminal scenario');
	}
	return scenario(rng, project);
}

export function pickFile(rng: SeededRandom, project: Project, extensions?: readonly string[]): string {
	return fileOf(rng, project, extensions);
}
