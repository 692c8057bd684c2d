import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { listProfiles, resolveHermesHome } from '../../../src/core/hermes/home.ts';
import { pythonStrip, shapePreview } from '../../../src/core/hermes/pythonText.ts';
import { makeTempDir, removeDir } from '../../support/fixtures.ts';

describe('Hermes home resolution', () => {
	const base = { env: {}, platform: 'linux' as const, userHome: '/home/u' };

	it('prefers the setting, then HERMES_HOME (trimmed, non-blank), then ~/.hermes', () => {
		assert.deepEqual(resolveHermesHome({ ...base, configuredHome: '/opt/h', env: { HERMES_HOME: '/env/h' } }), { root: '/opt/h', home: '/opt/h', profile: null });
		assert.deepEqual(resolveHermesHome({ ...base, configuredHome: '  ', env: { HERMES_HOME: ' /env/h ' } }), { root: '/env/h', home: '/env/h', profile: null });
		assert.deepEqual(resolveHermesHome({ ...base, env: { HERMES_HOME: '   ' } }), { root: '/home/u/.hermes', home: '/home/u/.hermes', profile: null });
		assert.equal(resolveHermesHome({ ...base, configuredHome: '~/custom' }).home, '/home/u/custom');
	});

	it('maps profiles to <root>/profiles/<name> and HERMES_HOME inside profiles/ back to its root', () => {
		assert.deepEqual(resolveHermesHome({ ...base, profile: 'work' }), { root: '/home/u/.hermes', home: '/home/u/.hermes/profiles/work', profile: 'work' });
		assert.deepEqual(resolveHermesHome({ ...base, env: { HERMES_HOME: '/x/profiles/coder' } }), { root: '/x', home: '/x/profiles/coder', profile: 'coder' });
		assert.deepEqual(resolveHermesHome({ ...base, env: { HERMES_HOME: '/x/profiles/coder' }, profile: 'other' }), { root: '/x', home: '/x/profiles/other', profile: 'other' });
		assert.throws(() => resolveHermesHome({ ...base, profile: '../escape' }), RangeError);
		assert.throws(() => resolveHermesHome({ ...base, profile: 'Upper' }), RangeError);
	});

	it('uses %LOCALAPPDATA%\\hermes on Windows only when ~/.hermes does not exist', () => {
		const dir = makeTempDir();
		try {
			const localAppData = join(dir, 'Local');
			const windows = { env: { LOCALAPPDATA: localAppData }, platform: 'win32' as const, userHome: dir };
			assert.equal(resolveHermesHome(windows).home, join(dir, '.hermes'));
			mkdirSync(join(localAppData, 'hermes'), { recursive: true });
			assert.equal(resolveHermesHome(windows).home, join(localAppData, 'hermes'));
			mkdirSync(join(dir, '.hermes'));
			assert.equal(resolveHermesHome(windows).home, join(dir, '.hermes'));
		} finally {
			removeDir(dir);
		}
	});

	it('lists profiles, skipping dot names such as the .deleted tombstone', () => {
		const dir = makeTempDir();
		try {
			assert.deepEqual(listProfiles(dir), []);
			for (const name of ['work', '.deleted', 'alpha', 'Not_Valid']) {
				mkdirSync(join(dir, 'profiles', name), { recursive: true });
			}
			assert.deepEqual(listProfiles(dir), ['alpha', 'work']);
		} finally {
			removeDir(dir);
		}
	});
});

describe('Python string semantics for previews', () => {
	it('strips Python whitespace, not JavaScript whitespace', () => {
		assert.equal(pythonStrip('\x1c\x1f\x85 a b\u3000\t'), 'a b');
		assert.equal(pythonStrip('\ufeffa\ufeff'), '\ufeffa\ufeff');
	});

	it('cuts at 60 code points and adds "..." only when longer', () => {
		assert.equal(shapePreview('é'.repeat(60)), 'é'.repeat(60));
		assert.equal(shapePreview(`${'𝄞'.repeat(61)}`), `${'𝄞'.repeat(60)}...`);
		assert.equal(shapePreview('   '), '');
	});
});
