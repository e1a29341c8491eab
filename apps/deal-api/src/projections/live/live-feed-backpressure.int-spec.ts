import { performance } from 'node:perf_hooks';
import { DealSummary, LoggedChange } from '@deals/projections';
import { ADMIN, createTestApp, OPS, openAcme, OTHER_REP, REP, TestActor, TestApp } from '../../testing/test-app';
import { SseClient } from '../../testing/sse-client';
import { ProjectionHost } from '../projection-host';
import { DEFAULT_LIVE_FEED_LIMITS } from './live-feed-limits';
import { LiveSubscribers } from './live-subscribers';
import { SseSubscriber } from './sse-subscriber';

// Slow and stalled live-feed readers against the real HTTP server: the process stays up, the
// other subscribers keep their pace, and the slow one resumes from Last-Event-ID losing nothing.

const TEAM_ROLES = ['sales-development-rep', 'sales-engineer', 'executive-sponsor', 'support-rep', 'marketing-rep'];

/** A deal at the API's limits: 50 team members and 200 line items, with the longest codes and ids allowed. */
async function openLargeDeal(t: TestApp, owner: TestActor): Promise<string> {
  const lineItems = Array.from({ length: 200 }, (_, i) => ({ productCode: `P${String(i).padStart(3, '0')}-`.padEnd(64, 'X'), amount: '100.00', quantity: 1 }));
  const team = Array.from({ length: 50 }, (_, i) => ({ userId: `member.${String(i).padStart(2, '0')}.`.padEnd(100, 'x'), role: TEAM_ROLES[i % TEAM_ROLES.length] }));
  const res = await t.as(owner).post('/deals', {
    name: 'Globex platform rollout', account: { name: 'Globex', industry: 'manufacturing' }, currency: 'EUR', expectedAmount: '20000.00',
    lineItems, team, occurredAt: '2026-01-05T09:00:00.000Z',
  });
  if (res.status !== 201) throw new Error(`open failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.dealId;
}

let callRef = 0;
/** One command on the deal; returns the id of the event it recorded. */
async function contact(t: TestApp, dealId: string, actor: TestActor = REP): Promise<string> {
  const res = await t.as(actor).post(`/deals/${dealId}/contacts`, { channel: 'phone', evidence: { kind: 'call', ref: `call-${++callRef}` } });
  if (res.status !== 201) throw new Error(`contact failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.events.at(-1).eventId;
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const idsOf = (c: SseClient) => c.messages.filter((m) => m.id !== undefined).map((m) => Number(m.id));
const lastIdOf = (c: SseClient) => Number(c.lastEventId ?? 0);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/**
 * Reads a feed (resuming a paused client) until it has change `lastId`, reconnecting with
 * Last-Event-ID whenever the server ends it. Returns the change ids in order of arrival and how
 * each cut-off connection ended (its last message's event).
 */
async function readEverything(first: SseClient, url: string, headers: Record<string, string>, resumeFrom: number, lastId: number) {
  const ids: number[] = [];
  const endings: string[] = [];
  let client = first;
  client.resume();
  for (;;) {
    await client.waitUntil(() => client.ended || lastIdOf(client) >= lastId, 60_000);
    ids.push(...idsOf(client));
    resumeFrom = client.lastEventId === undefined ? resumeFrom : lastIdOf(client);
    client.close();
    if (resumeFrom >= lastId) return { ids, endings };
    endings.push(client.messages.at(-1)?.event ?? 'nothing');
    client = new SseClient();
    await client.connect(url, { ...headers, 'Last-Event-ID': String(resumeFrom) });
  }
}

describe('live feed with a slow reader (real HTTP)', () => {
  const MAX_QUEUED_BYTES = 256 * 1024;
  let t: TestApp;
  let base: string;
  let runner: ProjectionHost;
  const clients: SseClient[] = [];
  const client = () => {
    const c = new SseClient();
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp(':memory:', { liveFeed: { maxQueuedBytes: MAX_QUEUED_BYTES } });
    base = await t.listen();
    runner = t.app.get(ProjectionHost);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t.close();
  });

  it('cuts off a stalled subscriber past its bound while the others keep their pace, and its reconnect gets everything it missed', async () => {
    const deal = await openLargeDeal(t, REP);
    for (let i = 0; i < 10; i++) await contact(t, deal);

    // Three subscribers that read: everything, deal summaries, and a rep's narrowed feed.
    const fast = [
      { client: client(), actor: OPS, names: runner.names },
      { client: client(), actor: OPS, names: ['deal-summary'] },
      { client: client(), actor: REP, names: ['deal-summary'] },
    ];
    const from = runner.lastChangeId();
    for (const f of fast) await f.client.connect(`${base}/live/projections?projections=${f.names.join(',')}`, t.headersOf(f.actor));
    const arrivals = fast.map(() => new Map<string, number>());
    const scanned = fast.map(() => 0);
    const arrivalOf = (i: number, eventId: string) => {
      const { messages } = fast[i].client;
      for (; scanned[i] < messages.length; scanned[i]++) {
        const m = messages[scanned[i]];
        if (m.event === 'deal-summary') arrivals[i].set(JSON.parse(m.data).eventId, m.at);
      }
      return arrivals[i].get(eventId);
    };
    /** One command; how long each reading subscriber took to get its change. */
    const timedCommand = async (): Promise<number[]> => {
      const sent = performance.now();
      const eventId = await contact(t, deal);
      await until(() => fast.every((_, i) => arrivalOf(i, eventId) !== undefined), `the change of ${eventId} at every reading subscriber`);
      return fast.map((_, i) => arrivalOf(i, eventId)! - sent);
    };

    const baseline: number[] = [];
    for (let i = 0; i < 15; i++) baseline.push(...(await timedCommand()));

    // The stalled subscriber: everything from the start, and it never reads.
    const backlogBytes = (await runner.changesAfter(0, runner.names, 1_000_000)).reduce((sum, c) => sum + JSON.stringify(c.doc).length, 0);
    expect(backlogBytes).toBeGreaterThan(4 * MAX_QUEUED_BYTES);
    const stalled = client();
    await stalled.connect(`${base}/live/projections`, { ...t.headersOf(ADMIN), 'Last-Event-ID': '0' }, { paused: true });
    const [slow] = t.app.get(LiveSubscribers).list(ADMIN.id).map((s) => s.subscriber);
    let endReason: string | undefined;
    void slow.ended.then((r) => (endReason = r));

    const underLoad: number[] = [];
    let maxHeld = 0;
    for (let i = 0; endReason === undefined || i < 15; i++) {
      if (i === 400) throw new Error(`the stalled subscriber was not cut off after ${i} commands (holding ${slow.heldBytes} bytes)`);
      underLoad.push(...(await timedCommand()));
      maxHeld = Math.max(maxHeld, slow.heldBytes);
      if (i % 10 === 0) await t.as(REP).get('/health').expect(200);
    }
    expect(endReason).toBe('overflow');
    expect(maxHeld).toBeLessThanOrEqual(MAX_QUEUED_BYTES);
    expect(t.app.get(LiveSubscribers).list(ADMIN.id)).toEqual([]);

    // The reading subscribers got every change, in order, at about their usual pace.
    const last = runner.lastChangeId();
    for (const f of fast) {
      const logged = await runner.changesAfter(from, f.names, 1_000_000);
      await f.client.waitUntil(() => lastIdOf(f.client) >= logged.at(-1)!.id, 10_000);
      expect(idsOf(f.client)).toEqual(logged.map((c) => c.id));
    }
    const [base50, load50] = [quantile(baseline, 0.5), quantile(underLoad, 0.5)];
    const [base90, load90] = [quantile(baseline, 0.9), quantile(underLoad, 0.9)];
    expect(load50).toBeLessThanOrEqual(3 * base50 + 25);
    expect(load90).toBeLessThanOrEqual(3 * base90 + 100);

    // Reading again, the stalled one gets what was written before the cut, then `overflow`; its
    // reconnect with Last-Event-ID brings it to the head, without a gap or a duplicate.
    stalled.resume();
    await stalled.waitForEnd(10_000);
    expect(stalled.messages.at(-1)!.event).toBe('overflow');
    const everything = (await runner.changesAfter(0, runner.names, 1_000_000)).filter((c) => c.id <= last).map((c) => c.id);
    const beforeCut = idsOf(stalled);
    expect(beforeCut).toEqual(everything.slice(0, beforeCut.length));
    const again = client();
    await again.connect(`${base}/live/projections`, { ...t.headersOf(ADMIN), 'Last-Event-ID': stalled.lastEventId! });
    const rest = await readEverything(again, `${base}/live/projections`, t.headersOf(ADMIN), lastIdOf(stalled), last);
    expect([...beforeCut, ...rest.ids.filter((id) => id <= last)]).toEqual(everything);
  }, 180_000);
});

describe('the triggers from the security review, with the default limits (real HTTP)', () => {
  let t: TestApp;
  let base: string;
  let runner: ProjectionHost;
  const clients: SseClient[] = [];
  const client = () => {
    const c = new SseClient();
    clients.push(c);
    return c;
  };
  /** The feed just opened by this actor, found before it can end. */
  const subscriberOf = (actor: TestActor): SseSubscriber => {
    const open = t.app.get(LiveSubscribers).list(actor.id);
    expect(open).toHaveLength(1);
    return open[0].subscriber;
  };

  beforeAll(async () => {
    t = await createTestApp();
    base = await t.listen();
    runner = t.app.get(ProjectionHost);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => t.close());

  /** The stalled feed holds no more than its bound, and the server answers, records and streams a command. */
  const expectServing = async (stalled: SseSubscriber, dealId: string, owner: TestActor = REP) => {
    expect(stalled.heldBytes).toBeLessThanOrEqual(DEFAULT_LIVE_FEED_LIMITS.maxQueuedBytes);
    await t.withHeaders({}).get('/health').expect(200);
    const watcher = client();
    await watcher.connect(`${base}/live/projections?projections=deal-summary`, t.headersOf(OPS));
    const eventId = await contact(t, dealId, owner);
    await watcher.waitUntil((ms) => ms.some((m) => m.data.includes(eventId)));
  };

  /** Reading at last, the stalled client gets every change it may see, in order, across reconnects if it was cut off. */
  const expectWholeFeed = async (stalled: SseClient, actor: TestActor, query: string, names: string[], visible: (c: LoggedChange) => boolean) => {
    const expected = (await runner.changesAfter(0, names, 1_000_000)).filter(visible).map((c) => c.id);
    const { ids, endings } = await readEverything(stalled, `${base}/live/projections${query}`, t.headersOf(actor), 0, expected.at(-1)!);
    expect(ids.filter((id) => id <= expected.at(-1)!)).toEqual(expected);
    expect(endings.every((e) => e === 'overflow')).toBe(true);
  };

  it('an admin reconnecting with Last-Event-ID: 0 to a store of ~900 events, without reading', async () => {
    const deals: string[] = [];
    for (let i = 0; i < 30; i++) deals.push(await openAcme(t, OTHER_REP));
    for (let round = 0; round < 28; round++) for (const deal of deals) await contact(t, deal, OTHER_REP);
    expect((await t.withHeaders({}).get('/health').expect(200)).body.headPosition).toBeGreaterThanOrEqual(880);

    const stalled = client();
    await stalled.connect(`${base}/live/projections`, { ...t.headersOf(ADMIN), 'Last-Event-ID': '0' }, { paused: true });
    const feed = subscriberOf(ADMIN);
    await until(() => feed.waitingForClient || feed.state === 'ended', 'the replay to wait for its reader');
    await expectServing(feed, deals[0], OTHER_REP);
    await expectWholeFeed(stalled, ADMIN, '', runner.names, () => true);
  }, 120_000);

  it('a rep with a few dozen large deals asking for ?lastEventId=0, without reading', async () => {
    const deals: string[] = [];
    for (let i = 0; i < 36; i++) deals.push(await openLargeDeal(t, REP));

    const stalled = client();
    await stalled.connect(`${base}/live/projections?lastEventId=0`, t.headersOf(REP), { paused: true });
    const feed = subscriberOf(REP);
    await until(() => feed.waitingForClient || feed.state === 'ended', 'the replay to wait for its reader');
    await expectServing(feed, deals[0]);
    const mine = (c: LoggedChange) => (c.doc as DealSummary | undefined)?.ownerId === REP.id;
    await expectWholeFeed(stalled, REP, '?lastEventId=0', ['deal-summary'], mine);
  }, 120_000);

  it("an admin's idle feed while 21 commands change a large deal", async () => {
    const from = runner.lastChangeId();
    const idle = client();
    await idle.connect(`${base}/live/projections`, t.headersOf(ADMIN), { paused: true });
    const feed = subscriberOf(ADMIN);
    const deal = await openLargeDeal(t, REP);
    let position = 0;
    for (let i = 0; i < 21; i++) {
      const res = await t.as(REP).post(`/deals/${deal}/contacts`, { channel: 'phone', evidence: { kind: 'call', ref: `idle-${i}` } }).expect(201);
      position = res.body.position;
    }
    expect(await runner.waitForPosition(position, 30_000)).toBe(true);
    // More than the socket buffers take: the feed had to wait for its reader (or was cut off).
    expect(feed.waitingForClient || feed.state === 'ended').toBe(true);
    await expectServing(feed, deal);

    const expected = (await runner.changesAfter(from, runner.names, 1_000_000)).map((c) => c.id);
    const { ids, endings } = await readEverything(idle, `${base}/live/projections`, t.headersOf(ADMIN), from, expected.at(-1)!);
    expect(ids.filter((id) => id <= expected.at(-1)!)).toEqual(expected);
    expect(endings.every((e) => e === 'overflow')).toBe(true);
  }, 120_000);
});

describe('a reader that resets its connection while the feed waits on it (real HTTP)', () => {
  it('ends the feed quietly, and the server goes on', async () => {
    const t = await createTestApp();
    try {
      const base = await t.listen();
      const reader = new SseClient();
      await reader.connect(`${base}/live/projections`, t.headersOf(ADMIN), { paused: true });
      const [{ subscriber: feed }] = t.app.get(LiveSubscribers).list(ADMIN.id);
      const deal = await openLargeDeal(t, REP);
      for (let i = 0; !feed.waitingForClient && feed.state !== 'ended'; i++) {
        if (i === 200) throw new Error('the socket buffers never filled');
        await contact(t, deal);
      }
      reader.reset();
      expect(await feed.ended).toBe('disconnected');
      await contact(t, deal);
      await t.withHeaders({}).get('/health').expect(200);
    } finally {
      await t.close();
    }
  }, 120_000);
});

describe('a reader that takes nothing for stallTimeoutMs (real HTTP)', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('is disconnected, and its reconnect gets everything', async () => {
    // A bound it cannot reach here, so only the stall timer can end the feed.
    t = await createTestApp(':memory:', { liveFeed: { stallTimeoutMs: 300, maxQueuedBytes: 256 * 1024 * 1024 } });
    const base = await t.listen();
    const runner = t.app.get(ProjectionHost);
    const from = runner.lastChangeId();
    const stalled = new SseClient();
    await stalled.connect(`${base}/live/projections`, t.headersOf(ADMIN), { paused: true });
    const [{ subscriber: feed }] = t.app.get(LiveSubscribers).list(ADMIN.id);
    const deal = await openLargeDeal(t, REP);
    for (let i = 0; !feed.waitingForClient && feed.state !== 'ended'; i++) {
      if (i === 200) throw new Error('the socket buffers never filled');
      await contact(t, deal);
    }
    expect(await feed.ended).toBe('stalled');
    // Reading again, it finds the connection gone after what reached its socket before the cut.
    stalled.resume();
    await stalled.waitForEnd();

    const last = runner.lastChangeId();
    const again = new SseClient();
    await again.connect(`${base}/live/projections`, { ...t.headersOf(ADMIN), 'Last-Event-ID': stalled.lastEventId ?? String(from) });
    const { ids } = await readEverything(again, `${base}/live/projections`, t.headersOf(ADMIN), lastIdOf(stalled) || from, last);
    expect([...idsOf(stalled), ...ids]).toEqual((await runner.changesAfter(from, runner.names, 1_000_000)).map((c) => c.id));
  }, 120_000);
});
