import { EVENT_STORE, EventStore } from '@deals/event-store';
import { createTestApp, email, OPS, openAcme, OTHER_REP, REP, TestApp } from '../../testing/test-app';
import { ProjectionHost } from '../projection-host';
import { SseClient } from '../../testing/sse-client';
import { LiveSubscribers } from './live-subscribers';

describe('live projection feed over SSE (real HTTP)', () => {
  let t: TestApp;
  let base: string;
  const clients: SseClient[] = [];
  const client = () => {
    const c = new SseClient();
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await createTestApp();
    base = await t.listen();
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => t.close());

  /** Projections have applied every stored event (a feed opened now starts after them). */
  const settled = async () => {
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    expect(await t.app.get(ProjectionHost).waitForPosition(head, 10_000)).toBe(true);
  };

  const timelineEvents = (c: SseClient) =>
    c.messages.filter((m) => m.event === 'audit').map((m) => JSON.parse(m.data)).filter((d) => d.key.startsWith('deal:'));

  it("streams a command's change to a subscriber", async () => {
    const sub = client();
    await sub.connect(`${base}/live/projections?projections=audit`, t.headersOf(OPS));
    const dealId = await openAcme(t);
    await sub.waitFor(1);
    const first = timelineEvents(sub)[0];
    expect(first.key).toBe(`deal:${dealId}`);
    expect(first.eventType).toBe('DealOpened');
    expect(first.doc.timeline[0].type).toBe('DealOpened');
  });

  it('gives a client that reconnects with Last-Event-ID everything it missed, in order', async () => {
    const dealId = await openAcme(t);
    await settled();
    const first = client();
    await first.connect(`${base}/live/projections?projections=audit`, t.headersOf(OPS));
    await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<r@x>') }).expect(201);
    await first.waitFor(1);
    const lastSeen = first.messages.at(-1)!.id!;
    first.close();

    const missed = ['phone', 'email', 'meeting'];
    for (const channel of missed) {
      await t.as(REP).post(`/deals/${dealId}/contacts`, { channel, evidence: { kind: 'call', ref: `c-${channel}` } }).expect(201);
    }
    const second = client();
    await second.connect(`${base}/live/projections?projections=audit`, { ...t.headersOf(OPS), 'Last-Event-ID': lastSeen });
    await t.as(REP).post(`/deals/${dealId}/recap-emails`, { evidence: email('<recap@x>') }).expect(201);

    await second.waitUntil(() => timelineEvents(second).length >= 4);
    const ids = second.messages.map((m) => Number(m.id));
    expect(ids[0]).toBeGreaterThan(Number(lastSeen));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    const types = timelineEvents(second).map((d) => d.eventType);
    expect(types).toEqual(['ContactMade', 'ContactMade', 'ContactMade', 'RecapEmailSent']);
    const channels = timelineEvents(second).slice(0, 3).map((d) => d.doc.timeline.at(-1).data.channel);
    expect(channels).toEqual(missed);
  });

  it('serves several subscribers at once', async () => {
    const subs = [client(), client(), client()];
    for (const s of subs) await s.connect(`${base}/live/projections?projections=audit`, t.headersOf(OPS));
    await openAcme(t);
    for (const s of subs) await s.waitFor(1);
    const firstIds = subs.map((s) => s.messages[0].id);
    expect(new Set(firstIds).size).toBe(1);
  });

  it("narrows a rep's feed to the deal summaries of their own deals, and refuses them the org-wide feeds", async () => {
    const sub = client();
    await sub.connect(`${base}/live/projections?projections=deal-summary`, t.headersOf(REP));
    await openAcme(t, OTHER_REP);
    const mine = await openAcme(t, REP);
    await sub.waitFor(1);
    await openAcme(t, OTHER_REP);
    await t.as(REP).post(`/deals/${mine}/contacts`, { channel: 'phone', evidence: { kind: 'call', ref: 'c' } }).expect(201);
    await sub.waitFor(2);
    const keys = sub.messages.map((m) => JSON.parse(m.data).key);
    expect(new Set(keys)).toEqual(new Set([mine]));

    const audit = await t.as(REP).get('/live/projections?projections=audit').expect(403);
    expect(audit.body.error).toBe('AUTH.PERMISSION_DENIED');
  });

  it('ends a feed on close(reason) with a last `closed` event naming it; the reconnect resumes after the last change', async () => {
    const dealId = await openAcme(t);
    await settled();
    const sub = client();
    await sub.connect(`${base}/live/projections?projections=audit`, t.headersOf(OPS));
    await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<r@x>') }).expect(201);
    await sub.waitFor(1);
    const [feed] = t.app.get(LiveSubscribers).list(OPS.id);
    expect(feed.projections).toEqual(['audit']);
    feed.subscriber.close('token-expired');
    await sub.waitForEnd();
    expect(sub.messages.at(-1)).toEqual(expect.objectContaining({ id: undefined, event: 'closed', data: '{"reason":"token-expired"}' }));
    expect(await feed.subscriber.ended).toBe('token-expired');
    expect(t.app.get(LiveSubscribers).list(OPS.id)).toEqual([]);

    await t.as(REP).post(`/deals/${dealId}/recap-emails`, { evidence: email('<recap@x>') }).expect(201);
    const again = client();
    await again.connect(`${base}/live/projections?projections=audit`, { ...t.headersOf(OPS), 'Last-Event-ID': sub.lastEventId! });
    await again.waitFor(1);
    expect(timelineEvents(again).map((d) => d.eventType)).toEqual(['RecapEmailSent']);
  });

  it('applies a new visibility rule to an open feed from the next change on', async () => {
    const [hidden, shown] = [await openAcme(t), await openAcme(t)];
    await settled();
    const sub = client();
    await sub.connect(`${base}/live/projections?projections=deal-summary`, t.headersOf(REP));
    const [feed] = t.app.get(LiveSubscribers).list(REP.id);
    feed.subscriber.setVisibility((c) => c.key !== hidden);
    for (const dealId of [hidden, shown]) {
      await t.as(REP).post(`/deals/${dealId}/contacts`, { channel: 'phone', evidence: { kind: 'call', ref: 'c' } }).expect(201);
    }
    await sub.waitFor(1);
    expect(sub.messages.map((m) => JSON.parse(m.data).key)).toEqual([shown]);
  });

  it('rejects an unknown projection and a malformed Last-Event-ID', async () => {
    const unknown = await t.as(REP).get('/live/projections?projections=nope').expect(404);
    expect(unknown.body.error).toBe('PROJECTION.UNKNOWN');
    const bad = await t.as(REP).get('/live/projections').set('Last-Event-ID', 'abc').expect(400);
    expect(bad.body.error).toBe('LIVE.LAST_EVENT_ID_INVALID');
  });
});

describe('live feed at shutdown (real HTTP)', () => {
  it('closes every feed with `server-shutdown` and a retry delay of 5-10 s, so the server can stop and clients come back spread out', async () => {
    const t = await createTestApp();
    const base = await t.listen();
    const sub = new SseClient();
    await sub.connect(`${base}/live/projections?projections=audit`, t.headersOf(OPS));
    await t.close();
    await sub.waitForEnd();
    expect(sub.messages.at(-1)).toMatchObject({ event: 'closed', data: '{"reason":"server-shutdown"}', retry: expect.stringMatching(/^\d+$/) });
    expect(Number(sub.messages.at(-1)!.retry)).toBeGreaterThanOrEqual(5000);
    expect(Number(sub.messages.at(-1)!.retry)).toBeLessThan(10_000);
  });
});
