import assert from 'node:assert/strict';
import { analyzeSession } from '../../../src/core/analysis/analyzeSession.ts';
import { parsePyJson } from '../../../src/core/analysis/pyJson.ts';
import type { HermesMessage, SessionInfo, StatName } from '../../../src/core/model.ts';
import { statNames } from '../../../src/core/model.ts';

// Every expected number below is what the reference engine (Python `re`, `json`) gives for the
// same messages; the comments say which Python rule decides it (spec/parity-pitfalls.md §2).

function session(model: string | null = null): SessionInfo {
	return { id: 's1', title: 'A title', model, source: 'cli', startedAt: 1700000000.5, lastActive: 1700000100, fingerprint: 'f', origin: 'state.db' };
}

function message(content: unknown, extra: Partial<HermesMessage> = {}): HermesMessage {
	return { role: 'user', content, toolCalls: [], toolName: null, ...extra };
}

function statsOf(...contents: unknown[]): Record<StatName, number> {
	return analyzeSession(session(), contents.map((content) => message(content))).stats;
}

function stat(name: StatName, ...contents: unknown[]): number {
	return statsOf(...contents)[name];
}

describe('analyzeSession', () => {
	it('copies the listing fields and fills every stat', () => {
		const contribution = analyzeSession(session('anthropic/claude-sonnet-4'), [message('hello')]);
		assert.equal(contribution.session_id, 's1');
		assert.equal(contribution.title, 'A title');
		assert.equal(contribution.source, 'cli');
		assert.equal(contribution.started_at, 1700000000.5);
		assert.equal(contribution.last_active, 1700000100);
		assert.deepEqual(contribution.model_names, ['anthropic/claude-sonnet-4']);
		assert.deepEqual(Object.keys(contribution.stats).sort(), [...statNames].sort());
		assert.equal(contribution.stats.message_count, 1);
	});

	it('keeps the model "None" (truthy in Python) and drops an empty or missing one', () => {
		assert.deepEqual(analyzeSession(session('None'), []).model_names, ['None']);
		assert.deepEqual(analyzeSession(session(''), []).model_names, []);
		assert.deepEqual(analyzeSession(session(null), []).model_names, []);
	});

	it('consumes the messages as a one-pass stream', () => {
		function* stream(): Generator<HermesMessage> {
			yield message('a traceback here');
			yield message('exception there');
		}
		assert.equal(analyzeSession(session(), stream()).stats.traceback_events, 2);
	});

	describe('Unicode \\w and \\b', () => {
		it('sees no word boundary between CJK letters and ASCII', () => {
			assert.equal(stat('skill_events', '新しいskillを作成'), 0);
			assert.equal(stat('skill_events', '新しい skill を作成'), 1);
			assert.equal(stat('config_events', '.envファイル'), 0);
			assert.equal(stat('config_events', '.env ファイル'), 1);
			assert.equal(stat('test_events', 'testsOKé'), 0);
			assert.equal(stat('log_read_events', 'éclogs'), 0);
		});

		it('matches the reference config_events around its two-sided boundaries', () => {
			// `.env`, `.env.` and `x-config.js`; `vite.config.ts` has nothing before `config` in its run;
			// `é-config.js` matches from the `-`, which follows a word character.
			assert.equal(stat('config_events', '.env file .env.local vite.config.ts x-config.json é-config.js'), 4);
			assert.equal(stat('config_events', 'tsconfig.json config.yaml ab_config.yml'), 3);
		});

		it('counts accented and CJK paths as FILE matches', () => {
			assert.equal(stat('files_touched_count', 'see /home/u/proj/données/analyse.py and /home/u/プロジェクト/メモ.md'), 2);
			assert.equal(stat('files_touched_count', '/home/u/a.py /home/u/a.py ./b.ts'), 2);
		});

		it('treats U+0345 as a non-word character (JS folds it into \\p{L} under the i flag)', () => {
			assert.equal(stat('test_events', '\u0345OK'), 1);
			assert.equal(stat('error_count', '\u0345error\u0345'), 1);
		});
	});

	describe('re.I case folding', () => {
		it('matches ſ as s, K (Kelvin) as k, and İ and ı as i', () => {
			assert.equal(stat('gateway_events', 'ſlack'), 1);
			assert.equal(stat('context_events', 'to\u212aen'), 1);
			assert.equal(stat('gemini_events', 'gemİnİ gemını GEMINI'), 3);
			assert.equal(stat('traceback_events', 'EXCEPTıON'), 1);
			assert.equal(stat('error_count', 'faİled'), 1);
		});

		it('runs \\bskill on the lower-cased text without re.I', () => {
			// 'ſkill'.lower() keeps ſ; Kelvin K lowers to k; İ lowers to i + U+0307.
			assert.equal(stat('skill_events', 'ſkill SKILL s\u212aill'), 2);
			assert.equal(stat('skill_events', 'İskill'), 1);
			assert.equal(stat('skill_events', 'xskill'), 0);
		});
	});

	describe('. and \\s', () => {
		it('lets . cross \\r and U+2028 but not \\n', () => {
			assert.equal(stat('env_var_error_events', 'missing value\rset env'), 1);
			assert.equal(stat('env_var_error_events', 'missing \u2028env'), 1);
			assert.equal(stat('env_var_error_events', 'missing \nenv'), 0);
			assert.equal(stat('docker_conflict_events', 'docker run --name x\r already'), 1);
			assert.equal(stat('install_success_events', 'npm ci\rinstall done'), 1);
			assert.equal(stat('install_success_events', 'npm ci\ninstall done'), 0);
		});

		it('uses Python\'s whitespace set', () => {
			assert.equal(stat('git_events', 'git\ufeffpush'), 0);
			assert.equal(stat('git_events', 'git\x1cpush'), 1);
			assert.equal(stat('git_history_events', 'git\x85fetch'), 1);
			assert.equal(stat('release_events', 'git\u3000tag'), 1);
		});

		it('lets a match span the newline joining two messages', () => {
			assert.equal(stat('git_events', 'run git', 'push now'), 1);
			assert.equal(stat('port_conflict_events', 'port', '3000 is already taken'), 1);
		});
	});

	describe('Python-style JSON text', () => {
		it('serialises multimodal content with ensure_ascii, so an escaped é ends a word', () => {
			const content = parsePyJson('[{"type": "text", "text": "OK\\u00e9"}]');
			assert.equal(stat('test_events', content), 1);
			assert.equal(stat('test_events', 'OKé'), 0);
		});

		it('does not see a non-ASCII path inside tool_calls arguments (it is \\u-escaped)', () => {
			const toolCalls = parsePyJson(JSON.stringify([
				{ id: 'c1', type: 'function', function: { name: 'read_file', arguments: JSON.stringify({ path: '/home/u/données/a.py' }) } },
				{ id: 'c2', type: 'function', function: { name: 'read_file', arguments: JSON.stringify({ path: '/home/u/ascii/b.py' }) } },
			])) as unknown[];
			const contribution = analyzeSession(session(), [message('', { role: 'assistant', toolCalls })]);
			assert.equal(contribution.stats.files_touched_count, 1);
			assert.equal(contribution.stats.file_reads_searches, 2);
		});

		it('keeps float spelling and key order of decoded content', () => {
			const content = parsePyJson('{"2": "x", "1": 1.0, "yaml": NaN}');
			// text(m) is `{"2": "x", "1": 1.0, "yaml": NaN}`; yaml counts only when ERROR matches.
			assert.equal(stat('yaml_error_events', content, 'error'), 1);
			assert.equal(stat('yaml_error_events', content), 0);
		});

		it('handles NUL characters in content', () => {
			assert.equal(stat('error_count', 'a\u0000error\u0000b'), 1);
			assert.equal(stat('toolset_events', 'tool\u0000set \u0000toolset'), 1);
		});

		it('reads a NULL content as empty text and non-string scalars as JSON', () => {
			assert.equal(stat('message_count', null, undefined, 5), 3);
			assert.equal(stat('error_count', null), 0);
		});
	});

	describe('tools', () => {
		it('accepts tool_calls entries of odd shapes', () => {
			const toolCalls = parsePyJson(JSON.stringify([
				'terminal', 5, null, [], { name: '' }, { function: { name: 'terminal' } }, { name: 'patch', function: { name: 'x' } },
				{ function: 'web_search' }, { name: 7, function: { name: 'web_search' } }, { function: null }, { function: { name: '' } },
			])) as unknown[];
			const plain = [{ name: 'web_search' }];
			const contribution = analyzeSession(session(), [
				message('', { role: 'assistant', toolCalls }),
				message('', { role: 'assistant', toolCalls: plain }),
			]);
			assert.deepEqual(contribution.tool_names, ['patch', 'terminal', 'web_search']);
			assert.equal(contribution.stats.tool_call_count, 3);
			assert.equal(contribution.stats.terminal_calls, 1);
			assert.equal(contribution.stats.web_calls, 1);
		});

		it('counts a tool-role row in the distinct names only', () => {
			const contribution = analyzeSession(session(), [
				message('', { role: 'assistant', toolCalls: [parsePyJson('{"function": {"name": "terminal"}}')] }),
				message('{"output": "ok", "error": null}', { role: 'tool', toolName: 'terminal' }),
				message('', { role: 'tool', toolName: 'memory' }),
				message('', { role: 'assistant', toolName: 'delegate_task' }),
			]);
			assert.deepEqual(contribution.tool_names, ['delegate_task', 'memory', 'terminal']);
			assert.equal(contribution.stats.tool_call_count, 2);
			assert.equal(contribution.stats.distinct_tool_count, 3);
			assert.equal(contribution.stats.memory_events, 0);
			assert.equal(contribution.stats.delegate_calls, 1);
			// ERROR_RE matches `"error": null`: the terminal result counts as an error message.
			assert.equal(contribution.stats.error_count, 1);
		});

		it('counts tools by lower-cased substring', () => {
			const names = ['browser_navigate', 'mcp_Image_Vision', 'skill_manage', 'Mnemosyne_Remember', 'edge_tts', 'cronjob', 'process'];
			const contribution = analyzeSession(session(), [message('background = True', { role: 'assistant', toolCalls: names.map((name) => ({ name })) })]);
			const { stats } = contribution;
			assert.equal(stats.browser_calls, 1);
			assert.equal(stats.web_browser_calls, 1);
			assert.equal(stats.image_vision_calls, 1);
			assert.equal(stats.skill_manage_events, 1);
			assert.equal(stats.skill_events, 1);
			assert.equal(stats.memory_events, 1);
			assert.equal(stats.memory_write_events, 1);
			assert.equal(stats.tts_calls, 1);
			assert.equal(stats.cron_calls, 1);
			assert.equal(stats.process_calls, 2);
		});

		it('sorts tool names by code point, as Python sorted() does', () => {
			const contribution = analyzeSession(session(), [message('', { role: 'assistant', toolCalls: [{ name: '🚀x' }, { name: '\uff5e' }, { name: 'a' }] })]);
			assert.deepEqual(contribution.tool_names, ['a', '\uff5e', '🚀x']);
		});
	});

	describe('session-level rules', () => {
		it('keeps the reference quirks', () => {
			assert.equal(stat('process_calls', '{"background": true}'), 0);
			assert.equal(stat('process_calls', 'background=TRUE'), 1);
			assert.equal(stat('install_error_events', 'pip install x', 'ERROR: failed'), 1);
			assert.equal(stat('install_error_events', 'pip install x'), 0);
			assert.equal(stat('install_success_events', 'yarn add x', 'done'), 1);
			assert.equal(stat('restart_after_error_events', 'error', 'please restart'), 1);
			assert.equal(stat('restart_after_error_events', 'please restart'), 0);
			assert.equal(stat('tiny_patch_after_errors_events', 'error', 'error', 'error', 'error', 'typo'), 0);
			assert.equal(stat('tiny_patch_after_errors_events', 'error', 'error', 'error', 'error', 'error typo'), 1);
			assert.equal(stat('port_conflict_events', 'EADDRINUSE'), 1);
			assert.equal(stat('port_conflict_events', 'port 3000\nalready'), 0);
			assert.equal(stat('port_conflict_events', 'port 30000 already'), 0);
		});

		it('reports port_conflict as the boolean behind port_conflict_events', () => {
			assert.equal(analyzeSession(session(), [message('5173 is in use')]).port_conflict, true);
			assert.equal(analyzeSession(session(), [message('5173 is fine')]).port_conflict, false);
		});
	});
});
