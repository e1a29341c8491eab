import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { DealSummary, dealSummaryProjection, LoggedChange, ProjectionDatabase } from '@deals/projections';
import { createTestApp, OPS, REP, TestApp } from '../../testing/test-app';
import { HostedProjectionStatus, ProjectionHost } from '../projection-host';
import { WorkerProjectionHost } from './worker-projection-host';

const openDeal = (t: TestApp, name: string) =>
  t.as(REP).post('/deals', { name, account: { name }, currency: 'EUR', expectedAmount: '1.00' });

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('projections on a worker thread (PROJECTIONS_THREAD=worker, real SQLite files)', () => {
  let dir: string;
  let t: TestApp;
  let host: WorkerProjectionHost;
  const emitted: LoggedChange[] = [];
  let log = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projections-worker-'));
    const out = new PassThrough();
    out.on('data', (chunk) => (log += chunk));
    t = await createTestApp(dir, { projectionsThread: 'worker', operations: { logLevel: 'info' } }, { logDestination: out });
    host = t.app.get(ProjectionHost) as WorkerProjectionHost;
    host.changes$.subscribe((change) => emitted.push(change));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds on another thread, and a command\'s read-your-writes still holds', async () => {
    expect(host).toBeInstanceOf(WorkerProjectionHost);
    const statuses = (await t.as(OPS).get('/projections').expect(200)).body as HostedProjectionStatus[];
    expect(statuses.map((s) => s.name).sort()).toEqual([...host.names].sort());
    for (const s of statuses) {
      expect(s).toMatchObject({ thread: 'worker', state: 'running' });
      expect(s.threadId).not.toBe(threadId);
      expect(s.threadId).toBe(host.thread!.threadId);
    }

    const open = await openDeal(t, 'Off-loop').expect(201);
    const res = await t.as(REP).get(`/pipeline?minPosition=${open.body.position}&waitMs=5000`).expect(200);
    expect(res.body.position).toBeGreaterThanOrEqual(open.body.position);
    // The mirror on this thread holds the document the worker folded, and the live feed heard of it.
    expect(host.readModel<DealSummary>(dealSummaryProjection.name).get(open.body.dealId)).toMatchObject({ dealId: open.body.dealId, name: 'Off-loop' });
    expect(emitted.some((c) => c.projection === dealSummaryProjection.name && c.key === open.body.dealId)).toBe(true);
    const timeline = await t.as(REP).get(`/audit/deals/${open.body.dealId}?minPosition=${open.body.position}`).expect(200);
    expect(timeline.body.entries.map((e: { type: string }) => e.type)).toEqual(['DealOpened']);
  });

  it('rebuilds in the worker with progress, and the mirror then holds the rebuilt documents and follows on', async () => {
    await openDeal(t, 'Before rebuild').expect(201);
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    expect(await host.waitForPosition(head, 10_000)).toBe(true);
    const before = new Map(host.readModel<DealSummary>(dealSummaryProjection.name) as ReadonlyMap<string, DealSummary>);
    const progress: number[] = [];
    const result = await host.rebuild(dealSummaryProjection.name, (p) => progress.push(p.position));
    expect(result.position).toBeGreaterThanOrEqual(head);
    expect(progress.length).toBeGreaterThan(0);
    expect(new Map(host.readModel<DealSummary>(dealSummaryProjection.name) as ReadonlyMap<string, DealSummary>)).toEqual(before);

    const after = await openDeal(t, 'After rebuild').expect(201);
    await t.as(REP).get(`/pipeline?minPosition=${after.body.position}&waitMs=5000`).expect(200);
    expect(host.readModel<DealSummary>(dealSummaryProjection.name).get(after.body.dealId)?.name).toBe('After rebuild');
  });

  it('answers an as-of query asked after the worker swapped a rebuild in, before this thread heard of it', async () => {
    const name = dealSummaryProjection.name;
    const open = await openDeal(t, 'As of during a swap').expect(201);
    expect(await host.waitForPosition(open.body.position, 10_000)).toBe(true);
    const file = new Database(join(dir, 'projections.db'), { readonly: true });
    try {
      const build = () => (file.prepare('SELECT build FROM projection_state WHERE name = ?').get(name) as { build: number }).build;
      const versionsKept = (b: number) => file.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(`projection_versions_${b}`) !== undefined;
      const old = build();
      const rebuilt = host.rebuild(name);
      // This thread reads no message meanwhile: the worker's reply waits until the as-of query below has been asked.
      for (const until = Date.now() + 30_000; versionsKept(old) && Date.now() < until;) { /* the worker rebuilds on its own thread */ }
      expect(versionsKept(old)).toBe(false);
      expect(build()).not.toBe(old);
      const asOf = await host.queryAsOf<DealSummary, string | undefined>(name, open.body.position, (docs) => docs.get(open.body.dealId)?.name, 1000);
      expect(asOf?.result).toBe('As of during a swap');
      await rebuilt;
    } finally {
      file.close();
    }
  });

  it('reports a killed worker (readiness down), starts it again, and loses no event or change', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const first = host.thread!;
    const startsBefore = host.starts;
    const emittedBefore = emitted.length;
    const fromChange = emitted.at(-1)?.id ?? 0;

    // Commands keep coming while the worker is killed in the middle of them.
    const opened: string[] = [];
    const load = (async () => {
      for (let i = 0; i < 30; i++) opened.push((await openDeal(t, `During crash ${i}`).expect(201)).body.dealId);
    })();
    await waitFor(() => opened.length >= 5, 20_000, 'the first commands');
    await first.terminate();

    const down = await t.withHeaders({}).get('/health/ready');
    expect(down.status).toBe(503);
    expect(down.body.error).toBe('HEALTH.NOT_READY');
    const stopped = (await t.as(OPS).get('/projections').expect(200)).body as HostedProjectionStatus[];
    expect(stopped.every((s) => s.state === 'stopped' && /not running/.test(s.lastError ?? ''))).toBe(true);

    await load;
    await waitFor(async () => (await t.withHeaders({}).get('/health/ready')).status === 200, 30_000, 'readiness after the restart');
    expect(log).toMatch(/projections worker exited with code 1; starting it again/);
    expect(log).toMatch(/projections worker started again/);
    expect(host.starts).toBe(startsBefore + 1);
    expect(host.thread!.threadId).not.toBe(first.threadId);

    const head = await store.headPosition();
    expect(await host.waitForPosition(head, 20_000)).toBe(true);
    const deals = host.readModel<DealSummary>(dealSummaryProjection.name);
    for (const dealId of opened) expect(deals.get(dealId)?.name).toMatch(/^During crash /);
    // Every change the worker logged reached live feeds once, in order, across the restart.
    const logged = (await host.changesAfter(fromChange, undefined, 100_000)).map((c) => c.id);
    // Changes the killed worker committed but never posted are replayed from the log after the restart.
    for (const deadline = Date.now() + 20_000; (emitted.at(-1)?.id ?? 0) < logged.at(-1)! && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
    expect(emitted.slice(emittedBefore).map((c) => c.id)).toEqual(logged);
    expect(logged.length).toBeGreaterThanOrEqual(opened.length);
  });

  it('stops the worker with the app, every checkpoint committed at the head', async () => {
    const other = mkdtempSync(join(tmpdir(), 'projections-worker-stop-'));
    try {
      const out = new PassThrough();
      let lines = '';
      out.on('data', (chunk) => (lines += chunk));
      const app = await createTestApp(other, { projectionsThread: 'worker', operations: { logLevel: 'info' } }, { logDestination: out });
      for (let i = 0; i < 5; i++) await openDeal(app, `Before stop ${i}`).expect(201);
      const head = await app.app.get<EventStore>(EVENT_STORE).headPosition();
      const names = app.app.get(ProjectionHost).names;
      await app.close();
      expect(lines).not.toMatch(/did not stop in time/);
      const db = new ProjectionDatabase(join(other, 'projections.db'));
      try {
        for (const name of names) expect(db.state(name)?.position).toBe(head);
      } finally {
        db.close();
      }
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
