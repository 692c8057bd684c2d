/** Type guards shared by the validators of the files the engine keeps. */

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

export function isNullableNumber(value: unknown): value is number | null {
	return value === null || isFiniteNumber(value);
}

export function isNullableString(value: unknown): value is string | null {
	return value === null || typeof value === 'string';
}

export function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function isNumberArray(value: unknown): value is number[] {
	return Array.isArray(value) && value.every(isFiniteNumber);
}

export function isNumberRecord(value: unknown): value is Record<string, number> {
	return isRecord(value) && Object.values(value).every(isFiniteNumber);
}

/** Thrown by a validator to say why a file cannot be trusted; `readJsonFile` reports the message. */
export class InvalidShape extends Error {
	override readonly name = 'InvalidShape';
}
