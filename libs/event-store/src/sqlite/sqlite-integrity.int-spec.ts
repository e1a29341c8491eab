import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyIntegrity } from '../chain-verifier';
import { SqliteEventStore } from './sqlite-event-store.adapter';

/** Tampering done the way an attacker with the file would: straight SQL, behind the store's back. */
describe('integrity verification of the embedded store', () => {
  let dir: string;
  let path: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'integrity-'));
    path = join(dir, 'events.db');
    const store = new SqliteEventStore({ path });
    for (let i = 0; i < 30; i++) {
      const appends = ['deal-a', 'deal-b', 'deal-c'].map((s) =>
        store.append(s, [{ eventId: randomUUID(), type: 'Noted', data: { i, amountMinor: 100 * i }, metadata: { actor: { id: 'ana', roles: ['rep'] } } }]),
      );
      // A conflicting append in the same batch must not leave a gap.
      appends.push(store.append('deal-a', [{ eventId: randomUUID(), type: 'Noted', data: {}, metadata: {} }], { expectedRevision: 999 }).catch(() => ({ nextExpectedRevision: -1, position: 0 })));
      await Promise.all(appends);
    }
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const verify = async () => {
    const store = new SqliteEventStore({ path });
    try {
      return await verifyIntegrity(store, { contiguousPositions: true, pageSize: 17 });
    } finally {
      await store.close();
    }
  };
  const tamper = (sql: string, ...params: unknown[]) => {
    const db = new Database(path);
    db.prepare(sql).run(...params);
    db.close();
  };

  it('finds nothing wrong in an untouched store', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, eventsChecked: 90, streamsChecked: 3, brokenStreams: [], missingPositions: [] });
  });

  it('detects an edited event, naming its stream, revision and what is wrong', async () => {
    tamper("UPDATE events SET data = json_set(data, '$.amountMinor', 1) WHERE stream_id = 'deal-b' AND revision = 7");
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.brokenStreams).toEqual([expect.objectContaining({ streamId: 'deal-b', revision: 7, reason: expect.stringContaining('edited') })]);
  });

  it('detects an edit that also recomputed the edited event hash (the next link breaks)', async () => {
    tamper("UPDATE events SET hash = 'f' || substr(hash, 2), data = json_set(data, '$.amountMinor', 1) WHERE stream_id = 'deal-c' AND revision = 3");
    const report = await verify();
    expect(report.brokenStreams[0]).toMatchObject({ streamId: 'deal-c', revision: 3 });
  });

  it('detects a deleted event in the middle of a stream', async () => {
    tamper("DELETE FROM events WHERE stream_id = 'deal-a' AND revision = 12");
    const report = await verify();
    expect(report.brokenStreams).toEqual([expect.objectContaining({ streamId: 'deal-a', revision: 13, reason: expect.stringContaining('missing') })]);
    expect(report.missingPositions).toHaveLength(1);
  });

  it("detects a deleted last event of a stream through the gap it leaves in $all", async () => {
    tamper("DELETE FROM events WHERE stream_id = 'deal-a' AND revision = 29");
    const report = await verify();
    expect(report.brokenStreams).toEqual([]);
    expect(report.ok).toBe(false);
    expect(report.missingPositions).toHaveLength(1);
  });
});
