import { ProjectionHost } from '../projections/projection-host';
import { createTestApp, OPS, openAcme, TestApp } from '../testing/test-app';
import { SseClient } from '../testing/sse-client';
import { ChangeLogPruner } from './change-log-pruner';

const HOUR = 3_600_000;

describe('change-log pruning by age (real SQLite read models)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(':memory:', { operations: { changeLogRetentionHours: 1 } });
  });
  afterAll(() => t.close());

  const caughtUp = async () => {
    const runner = t.app.get(ProjectionHost);
    const head = (await t.withHeaders({}).get('/health').expect(200)).body.headPosition as number;
    expect(await runner.waitForPosition(head, 10_000)).toBe(true);
    return runner;
  };

  it('deletes what was logged more than CHANGE_LOG_RETENTION_HOURS ago and keeps the rest; a feed resumes after the kept changes', async () => {
    await openAcme(t);
    const runner = await caughtUp();
    const pruner = t.app.get(ChangeLogPruner);
    const now = Date.now();
    pruner.mark(now);
    const markedId = runner.lastChangeId();
    await openAcme(t);
    await caughtUp();
    const lastId = runner.lastChangeId();
    expect(lastId).toBeGreaterThan(markedId);

    expect(await pruner.prune(now + HOUR / 2)).toBe(0);
    expect((await runner.changesAfter(0, undefined, 100_000))[0].id).toBe(1);
    expect(await pruner.prune(now + HOUR + 60_000)).toBe(markedId);
    const kept = await runner.changesAfter(0, undefined, 100_000);
    expect(kept[0].id).toBe(markedId + 1);
    expect(kept.at(-1)!.id).toBe(lastId);

    // A client that got everything up to the marked change resumes with the first kept one.
    const feed = new SseClient();
    await feed.connect(`${await t.listen()}/live/projections?projections=audit`, { ...t.headersOf(OPS), 'Last-Event-ID': String(markedId) });
    const [first] = await feed.waitFor(1);
    feed.close();
    expect(Number(first.id)).toBe(kept.find((c) => c.projection === 'audit')!.id);
  });
});
