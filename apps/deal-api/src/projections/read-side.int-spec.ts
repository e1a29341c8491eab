import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import {
  auditProjection, commissionFactsProjection, dealSummaryProjection, dealTimeline, personDeals, pipelineByStage, Projection, ReadModel, readModelAsOf, statement,
} from '@deals/projections';
import { createTestApp, email, MANAGER, openAcme, OPS, OTHER_REP, reachProductEvaluated, REP, TestApp } from '../testing/test-app';

describe('read side over HTTP (real SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const stageRow = (body: { result: { stages: { stageId: string; count: number }[] } }, stageId: string) =>
    body.result.stages.find((s) => s.stageId === stageId)!.count;

  it('answers read-your-writes: a query waiting for a command position sees it', async () => {
    const open = await t.as(REP).post('/deals', { name: 'RYW', account: { name: 'RYW' }, currency: 'EUR', expectedAmount: '1.00' }).expect(201);
    const res = await t.as(REP).get(`/pipeline?minPosition=${open.body.position}&waitMs=5000`).expect(200);
    expect(res.body.position).toBeGreaterThanOrEqual(open.body.position);
    const timeline = await t.as(REP).get(`/audit/deals/${open.body.dealId}?minPosition=${open.body.position}`).expect(200);
    expect(timeline.body.entries.map((e: { type: string }) => e.type)).toEqual(['DealOpened']);

    const beyond = await t.as(REP).get(`/pipeline?minPosition=${open.body.position + 1_000_000}&waitMs=50`).expect(412);
    expect(beyond.body.error).toBe('READ.POSITION_BEYOND_HEAD');
  });

  it('answers as of a past recorded time exactly what it answered then', async () => {
    const a = await openAcme(t);
    await reachProductEvaluated(t, a);
    const b = await openAcme(t);
    const head = (await t.as(REP).get(`/deals/${b}`).expect(200)).body.position;
    const then = await t.as(REP).get(`/pipeline?minPosition=${head}`).expect(200);
    const events = (await t.as(REP).get(`/deals/${b}/events`).expect(200)).body.events;
    const recordedThen = events.at(-1).metadata.recordedAt as string;
    const dealThen = (await t.as(REP).get(`/deals/${a}`).expect(200)).body;
    await new Promise((r) => setTimeout(r, 5));

    await t.as(REP).post(`/deals/${b}/close-lost`, { reason: 'No budget' }).expect(201);
    await t.as(MANAGER).post(`/deals/${a}/stage/override`, { toStageId: 'proposal-reviewed', reason: 'Exec sponsor call' }).expect(201);
    const last = await t.as(REP).post(`/deals/${a}/contacts`, { channel: 'phone', evidence: { kind: 'call', ref: 'c9' } }).expect(201);
    const now = await t.as(REP).get(`/pipeline?minPosition=${last.body.position}`).expect(200);
    expect(now.body.result).not.toEqual(then.body.result);

    const asOfTime = await t.as(REP).get(`/pipeline?asOf=${recordedThen}`).expect(200);
    expect(asOfTime.body.result).toEqual(then.body.result);
    expect(asOfTime.body.asOf).toBe(recordedThen);
    const asOfPosition = await t.as(REP).get(`/pipeline?asOfPosition=${then.body.position}`).expect(200);
    expect(asOfPosition.body.result).toEqual(then.body.result);
    expect(stageRow(asOfTime.body, 'product-evaluated')).toBe(stageRow(then.body, 'product-evaluated'));

    const dealAsOf = (await t.as(REP).get(`/deals/${a}?asOf=${recordedThen}`).expect(200)).body;
    expect(dealAsOf.stage.stageId).toBe('product-evaluated');
    expect(dealAsOf.stage).toEqual(dealThen.stage);
    expect((await t.as(REP).get(`/deals/${a}`).expect(200)).body.stage.stageId).toBe('proposal-reviewed');
    const before = (await t.as(REP).get(`/deals/${a}?asOf=2000-01-01T00:00:00.000Z`).expect(404)).body;
    expect(before.error).toBe('DEAL.NOT_FOUND');
  });

  it('answers as of any position or recorded time what a replay of the store answers, for every projection', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const a = await openAcme(t);
    await reachProductEvaluated(t, a);
    const b = await openAcme(t, OTHER_REP);
    await t.as(MANAGER).post(`/deals/${a}/stage/override`, { toStageId: 'proposal-reviewed', reason: 'Exec sponsor call' }).expect(201);
    const last = await t.as(OTHER_REP).post(`/deals/${b}/close-lost`, { reason: 'No budget' }).expect(201);
    await t.as(OPS).get(`/pipeline?minPosition=${last.body.position}`).expect(200);
    const events = (await store.readAll()).events;

    type Body = { result?: unknown; deals?: unknown; entries?: unknown; position: number };
    const reads: { path: string; projection: Projection<unknown>; query: (m: ReadModel<never>) => unknown; answer: (body: Body) => unknown }[] = [
      { path: '/pipeline?', projection: dealSummaryProjection as Projection<unknown>, query: (m) => pipelineByStage(m), answer: (body) => body.result },
      {
        path: `/audit/deals/${a}?limit=100&`, projection: auditProjection as Projection<unknown>,
        query: (m) => dealTimeline(m, a, { timeBasis: 'occurred', offset: 0, limit: 100 })?.entries, answer: (body) => body.entries,
      },
      {
        path: `/audit/people/${REP.id}?limit=100&`, projection: auditProjection as Projection<unknown>,
        query: (m) => personDeals(m, REP.id, { timeBasis: 'occurred' })?.deals, answer: (body) => body.deals,
      },
      {
        path: `/commission/statements/${REP.id}?period=2026-Q1&`, projection: commissionFactsProjection as Projection<unknown>,
        query: (m) => statement(m, { userId: REP.id, period: '2026-Q1' }), answer: (body) => body.result,
      },
    ];
    const moments = [
      ...[0, 3, Math.floor(events.length / 2), events.length, events.length + 50].map((p) => ({ query: `asOfPosition=${p}`, asOf: { position: p } })),
      ...[events[4], events[events.length - 2]].map((e) => ({ query: `asOf=${e.metadata.recordedAt}`, asOf: { recordedAt: e.metadata.recordedAt } })),
    ];
    for (const read of reads) {
      for (const moment of moments) {
        const res = await t.as(OPS).get(`${read.path}${moment.query}`);
        const replayed = await readModelAsOf(store, read.projection, moment.asOf);
        const expected = read.query(replayed.docs as unknown as ReadModel<never>);
        const seen = { path: read.path, moment: moment.query, status: res.status };
        if (expected === undefined) expect(seen).toEqual({ ...seen, status: 404 });
        else {
          expect(seen).toEqual({ ...seen, status: 200 });
          expect({ ...seen, position: (res.body as Body).position, answer: read.answer(res.body) })
            .toEqual({ ...seen, position: replayed.position, answer: JSON.parse(JSON.stringify(expected)) });
        }
      }
    }
  });

  it('dead-letters a malformed stored event in the projection that cannot read it; the others keep going', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const badDeal = randomUUID();
    const poisonId = randomUUID();
    await store.append(`deal-${badDeal}`, [
      { eventId: poisonId, type: 'DealOpened', data: { dealId: badDeal, name: 42 }, metadata: { actor: { id: 'importer', roles: ['integration'] }, occurredAt: new Date().toISOString() } },
    ]);
    const good = await openAcme(t);
    const after = await t.as(REP).post(`/deals/${good}/buyer-responses`, { evidence: email('<r@x>') }).expect(201);

    await t.as(REP).get(`/pipeline?minPosition=${after.body.position}`).expect(200);
    const dead = (await t.as(OPS).get('/projections/deal-summary/dead-letters').expect(200)).body.deadLetters;
    expect(dead).toEqual([
      expect.objectContaining({ eventId: poisonId, eventType: 'DealOpened', streamId: `deal-${badDeal}`, error: expect.stringContaining('is malformed') }),
    ]);
    const status = (await t.as(OPS).get('/projections').expect(200)).body as { name: string; deadLetters: number; position: number; state: string }[];
    expect(status.find((s) => s.name === 'deal-summary')).toMatchObject({ deadLetters: 1, state: 'running' });
    expect(status.find((s) => s.name === 'audit')).toMatchObject({ deadLetters: 0, state: 'running' });
    for (const s of status) expect(s.position).toBeGreaterThanOrEqual(after.body.position);

    const audit = await t.as(OPS).get(`/audit/deals/${badDeal}?minPosition=${after.body.position}`).expect(200);
    expect(audit.body.entries.map((e: { eventId: string }) => e.eventId)).toEqual([poisonId]);
    const timeline = await t.as(REP).get(`/audit/deals/${good}`).expect(200);
    expect(timeline.body.entries.map((e: { type: string }) => e.type)).toContain('BuyerResponded');

    const rebuild = await t.as(OPS).post('/projections/deal-summary/rebuild').expect(409);
    expect(rebuild.body.error).toBe('PROJECTION.REBUILD_FAILED');
    expect(rebuild.body.message).toContain(poisonId);
    const forbidden = await t.as(REP).post('/projections/audit/rebuild').expect(403);
    expect(forbidden.body).toMatchObject({ error: 'AUTH.PERMISSION_DENIED', details: { permission: 'projections:rebuild' } });
    const rebuilt = await t.as(OPS).post('/projections/audit/rebuild').expect(200);
    expect(rebuilt.body.position).toBeGreaterThanOrEqual(after.body.position);
  });

  it('answers 404 for an unknown projection, person or deal timeline', async () => {
    expect((await t.as(OPS).get('/projections/nope/dead-letters').expect(404)).body.error).toBe('PROJECTION.UNKNOWN');
    expect((await t.as(OPS).get('/audit/people/nobody-at-all').expect(404)).body.error).toBe('PERSON.NOT_FOUND');
    expect((await t.as(REP).get(`/audit/deals/${randomUUID()}`).expect(404)).body.error).toBe('DEAL.NOT_FOUND');
  });
});
