import request from 'supertest';
import { OPENAPI_JSON_PATH } from '../../../openapi/openapi';
import { answerValidators } from '../../../testing/openapi-json-schema';
import { approveIfProposed, createTestApp, email, MANAGER, OPS, REP, TestActor, TestApp } from '../../../testing/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are walked as plain JSON */

/**
 * The pipeline reports' definitions over HTTP on real SQLite. alpha (Ana's): opened 01-05 in
 * engaged, moved to product evaluation 01-20 and on to terms, demos attended 01-22 (ref a1) and
 * 02-03 (ref a2), won 2026-04-15 — after January and February.
 */
describe('pipeline report definitions over HTTP', () => {
  let t: TestApp;
  let validator: ReturnType<typeof answerValidators>;
  let last = 0;

  const ok = async (actor: TestActor, path: string, body: object) => {
    const res = await t.as(actor).post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    const approved = res.body.proposalId === undefined ? res.body : await approveIfProposed(t, res.body.dealId ?? path.split('/')[2], res.body, MANAGER);
    last = Math.max(last, res.body.position ?? 0, approved.position ?? 0);
    return res.body;
  };
  const read = async (route: string, query: string) => {
    const res = await t.as(MANAGER).get(`${route}?${query}&minPosition=${last}`).expect(200);
    const validate = validator('get', route);
    expect(validate(res.body) ? [] : validate.errors).toEqual([]);
    return res.body.result;
  };
  const refused = async (route: string, query: string) => {
    const res = await t.as(MANAGER).get(`${route}?${query}`).expect(400);
    expect(res.body.error).toBe('VALIDATION.FAILED');
    return res.body.details.fields.map((f: { field: string }) => f.field);
  };

  beforeAll(async () => {
    t = await createTestApp();
    validator = answerValidators((await request(t.app.getHttpServer()).get(OPENAPI_JSON_PATH).expect(200)).body);
    const { dealId } = await ok(REP, '/deals', {
      name: 'alpha', account: { name: 'alpha Inc.' }, currency: 'EUR', expectedAmount: '30000.00',
      team: [{ userId: REP.id, role: 'account-executive' }], occurredAt: '2026-01-05T09:00:00.000Z',
    });
    await ok(REP, `/deals/${dealId}/splits`, { revenue: [{ userId: REP.id, role: 'account-executive', shareBp: 10_000 }], occurredAt: '2026-01-05T09:30:00.000Z' });
    for (const stage of ['product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${dealId}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-01-20T10:00:00.000Z' });
    }
    await ok(REP, `/deals/${dealId}/demos`, { attended: true, questionsAnswered: true, evidence: { kind: 'meeting', ref: 'a1' }, occurredAt: '2026-01-22T10:00:00.000Z' });
    await ok(REP, `/deals/${dealId}/demos`, { attended: true, questionsAnswered: true, evidence: { kind: 'meeting', ref: 'a2' }, occurredAt: '2026-02-03T10:00:00.000Z' });
    await ok(REP, `/deals/${dealId}/terms`, { price: '30000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email('<terms-alpha@x>'), occurredAt: '2026-01-25T10:00:00.000Z' });
    await ok(REP, `/deals/${dealId}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-alpha' }, occurredAt: '2026-04-15T10:00:00.000Z' });
  });
  afterAll(() => t.close());

  it('conversion: a deal won in April is won in a January report now, open as of the period end', async () => {
    const january = 'stageId=engaged&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z';
    const now = await read('/pipeline/conversion', january);
    expect([now.definitions, now.left, now.won, now.open]).toEqual([{ outcomesAsOf: 'now' }, 1, 1, 0]);
    const periodEnd = await read('/pipeline/conversion', `${january}&outcomesAsOf=period-end`);
    expect([periodEnd.definitions, periodEnd.left, periodEnd.won, periodEnd.open]).toEqual([{ outcomesAsOf: 'period-end' }, 1, 0, 1]);
    expect(await refused('/pipeline/conversion', `${january}&outcomesAsOf=yesterday`)).toEqual(['outcomesAsOf']);
  });

  it('sales cycle states its outcomes\' moment and counts fractional days', async () => {
    // 01-05 09:00 → 04-15 10:00: (31 − 5 + 1) + 28 + 31 + 14 = 100 days and 1 hour = 100 + 1/24
    const april = await read('/pipeline/sales-cycle', 'from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z&outcomesAsOf=period-end');
    expect(april.definitions).toEqual({ outcomesAsOf: 'period-end' });
    expect(april.deals.map((d: any) => d.cycleDays)).toEqual([100 + 1 / 24]);
    expect(await refused('/pipeline/sales-cycle', 'outcomesAsOf=later')).toEqual(['outcomesAsOf']);
  });

  it('rep activity: meetings by the definition asked, else the pipeline version\'s, else demos attended', async () => {
    const february = 'from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z';
    const plain = await read('/pipeline/rep-activity', february);
    expect(plain).toEqual({ definitions: { meetings: 'demos-attended', outcomesAsOf: 'now' }, reps: [{ repId: REP.id, meetingsHeld: 1, dealsWon: 0 }] });
    const first = await read('/pipeline/rep-activity', `${february}&meetings=first-meetings`);
    expect(first.reps).toEqual([]); // alpha's first demo was in January: no activity in February
    expect(await refused('/pipeline/rep-activity', `${february}&meetings=calls`)).toEqual(['meetings']);

    // Sales-ops publish version 2 of the default pipeline, stating first meetings as its reports' default.
    const v1 = (await t.as(OPS).get('/pipelines/default/versions').expect(200)).body[0];
    const { pipelineId: _id, publishedBy: _by, recordedAt: _at, position: _position, ...body } = v1;
    const bad = await t.as(OPS).post('/pipelines/default/versions', { ...body, version: 2, reporting: { meetings: 'calls' } }).expect(400);
    expect(bad.body.error).toBe('PIPELINE.INVALID');
    expect(JSON.stringify(bad.body)).toContain('reporting.meetings');
    const published = await t.as(OPS).post('/pipelines/default/versions', { ...body, version: 2, reporting: { meetings: 'first-meetings' } }).expect(201);
    last = Math.max(last, published.body.position);
    const v2 = (await t.as(OPS).get('/pipelines/default/versions').expect(200)).body[1];
    expect(v2.reporting).toEqual({ meetings: 'first-meetings' });

    const stated = await read('/pipeline/rep-activity', `${february}&pipelineId=default`);
    expect([stated.definitions.meetings, stated.reps]).toEqual(['first-meetings', []]);
    const asked = await read('/pipeline/rep-activity', `${february}&meetings=demos-attended`);
    expect([asked.definitions.meetings, asked.reps[0].meetingsHeld]).toEqual(['demos-attended', 1]);
  });
});
