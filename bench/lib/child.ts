import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Runs harness code in a fresh Node process (clean memory figures, optional CPU profile) and reads back its JSON result. */

export const REGISTER = join(__dirname, '..', 'register.js');

export interface ChildOptions {
  /** Write a `--cpu-prof` profile into this folder. */
  readonly cpuProfDir?: string;
  readonly exposeGc?: boolean;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
  /** Receives the profiler-clock window of the section's own work (after start-up). */
  readonly onWindow?: (window: { fromUs: number; toUs: number }) => void;
}

export function nodeArgs(options: ChildOptions): string[] {
  return [
    ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
    ...(options.exposeGc ? ['--expose-gc'] : []),
    '-r', REGISTER,
  ];
}

/** Runs `bench/section.ts` with the given job; resolves with what the job returned. */
export async function runSection<T>(job: object, workDir: string, options: ChildOptions = {}): Promise<T> {
  mkdirSync(workDir, { recursive: true });
  if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
  const resultFile = join(workDir, `result-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const child = fork(join(__dirname, '..', 'section.ts'), [], {
    execArgv: nodeArgs(options),
    env: { ...process.env, ...options.env, BENCH_JOB: JSON.stringify(job), BENCH_RESULT: resultFile },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let signal: NodeJS.Signals | null = null;
  child.once('exit', (_code, s) => (signal = s));
  const code = await exited(child, options.timeoutMs ?? 30 * 60_000);
  if (code !== 0) {
    const how = signal ? `was killed by ${signal}` : `exited with ${code}`;
    throw Object.assign(new Error(`bench section ${JSON.stringify(job).slice(0, 120)} ${how}`), { signal });
  }
  const { result, window } = JSON.parse(readFileSync(resultFile, 'utf8')) as { result: T; window: { fromUs: number; toUs: number } };
  rmSync(resultFile, { force: true });
  options.onWindow?.(window);
  return result;
}

export function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child ${child.pid} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : null));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Starts a server script that reports `{ port }` over IPC once it listens. */
export async function startServer(script: string, options: ChildOptions & { args?: object }): Promise<{ child: ChildProcess; port: number }> {
  if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
  const child = fork(script, [], {
    execArgv: nodeArgs(options),
    env: { ...process.env, ...options.env, BENCH_JOB: JSON.stringify(options.args ?? {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start`)), 60_000);
    child.once('message', (m: { port?: number }) => {
      clearTimeout(timer);
      if (typeof m?.port === 'number') resolve(m.port);
      else reject(new Error(`${script} sent ${JSON.stringify(m)}`));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  return { child, port };
}

/** Asks a server started by `startServer` to stop (it flushes its profile on a clean exit). */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.send({ stop: true });
  await exited(child, 30_000).catch(() => child.kill('SIGKILL'));
}
