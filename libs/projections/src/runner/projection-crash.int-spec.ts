import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@deals/event-store';
import { eventCounterProjection, recount } from '../testing/event-counter.projection';
import { seedStore } from '../testing/seed-store';
import { ProjectionDatabase } from './projection-database';
import { ProjectionRunner } from './projection-runner';

const root = join(__dirname, '..', '..', '..', '..');
const script = join(__dirname, '..', 'testing', 'crash-projector.script.ts');

/** Starts the projector and SIGKILLs it right after it reports its `killAfter`-th batch. */
function runAndKill(storePath: string, projectionsPath: string, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, storePath, projectionsPath],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') } },
    );
    let batches = 0;
    let lastPosition = 0;
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^BATCH (\d+)$/.exec(line);
        if (!m) continue;
        lastPosition = Number(m[1]);
        if (++batches === killAfter) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lastPosition);
      else reject(new Error(`projector exited with ${code} before it was killed: ${stderr}`));
    });
  });
}

describe('projection crash safety (SIGKILL during catch-up)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'projection-crash-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts every event exactly once after repeated kills and a restart', async () => {
    const storePath = join(dir, 'events.db');
    const projectionsPath = join(dir, 'projections.db');
    const store = new SqliteEventStore({ path: storePath });
    await seedStore(store, 20_000, 97);
    const head = await store.headPosition();

    const killedAt: number[] = [];
    for (const killAfter of [7, 23, 3, 41, 15]) {
      killedAt.push(await runAndKill(storePath, projectionsPath, killAfter));
      const checkpoint = new ProjectionDatabase(projectionsPath);
      const state = checkpoint.state('event-counter');
      const total = checkpoint.documents<{ count: number }>('event-counter').get('total');
      checkpoint.close();
      // The stored count always matches the stored checkpoint: they commit together.
      expect(total?.count ?? 0).toBe(state?.position ?? 0);
    }
    expect(killedAt.every((p) => p > 0 && p < head)).toBe(true);
    expect(killedAt[killedAt.length - 1]).toBeGreaterThan(killedAt[0]);

    const db = new ProjectionDatabase(projectionsPath);
    const runner = new ProjectionRunner(store, db, [eventCounterProjection()], { batchSize: 500 });
    await runner.start();
    expect(await runner.waitForPosition(head, 60_000)).toBe(true);
    const live = Object.fromEntries(runner.readModel('event-counter'));
    await runner.stop();
    db.close();
    const expected = Object.fromEntries(recount((await store.readAll()).events));
    await store.close();
    expect(live).toEqual(expected);
    expect((live.total as { count: number }).count).toBe(20_000);
  }, 120_000);
});
