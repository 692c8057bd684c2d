import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export const nodeFlags = ['--disable-warning=ExperimentalWarning', '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'];

/**
 * A child Node process that reports in JSON lines on stdout: every line is kept (in order, with the
 * time it arrived), stderr passes through to the test's output, commands go in on stdin.
 */
export class JsonLineChild<T = Record<string, unknown>> {
	readonly process: ChildProcess;
	readonly lines: T[] = [];
	readonly exited: Promise<number | null>;
	readonly name: string;
	private stopped = false;

	constructor(script: string, args: readonly string[], name = script) {
		this.name = name;
		this.process = spawn(process.execPath, [...nodeFlags, script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
		this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => {
			this.stopped = true;
			resolve(signal === null ? code : null);
		}));
		createInterface({ input: this.process.stdout! }).on('line', (line) => {
			try {
				this.lines.push(JSON.parse(line) as T);
			} catch {
				process.stderr.write(`[${this.name}] ${line}\n`);
			}
		});
		// A command sent to a child that just died must not take the test down with EPIPE.
		this.process.stdin!.on('error', () => undefined);
	}

	get pid(): number {
		return this.process.pid!;
	}

	get running(): boolean {
		return !this.stopped;
	}

	send(command: string): void {
		if (this.running) {
			this.process.stdin!.write(`${command}\n`);
		}
	}

	/** The first line (from `from` on) that `pick` maps to something, once it has arrived. */
	find<R>(pick: (line: T) => R | undefined, from = 0): R | undefined {
		for (let i = from; i < this.lines.length; i++) {
			const found = pick(this.lines[i]!);
			if (found !== undefined) {
				return found;
			}
		}
		return undefined;
	}

	kill(signal: NodeJS.Signals = 'SIGKILL'): void {
		if (this.running) {
			this.process.kill(signal);
		}
	}
}
