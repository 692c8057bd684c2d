import assert from 'node:assert/strict';
import { defaultConfig, readConfig, serviceInputsChanged } from '../../../src/host/config.ts';

const source = (values: Record<string, unknown>) => ({ get: (key: string) => values[key] });

describe('readConfig', () => {
	it('reads every setting', () => {
		assert.deepEqual(
			readConfig(source({ hermesHome: ' /data/hermes ', profile: 'work', ttlSeconds: 300, notifyOnUnlock: false, showStatusBar: false, scanWorkers: 3 })),
			{ hermesHome: '/data/hermes', profile: 'work', ttlSeconds: 300, notifyOnUnlock: false, showStatusBar: false, scanWorkers: 3 },
		);
	});

	it('falls back to the defaults for missing or mistyped values', () => {
		assert.deepEqual(readConfig(source({})), defaultConfig);
		assert.deepEqual(
			readConfig(source({ hermesHome: 42, profile: null, ttlSeconds: 'soon', notifyOnUnlock: 'yes', showStatusBar: 1, scanWorkers: 1.5 })),
			defaultConfig,
		);
		assert.equal(readConfig(source({ ttlSeconds: Number.NaN })).ttlSeconds, defaultConfig.ttlSeconds);
		assert.equal(readConfig(source({ scanWorkers: -2 })).scanWorkers, defaultConfig.scanWorkers);
	});

	it('holds the TTL at its minimum of 5 seconds', () => {
		assert.equal(readConfig(source({ ttlSeconds: 1 })).ttlSeconds, 5);
		assert.equal(readConfig(source({ ttlSeconds: -30 })).ttlSeconds, 5);
	});
});

describe('serviceInputsChanged', () => {
	it('needs a new service for another home, profile, TTL or thread count only', () => {
		assert.equal(serviceInputsChanged(defaultConfig, { ...defaultConfig, hermesHome: '/elsewhere' }), true);
		assert.equal(serviceInputsChanged(defaultConfig, { ...defaultConfig, profile: 'work' }), true);
		assert.equal(serviceInputsChanged(defaultConfig, { ...defaultConfig, ttlSeconds: 60 }), true);
		assert.equal(serviceInputsChanged(defaultConfig, { ...defaultConfig, scanWorkers: 2 }), true);
		assert.equal(serviceInputsChanged(defaultConfig, { ...defaultConfig, showStatusBar: false, notifyOnUnlock: false }), false);
	});
});
