import { ProjectionDatabase } from '@deals/projections';
import { PROJECTION_DATABASE } from '../projections/projections.tokens';
import { SseClient } from '../testing/sse-client';
import { createTestApp, OPS, openAcme, REP, TestApp } from '../testing/test-app';
import { MetricsServer } from './metrics-server';

/** The value of one sample in Prometheus text, e.g. `name{a="b"}`; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('metrics on their own port (real HTTP, Prometheus text)', () => {
  let t: TestApp;
  let scrape: () => Promise<string>;
  beforeAll(async () => {
    t = await createTestApp(':memory:', { operations: { metricsPort: 0, metricsHost: '127.0.0.1' } });
    const url = t.app.get(MetricsServer).url!;
    scrape = async () => {
      const res = await fetch(`${url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      return res.text();
    };
  });
  afterAll(() => t.close());

  it('counts commands by type and outcome, requests by route pattern, appends, projections and live feeds', async () => {
    const before = await scrape();
    expect(sample(before, 'deals_command_duration_seconds_count', { command: 'OpenDeal', outcome: 'ok' })).toBeUndefined();
    expect(sample(before, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    const appendsBefore = sample(before, 'deals_event_store_append_duration_seconds_count', { outcome: 'ok' }) ?? 0;

    const dealId = await openAcme(t);
    await openAcme(t);
    await t.as(REP).post('/deals', { name: 'no currency' }).expect(400);
    await t.as(REP).get(`/deals/${dealId}`).expect(200);
    const feed = new SseClient();
    await feed.connect(`${await t.listen()}/live/projections?projections=audit`, t.headersOf(OPS));

    const text = await scrape();
    expect(sample(text, 'deals_command_duration_seconds_count', { command: 'OpenDeal', outcome: 'ok' })).toBe(2);
    expect(sample(text, 'deals_command_duration_seconds_count', { command: 'OpenDeal', outcome: 'rejected' })).toBe(1);
    expect(sample(text, 'deals_http_request_duration_seconds_count', { method: 'POST', route: '/deals', status: '201' })).toBe(2);
    expect(sample(text, 'deals_http_request_duration_seconds_count', { method: 'GET', route: '/deals/:dealId', status: '200' })).toBe(1);
    expect(text).not.toContain(dealId);
    expect(sample(text, 'deals_event_store_append_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(appendsBefore + 2);
    expect(sample(text, 'deals_event_store_append_events_count')).toBeGreaterThanOrEqual(appendsBefore + 2);
    // The group commits that wrote them: at least one transaction, each holding one append or more.
    expect(sample(text, 'deals_event_store_commit_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'deals_event_store_commit_appends_sum')).toBeGreaterThanOrEqual(sample(text, 'deals_event_store_commit_appends_count')!);
    expect(sample(text, 'deals_event_store_commit_appends_sum')! - (sample(before, 'deals_event_store_commit_appends_sum') ?? 0)).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'deals_live_feed_subscribers')).toBe(1);
    expect(sample(text, 'deals_live_feed_cutoffs_total')).toBeUndefined();
    const head = sample(text, 'deals_event_store_head_position')!;
    expect(head).toBeGreaterThan(0);
    for (const projection of ['deal-summary', 'audit', 'commission-facts']) {
      expect(sample(text, 'deals_projection_lag', { projection })).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'deals_projection_dead_letters', { projection })).toBe(0);
    }
    // Read-your-writes: once the projections have the writes, lag is 0 and position the head.
    await until(async () => {
      const now = await scrape();
      return sample(now, 'deals_projection_lag', { projection: 'deal-summary' }) === 0 && sample(now, 'deals_projection_position', { projection: 'deal-summary' }) === sample(now, 'deals_event_store_head_position');
    }, 'deal-summary caught up');
    feed.close();
    await until(async () => sample(await scrape(), 'deals_live_feed_subscribers') === 0, 'the feed is gone');
  });

  it('answers 404 for anything but GET /metrics', async () => {
    const res = await fetch(`${t.app.get(MetricsServer).url}/other`);
    expect(res.status).toBe(404);
  });
});

describe('health: liveness and readiness (real HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // On the main thread: the fault below is put into this thread's projections.db connection (a worker
    // thread that exits is covered by projections/worker/projections-worker.int-spec.ts).
    t = await createTestApp(':memory:', { operations: { readyMaxProjectionLag: 3 }, projectionsThread: 'main' });
  });
  afterAll(() => t.close());

  it('is live and ready when the store answers and the projections keep up; /health still answers the head', async () => {
    const anonymous = t.withHeaders({});
    expect((await anonymous.get('/health/live').expect(200)).body).toMatchObject({ status: 'ok' });
    await until(async () => (await anonymous.get('/health/ready')).status === 200, 'ready');
    const ready = await anonymous.get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { store: { status: 'up' }, projections: { status: 'up', maxLag: 3 } } });
    expect((await anonymous.get('/health').expect(200)).body).toEqual({ status: 'ok', headPosition: expect.any(Number) });
  });

  it('is not ready (503) while a projection is held back, and ready again once it catches up', async () => {
    const anonymous = t.withHeaders({});
    // The read model's disk refuses deal-summary's commits (as a full disk would); the others go on.
    const database = t.app.get<ProjectionDatabase>(PROJECTION_DATABASE, { strict: false });
    const commit = database.commitBatch.bind(database);
    const held = jest.spyOn(database, 'commitBatch').mockImplementation((name, ...rest) => {
      if (name === 'deal-summary') throw new Error('SQLITE_FULL: database or disk is full');
      return commit(name, ...rest);
    });
    let notReady: { status: number; body: Record<string, unknown> } | undefined;
    try {
      for (let i = 0; i < 20 && !notReady; i++) {
        await openAcme(t);
        const res = await anonymous.get('/health/ready');
        if (res.status !== 200) notReady = res;
      }
    } finally {
      held.mockRestore();
    }
    expect(notReady).toMatchObject({
      status: 503,
      body: {
        statusCode: 503,
        error: 'HEALTH.NOT_READY',
        details: { status: 'error', error: { projections: { status: 'down', maxLag: 3, behind: ['deal-summary'] } }, info: { store: { status: 'up' } } },
      },
    });
    expect((await anonymous.get('/health/live')).status).toBe(200);
    await until(async () => (await anonymous.get('/health/ready')).status === 200, 'ready again');
  }, 60_000);
});
