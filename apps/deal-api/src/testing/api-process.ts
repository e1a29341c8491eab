import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { SqliteEventStore } from '@deals/event-store';
import { registerUsers } from '@deals/seed';
import { signAccessToken, tokenSigner } from '@deals/access-tokens';

const root = join(__dirname, '..', '..', '..', '..');

/** The real API in its own process (ts-node), for tests that kill it. */
export class ApiProcess {
  private child?: ChildProcess;
  private output = '';
  url = '';

  /** `users` are registered in the embedded store in DATA_DIR before the first start (tokens need registered users). */
  constructor(
    private readonly env: Record<string, string>,
    private readonly users: readonly { id: string; roles: string[] }[] = [],
  ) {}

  async start(timeoutMs = 60_000): Promise<string> {
    this.output = '';
    if (this.users.length > 0) await registerUsersIn(join(this.env.DATA_DIR, 'events.db'), this.users);
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'apps/deal-api/src/main.ts')],
      { cwd: root, env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json'), HOST: '127.0.0.1', PORT: '0', ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`API did not start in ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
      const check = () => {
        const m = /Deal API ready at (http:\/\/[^\s]+)/.exec(this.output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout!.on('data', check);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`API exited with ${code} before it was ready:\n${this.output}`));
      });
    });
    return this.url;
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}

/** A bearer token signed with the secret the API process was given. */
export function tokenFor(secret: string, id: string, roles: string[]): string {
  return signAccessToken(tokenSigner(secret), { id, roles });
}

/** Registers users straight into the embedded store file (tokens need registered users). */
async function registerUsersIn(eventsDb: string, users: readonly { id: string; roles: string[] }[]): Promise<void> {
  const store = new SqliteEventStore({ path: eventsDb });
  try {
    await registerUsers(store, users);
  } finally {
    await store.close();
  }
}
