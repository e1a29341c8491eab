import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore, verifyIntegrity } from '@deals/event-store';
import { dealSummaryProjection } from '@deals/projections';
import { foldEvents } from '@deals/projections/testing/fold-events';
import { seedDataset } from './seed-dataset';
import { writeSeed } from './write-seed';

/** What must be equal between two runs: everything but the store's own stamps (recordedAt, hash, position). */
function byStream(events: RecordedEvent[]) {
  const streams = new Map<string, unknown[]>();
  for (const e of events) {
    const { recordedAt: _recordedAt, ...metadata } = e.metadata;
    streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), { revision: e.revision, eventId: e.eventId, type: e.type, data: e.data, metadata }]);
  }
  return Object.fromEntries([...streams].sort(([a], [b]) => a.localeCompare(b)));
}

describe('writeSeed (real SQLite)', () => {
  const now = new Date('2026-06-30T12:00:00Z');
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'seed-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same events for the same seed, writes nothing on a re-run, and keeps the chain intact', async () => {
    const stores = [new SqliteEventStore({ path: join(dir, 'a.db') }), new SqliteEventStore({ path: join(dir, 'b.db') })];
    try {
      const progress: number[] = [];
      const first = await writeSeed(stores[0], seedDataset({ seed: 'det', deals: 300, start: '2025-03-01' }), { now, onProgress: (p) => progress.push(p.dealsDone) });
      const second = await writeSeed(stores[1], seedDataset({ seed: 'det', deals: 300, start: '2025-03-01' }), { now, concurrency: 7 });
      expect(first.events).toBeGreaterThan(300 * 8);
      expect(second.events).toBe(first.events);
      expect(progress.at(-1)).toBe(300);
      const [a, b] = (await Promise.all(stores.map((s) => s.readAll()))).map((read) => read.events);
      expect(b.length).toBe(a.length);
      expect(byStream(b)).toEqual(byStream(a));

      const again = await writeSeed(stores[0], seedDataset({ seed: 'det', deals: 300, start: '2025-03-01' }), { now });
      expect(again.events).toBe(0);
      expect(again.replayed).toBe(again.commands);
      expect(await stores[0].headPosition()).toBe(a.length);

      expect((await verifyIntegrity(stores[0], { contiguousPositions: true })).ok).toBe(true);
      const summaries = foldEvents(dealSummaryProjection, a);
      expect(summaries.size).toBe(300);
      const statuses = [...summaries.values()].map((d) => d.status);
      expect(statuses).toEqual(expect.arrayContaining(['open', 'won', 'lost']));
      for (const d of summaries.values()) expect(Date.parse(d.lastEventAt)).toBeLessThanOrEqual(now.getTime());
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }, 60_000);
});
