import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { verifyChain } from '../hash-chain';
import { tempDatabase } from '../testing/temp-database';
import { SqliteEventStore } from './sqlite-event-store.adapter';

const REPO_ROOT = resolve(__dirname, '../../../..');
const APPENDER = resolve(__dirname, '../testing/crash-appender.script.ts');

interface Ack {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
}

/** Runs the appender and SIGKILLs it as soon as it has acknowledged `killAfter` appends. */
function appendUntilKilled(path: string, killAfter: number): Promise<Ack[]> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', APPENDER, path], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  let pending = '';
  let stderr = '';
  let unexpected: string | undefined;
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [word, streamId, revision, position] = line.split(' ');
      if (word !== 'ACK') {
        unexpected ??= line;
        child.kill('SIGKILL');
        continue;
      }
      acks.push({ streamId, revision: Number(revision), position: Number(position) });
      if (acks.length === killAfter) child.kill('SIGKILL');
    }
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    // Lines that were already in the pipe when it died were acknowledged too: 'close' waits for them.
    child.on('close', (code, signal) => {
      if (unexpected !== undefined) fail(new Error(`Unexpected output from the appender: ${unexpected}`));
      else if (signal === 'SIGKILL') done(acks);
      else fail(new Error(`The appender exited with ${code}: ${stderr}`));
    });
  });
}

describe('SqliteEventStore durability', () => {
  let db: ReturnType<typeof tempDatabase>;
  beforeAll(() => (db = tempDatabase()));
  afterAll(() => db.remove());

  it('keeps every acknowledged append, hash chains intact, across repeated SIGKILLs', async () => {
    const acknowledged: Ack[] = [];
    for (const killAfter of [20, 75, 40, 120]) {
      const acks = await appendUntilKilled(db.path, killAfter);
      expect(acks.length).toBeGreaterThanOrEqual(killAfter);
      acknowledged.push(...acks);

      const store = new SqliteEventStore({ path: db.path });
      try {
        for (const ack of acknowledged) {
          const [event] = await store.readStream(ack.streamId, { fromRevision: ack.revision, maxCount: 1 });
          expect({ streamId: event?.streamId, revision: event?.revision, position: event?.position }).toEqual(ack);
        }
        const all = (await store.readAll()).events;
        all.slice(1).forEach((e, i) => expect(e.position).toBeGreaterThan(all[i].position));
        for (const streamId of new Set(all.map((e) => e.streamId))) {
          const stream = await store.readStream(streamId);
          expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => i));
          expect(verifyChain(stream)).toEqual({ ok: true });
        }
      } finally {
        await store.close();
      }
    }
  }, 60_000);
});
