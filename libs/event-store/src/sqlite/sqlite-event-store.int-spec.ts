import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../testing';
import { SqliteEventStore } from './sqlite-event-store.adapter';

describeEventStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-'));
  const store = new SqliteEventStore({ path: join(dir, 'events.db') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeEventStoreContract('SQLite in memory', async () => {
  const store = new SqliteEventStore({ path: ':memory:' });
  return { store, cleanup: () => store.close() };
});
