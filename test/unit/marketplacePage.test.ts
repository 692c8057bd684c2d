import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

describe('the extension details page (docs/marketplace/README.md)', () => {
	const page = read('docs/marketplace/README.md');

	it('is the README the .vsix is packed with', () => {
		const manifest = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
		assert.match(manifest.scripts.package ?? '', /--readme-path docs\/marketplace\/README\.md/);
	});

	it('shows only images that are packed into the .vsix, by paths from the extension root', () => {
		const images = [...page.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]!);
		assert.ok(images.length > 0, 'the page has screenshots');
		const allowed = new Set(read('.vscodeignore').split('\n').filter((line) => line.startsWith('!')).map((line) => line.slice(1)));
		for (const image of images) {
			assert.doesNotMatch(image, /^(https?:|\.\.\/)/, `${image}: the page must work offline, from inside the package`);
			assert.ok(existsSync(join(root, image)), `${image} does not exist`);
			assert.ok(allowed.has(image), `${image} is not let into the .vsix by .vscodeignore`);
		}
	});

	it('speaks to users, not to developers', () => {
		const shown = page.replace(/<!--[\s\S]*?-->/g, '');
		assert.doesNotMatch(shown, /\bnpm (install|start|test|run)\b/);
	});
});
