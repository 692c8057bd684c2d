import assert from 'node:assert/strict';
import { analyzeSession } from '../../../src/core/analysis/analyzeSession.ts';
import { dumpsPyJson, parsePyJson, visitPyJsonStrings } from '../../../src/core/analysis/pyJson.ts';
import { fileRegex } from '../../../src/core/analysis/rules.ts';
import type { SessionInfo } from '../../../src/core/model.ts';

const session: SessionInfo = {
	id: 's', title: 't', model: null, source: null, startedAt: null, lastActive: null, fingerprint: '', origin: 'state.db',
};

/** The reference: FILE over `text + " " + json.dumps(tool_calls)`. */
function referenceFiles(text: string, toolCalls: unknown): Set<string> {
	const blob = `${text} ${dumpsPyJson(toolCalls)}`;
	const regex = fileRegex.exact;
	regex.lastIndex = 0;
	const files = new Set<string>();
	for (let match = regex.exec(blob); match !== null; match = regex.exec(blob)) files.add(match[0]);
	return files;
}

describe('files touched in tool calls, without building json.dumps', () => {
	it('finds the paths json.dumps of the tool calls would show', () => {
		let state = 99;
		const next = (): number => {
			state = (state * 1103515245 + 12345) % 2147483648;
			return state / 2147483648;
		};
		const bits = ['/home/', '~/', '~', './', '/mnt/', 'a', 'é', 'x', '_', '-', '.', '/', '.py', '.md', '.json', '"', '\\', '\n', '\t',
			'\u0001', '\u007f', '→', '漢', '🚀', 'u00e9', ' ', 'n', '.tsx', '\u00e9.py'];
		const randomString = (): string => {
			let text = '';
			const length = Math.floor(next() * 12);
			for (let i = 0; i < length; i++) text += bits[Math.floor(next() * bits.length)] ?? '';
			return text;
		};
		let withFiles = 0;
		for (let i = 0; i < 3000; i++) {
			const args = JSON.stringify({ [randomString()]: [randomString(), 1.5, { path: randomString() }] });
			const toolCalls = parsePyJson(JSON.stringify([{ id: randomString(), function: { name: 'x', arguments: args } }, randomString()])) as unknown[];
			const text = randomString();
			const expected = referenceFiles(text, toolCalls);
			const contribution = analyzeSession(session, [{ role: 'assistant', content: text, toolCalls, toolName: null }]);
			assert.equal(contribution.stats.files_touched_count, expected.size, JSON.stringify([text, toolCalls]));
			if (expected.size > 0) withFiles++;
		}
		assert.ok(withFiles > 500, `only ${withFiles} cases had files`);
	});

	it('visits every string json.dumps writes, and refuses what it refuses', () => {
		const seen: string[] = [];
		visitPyJsonStrings(parsePyJson('[{"k": ["v", 1, 2.0, null, true]}, "w"]'), (text) => seen.push(text));
		assert.deepEqual(seen.sort(), ['k', 'v', 'w']);
		assert.throws(() => visitPyJsonStrings([undefined], () => undefined), TypeError);
		assert.throws(() => visitPyJsonStrings(new Map([[{}, 1]]), () => undefined), TypeError);
	});
});
