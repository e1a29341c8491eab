import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preparePrivateDataDir } from './private-files';
import { SqliteEventStore } from './sqlite-event-store.adapter';

const modeOf = (path: string) => (statSync(path).mode & 0o7777).toString(8);
const append = (store: SqliteEventStore) =>
  store.append('deal-1', [{ eventId: randomUUID(), type: 'DealNoted', data: {}, metadata: {} }]);

describe('private data files (real files, umask 022)', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    umask = process.umask(0o022);
    root = mkdtempSync(join(tmpdir(), 'private-files-'));
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('creates events.db, its -wal and -shm owner-only', async () => {
    const path = join(root, 'events.db');
    const store = new SqliteEventStore({ path });
    try {
      await append(store);
      expect([path, `${path}-wal`, `${path}-shm`].map(existsSync)).toEqual([true, true, true]);
      expect([path, `${path}-wal`, `${path}-shm`].map(modeOf)).toEqual(['600', '600', '600']);
    } finally {
      await store.close();
    }
  });

  it('tightens an existing store and its -wal and -shm when it opens them', async () => {
    const path = join(root, 'events.db');
    const first = new SqliteEventStore({ path });
    await append(first);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) chmodSync(file, 0o644);
    const second = new SqliteEventStore({ path });
    try {
      expect([path, `${path}-wal`, `${path}-shm`].map(modeOf)).toEqual(['600', '600', '600']);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('makes a new data folder 0700 and tightens an existing one and every file in it', () => {
    const fresh = join(root, 'new', 'data');
    preparePrivateDataDir(fresh);
    expect(modeOf(fresh)).toBe('700');

    const old = join(root, 'old');
    mkdirSync(old, { mode: 0o755 });
    const files = ['events.db', 'events.db-wal', 'projections.db', 'projections.db-shm', 'auth-secret'];
    for (const file of files) writeFileSync(join(old, file), 'x', { mode: 0o644 });
    chmodSync(old, 0o755);
    preparePrivateDataDir(old);
    expect(modeOf(old)).toBe('700');
    expect(files.map((file) => modeOf(join(old, file)))).toEqual(files.map(() => '600'));
  });

  it('leaves a shared sticky folder (like /tmp) as it is', () => {
    const shared = join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    writeFileSync(join(shared, 'someone-else'), 'x', { mode: 0o644 });
    chmodSync(join(shared, 'someone-else'), 0o644);
    preparePrivateDataDir(shared);
    expect([modeOf(shared), modeOf(join(shared, 'someone-else'))]).toEqual(['1777', '644']);
  });
});
