import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');
const main = join(root, 'apps', 'kafka-relay', 'src', 'main.ts');

export interface RelayProcess {
  readonly child: ChildProcess;
  /** Resolves with the position of the batch that made `stopWhen` true. */
  readonly reached: Promise<number>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/**
 * The relay's own entry point in a child process (TypeScript run directly), with LOG_LEVEL=debug
 * so it reports each acknowledged batch: "published <n> events through position <p>".
 * `stopWhen(batches)` is asked after each reported batch.
 */
export function startRelayProcess(env: Record<string, string>, stopWhen: (batches: number) => boolean): RelayProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RELAY_HEALTH_PORT: '0', RELAY_HEALTH_HOST: '127.0.0.1', ...env, LOG_LEVEL: 'debug', NO_COLOR: '1', TS_NODE_PROJECT: join(root, 'tsconfig.json') },
  });
  let output = '';
  let buffered = '';
  let batches = 0;
  let resolveReached: (position: number) => void = () => undefined;
  const reached = new Promise<number>((resolve) => (resolveReached = resolve));
  child.stderr?.on('data', (d) => (output += d));
  child.stdout?.on('data', (d: Buffer) => {
    output += d;
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const m = /published \d+ events through position (\d+)/.exec(line);
      if (m && stopWhen(++batches)) resolveReached(Number(m[1]));
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, reached, exited, output: () => output };
}
