import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glyphOutlineBytes } from './woffGlyphs.ts';

const root = join(import.meta.dirname, '..', '..', '..');

interface ContributedIcon {
	readonly description: string;
	readonly default: { readonly fontPath: string; readonly fontCharacter: string };
}

interface Manifest {
	readonly contributes: {
		readonly icons?: Readonly<Record<string, ContributedIcon>>;
		readonly commands: readonly { readonly command: string; readonly icon?: string }[];
	};
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const contributed = manifest.contributes.icons ?? {};

function codiconNames(): Set<string> {
	const mapping = JSON.parse(readFileSync(join(root, 'node_modules', '@vscode', 'codicons', 'src', 'template', 'mapping.json'), 'utf8')) as Record<string, string[]>;
	return new Set(Object.values(mapping).flat());
}

/** Every `$(name)` or `$(name~spin)` in the host sources and in the manifest's command icons. */
function referencedIcons(): Map<string, string> {
	const found = new Map<string, string>();
	const hostDir = join(root, 'src', 'host');
	const sources = readdirSync(hostDir).filter((name) => name.endsWith('.ts')).map((name) => ({ where: `src/host/${name}`, text: readFileSync(join(hostDir, name), 'utf8') }));
	const commandIcons = manifest.contributes.commands.map((command) => ({ where: `package.json ${command.command}`, text: command.icon ?? '' }));
	for (const { where, text } of [...sources, ...commandIcons]) {
		for (const match of text.matchAll(/\$\(([a-z0-9-]+)(?:~[a-z]+)?\)/g)) {
			found.set(match[1] ?? '', where);
		}
	}
	return found;
}

describe('icons shown with $(name) syntax', () => {
	it('are all codicons or icons this extension contributes', () => {
		const codicons = codiconNames();
		const references = referencedIcons();
		assert.ok(references.has('hermes-trophy'), 'the status bar no longer uses the contributed trophy');
		const unknown = [...references].filter(([name]) => !codicons.has(name) && !(name in contributed));
		assert.deepEqual(unknown, [], 'icons that neither the codicon font nor contributes.icons can draw');
	});

	it('contribute a trophy whose font really draws a glyph at its code point', () => {
		const trophy = contributed['hermes-trophy'];
		assert.ok(trophy !== undefined, 'package.json contributes no hermes-trophy icon');
		assert.ok(trophy.description.length > 0);
		const character = /^\\([0-9A-Fa-f]{4,5})$/.exec(trophy.default.fontCharacter);
		assert.ok(character !== null, `fontCharacter ${trophy.default.fontCharacter} is not a \\XXXX code point`);
		const fontFile = join(root, trophy.default.fontPath);
		assert.ok(existsSync(fontFile), `${trophy.default.fontPath} is missing`);
		assert.ok(glyphOutlineBytes(readFileSync(fontFile), Number.parseInt(character[1] ?? '', 16)) > 0, 'the font has no outline at that code point');
		const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
		assert.ok(ignore.includes(`!${trophy.default.fontPath}`), '.vscodeignore leaves the font out of the package');
	});
});
