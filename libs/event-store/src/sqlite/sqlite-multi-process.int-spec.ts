import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { EventToAppend } from '../event-store.port';
import { take } from '../testing/contract/contract-fixtures';
import { tempDatabase } from '../testing/temp-database';
import { SqliteEventStore } from './sqlite-event-store.adapter';

const event = (): EventToAppend => ({ eventId: randomUUID(), type: 'DealNoted', data: {}, metadata: {} });

// Holds the write lock of the database at argv[1] for 300 ms, saying LOCKED once it has it.
const HOLD_WRITE_LOCK = `
  const Database = require('better-sqlite3');
  const db = new Database(process.argv[1]);
  db.exec('BEGIN IMMEDIATE');
  process.stdout.write('LOCKED\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  db.exec('COMMIT');
  db.close();
`;

describe('SqliteEventStore shared by several connections', () => {
  let db: ReturnType<typeof tempDatabase>;
  const stores: SqliteEventStore[] = [];
  const open = (pollIntervalMs?: number) => {
    const store = new SqliteEventStore({ path: db.path, pollIntervalMs });
    stores.push(store);
    return store;
  };
  beforeEach(() => (db = tempDatabase()));
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    db.remove();
  });

  it('a live subscription sees events appended through another connection (by polling)', async () => {
    const reader = open(20);
    const writer = open();
    await writer.append('deal-1', [event()]);
    const subscription = reader.subscribeToAll({ fromPosition: 'end' });
    const iterator = subscription[Symbol.asyncIterator]();
    // Let the reader catch up and wait, so only a poll can find what the writer appends.
    const delivering = take(iterator, 2);
    await new Promise((resolve) => setImmediate(resolve));
    const appended = [event(), event()];
    await writer.append('deal-1', [appended[0]]);
    await writer.append('deal-2', [appended[1]]);
    const delivered = await delivering;
    await subscription.close();
    expect(delivered.map((e) => e.eventId)).toEqual(appended.map((e) => e.eventId));
  });

  it('both connections append to one stream without losing or forking it', async () => {
    const [a, b] = [open(), open()];
    for (let i = 0; i < 10; i++) {
      await Promise.all([a.append('deal-1', [event()]), b.append('deal-1', [event()])]);
    }
    const stream = await a.readStream('deal-1');
    expect(stream.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    stream.slice(1).forEach((e, i) => expect(e.prevHash).toBe(stream[i].hash));
  });

  it('an append waits for another process holding the write lock instead of failing', async () => {
    const store = open();
    const child = spawn(process.execPath, ['-e', HOLD_WRITE_LOCK, db.path], {
      cwd: resolve(__dirname, '../../../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    const [chunk] = await once(child.stdout, 'data');
    expect(String(chunk)).toBe('LOCKED\n');
    const result = await store.append('deal-1', [event()]);
    expect(result.nextExpectedRevision).toBe(0);
    expect(await exited).toEqual([0, null]);
  });
});
