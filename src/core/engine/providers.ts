/** Provider names recognised inside a model name, in the reference's order of preference. */
const knownProviders = [
	'openai', 'anthropic', 'google', 'gemini', 'mistral', 'meta', 'qwen', 'deepseek', 'xai', 'nous', 'ollama',
	'groq', 'openrouter', 'codex',
] as const;

const localModelMarkers = ['ollama', 'llama.cpp', 'localhost', '127.0.0.1', 'local/', 'local:', 'gguf', 'vllm-local'] as const;

/** The provider a model name belongs to (docs/engine.md §3), or null when it names none. */
export function modelProvider(model: string): string | null {
	const name = model.trim().toLowerCase();
	if (name === '' || name === 'none') {
		return null;
	}
	const slash = name.indexOf('/');
	if (slash >= 0) {
		return name.slice(0, slash);
	}
	const known = knownProviders.find((provider) => name.includes(provider));
	if (known) {
		return known === 'gemini' ? 'google' : known;
	}
	return name.split(':')[0]!.split('-')[0]!;
}

export function isLocalModel(model: string): boolean {
	const name = model.toLowerCase();
	return localModelMarkers.some((marker) => name.includes(marker));
}
