import assert from 'node:assert/strict';
import { pngSize } from '../../../src/core/pngHeader.ts';
import { CardRequests } from '../../../src/host/cardRequests.ts';
import { isToHost } from '../../../src/shared/protocol.ts';

describe('share card requests', () => {
	it('matches each answer to its request by id and ignores answers nobody waits for', async () => {
		const requests = new CardRequests();
		const sent: number[] = [];
		const first = requests.request((id) => sent.push(id));
		const second = requests.request((id) => sent.push(id));
		assert.equal(sent.length, 2);
		assert.notEqual(sent[0], sent[1]);
		requests.settle({ type: 'cardRendered', requestId: 999, png: 'x', svg: 'y' });
		requests.settle({ type: 'cardFailed', requestId: sent[1]!, error: 'no canvas' });
		requests.settle({ type: 'cardRendered', requestId: sent[0]!, png: 'AAAA', svg: '<svg/>' });
		assert.deepEqual(await first, { png: 'AAAA', svg: '<svg/>' });
		await assert.rejects(second, /no canvas/);
		requests.dispose();
	});

	it('fails the requests still waiting when the view goes away', async () => {
		const requests = new CardRequests();
		const waiting = requests.request(() => undefined);
		requests.dispose();
		await assert.rejects(waiting, /closed/);
	});

	it('accepts only well-formed card answers from the webview', () => {
		assert.equal(isToHost({ type: 'cardRendered', requestId: 1, png: 'AAAA', svg: '<svg/>' }), true);
		assert.equal(isToHost({ type: 'cardRendered', requestId: '1', png: 'AAAA', svg: '<svg/>' }), false);
		assert.equal(isToHost({ type: 'cardRendered', requestId: 1, png: 42, svg: '<svg/>' }), false);
		assert.equal(isToHost({ type: 'cardFailed', requestId: 1 }), false);
		assert.equal(isToHost({ type: 'cardFailed', requestId: 1, error: 'x' }), true);
	});

	it('reads a PNG\'s size from its header and rejects anything else', () => {
		const header = Buffer.from('89504e470d0a1a0a0000000d49484452000004b00000027608060000', 'hex');
		assert.deepEqual(pngSize(header), { width: 1200, height: 630 });
		assert.equal(pngSize(Buffer.from('GIF89a not a png at all, really')), undefined);
		assert.equal(pngSize(header.subarray(0, 20)), undefined);
	});
});
