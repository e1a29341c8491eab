import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { EventToAppend } from '../event-store.port';
import { StoreUnavailableError } from '../event-store.errors';
import { rejectionOf } from '../testing/contract/contract-fixtures';
import { tempDatabase } from '../testing/temp-database';
import { SqliteEventStore } from './sqlite-event-store.adapter';

const event = (): EventToAppend => ({ eventId: randomUUID(), type: 'DealNoted', data: {}, metadata: {} });

/**
 * Marks a database file read-only the way SQLite itself honours: a write version above 2 in
 * the header (https://www.sqlite.org/fileformat.html, offset 18). File permissions would not
 * do, because the tests may run as root, who ignores them.
 */
function markReadOnly(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.from([3]), 0, 1, 18);
  } finally {
    closeSync(fd);
  }
}

describe('SqliteEventStore when storage is unavailable', () => {
  let db: ReturnType<typeof tempDatabase>;
  beforeEach(() => (db = tempDatabase()));
  afterEach(() => db.remove());

  it('on a read-only file still reads, and rejects appends with StoreUnavailableError', async () => {
    const writer = new SqliteEventStore({ path: db.path });
    await writer.append('deal-1', [event()]);
    await writer.close();
    markReadOnly(db.path);

    const store = new SqliteEventStore({ path: db.path });
    try {
      expect(await store.readStream('deal-1')).toHaveLength(1);
      const error = await rejectionOf(store.append('deal-1', [event()]), StoreUnavailableError);
      expect(error.code).toBe('STORE.UNAVAILABLE');
      expect(error.cause).toMatchObject({ code: expect.stringMatching(/^SQLITE_READONLY/) });
    } finally {
      await store.close();
    }
  });

  it('fails to open a path that is a directory or inside a missing one', () => {
    mkdirSync(db.path);
    expect(() => new SqliteEventStore({ path: db.path })).toThrow(StoreUnavailableError);
    try {
      new SqliteEventStore({ path: db.path });
    } catch (error) {
      expect((error as StoreUnavailableError).cause).toMatchObject({ code: 'SQLITE_CANTOPEN' });
    }
    expect(() => new SqliteEventStore({ path: `${db.path}/missing/events.db` })).toThrow(StoreUnavailableError);
  });

  it('rejects every append of a batch whose transaction cannot start, and recovers after', async () => {
    const store = new SqliteEventStore({ path: db.path, busyTimeoutMs: 0 });
    const other = new Database(db.path);
    try {
      other.exec('BEGIN IMMEDIATE');
      const outcomes = await Promise.allSettled([store.append('deal-1', [event()]), store.append('deal-2', [event()])]);
      other.exec('COMMIT');
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
        expect((outcome as PromiseRejectedResult).reason.cause).toMatchObject({ code: 'SQLITE_BUSY' });
      }
      expect((await store.readAll()).events).toEqual([]);
      await store.append('deal-1', [event()]);
      expect((await store.readAll()).events).toHaveLength(1);
    } finally {
      other.close();
      await store.close();
    }
  });

  it('after close() rejects every operation with StoreUnavailableError', async () => {
    const store = new SqliteEventStore({ path: db.path });
    await store.close();
    await store.close();
    await rejectionOf(store.append('deal-1', [event()]), StoreUnavailableError);
    await rejectionOf(store.readStream('deal-1'), StoreUnavailableError);
    await rejectionOf(store.readAll(), StoreUnavailableError);
    await rejectionOf(store.headPosition(), StoreUnavailableError);
    expect(() => store.subscribeToAll()).toThrow(StoreUnavailableError);
  });
});
