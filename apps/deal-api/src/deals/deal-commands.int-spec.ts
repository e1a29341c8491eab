import { randomUUID } from 'node:crypto';
import { createTestApp, email, openAcme, REP, TestApp } from '../testing/test-app';

describe('Deal command protocol over HTTP (real SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('writes a command sent twice with the same Idempotency-Key once, and returns the first result', async () => {
    const dealId = await openAcme(t);
    const body = { evidence: email('<reply@acme.example>') };
    const key = { 'Idempotency-Key': `retry-${randomUUID()}` };
    const first = await t.as(REP).post(`/deals/${dealId}/buyer-responses`, body, key).expect(201);
    const second = await t.as(REP).post(`/deals/${dealId}/buyer-responses`, body, key).expect(201);
    expect(second.body).toEqual({ ...first.body, replayed: true });
    expect(second.headers['idempotent-replayed']).toBe('true');
    const history = await t.as(REP).get(`/deals/${dealId}/events`).expect(200);
    expect(history.body.events.filter((e: { type: string }) => e.type === 'BuyerResponded')).toHaveLength(1);
  });

  it('opens one deal for an OpenDeal retried with the same key', async () => {
    const body = { name: 'Retry Co', account: { name: 'Retry Co' }, currency: 'EUR', expectedAmount: '10.00' };
    const key = { 'Idempotency-Key': `open-${randomUUID()}` };
    const a = await t.as(REP).post('/deals', body, key).expect(201);
    const b = await t.as(REP).post('/deals', body, key).expect(201);
    expect(b.body.dealId).toBe(a.body.dealId);
    expect(b.body.revision).toBe(a.body.revision);
  });

  it('refuses a reused Idempotency-Key with a different body (409)', async () => {
    const dealId = await openAcme(t);
    const key = { 'Idempotency-Key': `reuse-${randomUUID()}` };
    await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<a@x>') }, key).expect(201);
    const res = await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<b@x>') }, key).expect(409);
    expect(res.body.error).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('answers a stale If-Match with 412 and the current revision, and a fresh one with success', async () => {
    const dealId = await openAcme(t);
    const current = await t.as(REP).get(`/deals/${dealId}`).expect(200);
    const etag = current.headers.etag as string;
    await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<r1@x>') }, { 'If-Match': etag }).expect(201);
    const stale = await t.as(REP).post(`/deals/${dealId}/contacts`, { channel: 'phone', evidence: { kind: 'call', ref: 'c1' } }, { 'If-Match': etag }).expect(412);
    expect(stale.body.error).toBe('CONCURRENCY.REVISION_MISMATCH');
    expect(stale.body.details.currentRevision).toBe(current.body.revision + 1);
    const ok = await t.as(REP).post(`/deals/${dealId}/contacts`, { channel: 'phone', evidence: { kind: 'call', ref: 'c1' } }, { 'If-Match': `"${current.body.revision + 1}"` }).expect(201);
    expect(ok.headers.etag).toBe(`"${current.body.revision + 2}"`);
    expect(Number(ok.headers['x-global-position'])).toBe(ok.body.position);
  });

  it('rejects a malformed body with 400 naming the field', async () => {
    const dealId = await openAcme(t);
    const res = await t.as(REP).post(`/deals/${dealId}/demos`, { attended: 'yes', questionsAnswered: true, evidence: { kind: 'meeting', ref: 'z' } }).expect(400);
    expect(res.body.error).toBe('VALIDATION.FAILED');
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['attended']);
    const nested = await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: { kind: 'pigeon', ref: '' } }).expect(400);
    expect(nested.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['evidence.kind', 'evidence.ref']);
    const money = await t.as(REP).post('/deals', { name: 'x', account: { name: 'x' }, currency: 'EUR', expectedAmount: '1.234' }).expect(400);
    expect(money.body.message).toContain('expectedAmount');
  });

  it('rejects a missing nested object with 400 naming it, not a 500 (found by schemathesis)', async () => {
    const open = await t.as(REP).post('/deals', { name: 'x', currency: 'EUR', expectedAmount: '1.00' }).expect(400);
    expect(open.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['account']);
    const dealId = await openAcme(t);
    const fact = await t.as(REP).post(`/deals/${dealId}/buyer-responses`, {}).expect(400);
    expect(fact.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['evidence']);
    const won = await t.as(REP).post(`/deals/${dealId}/close-won`, {}).expect(400);
    expect(won.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['signedOrder']);
  });

  it('rejects unknown fields with 400', async () => {
    const dealId = await openAcme(t);
    const res = await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<a@x>'), mood: 'keen' }).expect(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['mood']);
  });

  it('answers 404 for an unknown deal, on commands and reads', async () => {
    const id = randomUUID();
    const cmd = await t.as(REP).post(`/deals/${id}/buyer-responses`, { evidence: email('<a@x>') }).expect(404);
    expect(cmd.body.error).toBe('DEAL.NOT_FOUND');
    expect((await t.as(REP).get(`/deals/${id}`).expect(404)).body.error).toBe('DEAL.NOT_FOUND');
    expect((await t.as(REP).get(`/deals/${id}/events`).expect(404)).body.error).toBe('DEAL.NOT_FOUND');
    expect((await t.as(REP).get('/deals/not-a-uuid').expect(400)).body.error).toBe('DEAL.ID_INVALID');
  });

  it('requires a bearer token (401) of a registered user (401)', async () => {
    const dealId = await openAcme(t);
    const anonymous = await t.withHeaders({}).get(`/deals/${dealId}`).expect(401);
    expect(anonymous.body.error).toBe('AUTH.TOKEN_REQUIRED');
    const stranger = await t.as({ id: 'x', roles: ['wizard'] }).get(`/deals/${dealId}`).expect(401);
    expect(stranger.body.error).toBe('AUTH.USER_UNKNOWN');
  });

  it('rejects a fact dated in the future', async () => {
    const dealId = await openAcme(t);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const res = await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<a@x>'), occurredAt: future }).expect(400);
    expect(res.body.error).toBe('TIME.OCCURRED_IN_FUTURE');
  });

  it('lets exactly one of many concurrent If-Match commands on one deal win', async () => {
    const dealId = await openAcme(t);
    const etag = (await t.as(REP).get(`/deals/${dealId}`).expect(200)).headers.etag as string;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.as(REP).post(`/deals/${dealId}/contacts`, { channel: 'email', evidence: email(`<c${i}@x>`) }, { 'If-Match': etag }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(412)]);
  });

  it('retries conflicts without If-Match so concurrent commands all land', async () => {
    const dealId = await openAcme(t);
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => t.as(REP).post(`/deals/${dealId}/contacts`, { channel: 'email', evidence: email(`<k${i}@x>`) })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const history = await t.as(REP).get(`/deals/${dealId}/events`).expect(200);
    expect(history.body.events.filter((e: { type: string }) => e.type === 'ContactMade')).toHaveLength(4);
  });

  it('answers 404 with a code for an unknown route', async () => {
    const res = await t.as(REP).get('/nowhere').expect(404);
    expect(res.body.error).toBe('ROUTE.NOT_FOUND');
  });
});
