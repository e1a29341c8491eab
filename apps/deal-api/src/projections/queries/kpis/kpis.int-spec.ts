import request from 'supertest';
import { OPENAPI_JSON_PATH } from '../../../openapi/openapi';
import { answerValidators } from '../../../testing/openapi-json-schema';
import {
  approveIfProposed, createTestApp, email, FINANCE, MANAGER, OPS, OTHER_MANAGER, OTHER_REP, REP, TestActor, TestApp,
} from '../../../testing/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are walked as plain JSON */

/**
 * Over HTTP on real SQLite. Ana (REP, quota EUR 50,000.00) and Ben (OTHER_REP, quota 20,000.00)
 * report to Maria (MANAGER); Max (OTHER_MANAGER) has no reports.
 * alpha: Ana's, referral 01-05, EUR 30,000.00, won 02-10. bravo: Ana's, open (engaged, 10%),
 * EUR 100,000.00, decision by 2026-03-31. delta: Ana's, email 01-15, EUR 10,000.00, won 2026-04-15.
 * charlie: Ben's, phone 01-20, EUR 20,000.00, lost 02-20 — recorded after `beforeCharlieLost`.
 */
describe('KPIs and quota standing over HTTP', () => {
  let t: TestApp;
  let validator: ReturnType<typeof answerValidators>;
  let last = 0;
  let beforeCharlieLost = '';

  const ok = async (actor: TestActor, path: string, body: object) => {
    const res = await t.as(actor).post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    const approved = res.body.proposalId === undefined ? res.body : await approveIfProposed(t, res.body.dealId ?? path.split('/')[2], res.body, MANAGER);
    last = Math.max(last, res.body.position ?? 0, approved.position ?? 0);
    return res.body;
  };
  const open = async (owner: TestActor, name: string, amount: string, channel?: string, contactAt?: string) => {
    const { dealId } = await ok(owner, '/deals', {
      name, account: { name: `${name} Inc.` }, currency: 'EUR', expectedAmount: amount,
      team: [{ userId: owner.id, role: 'account-executive' }], occurredAt: '2026-01-05T09:00:00.000Z',
    });
    await ok(owner, `/deals/${dealId}/splits`, { revenue: [{ userId: owner.id, role: 'account-executive', shareBp: 10_000 }], occurredAt: '2026-01-05T09:30:00.000Z' });
    if (channel) await ok(owner, `/deals/${dealId}/contacts`, { channel, evidence: email(`<contact-${name}@x>`), occurredAt: contactAt });
    return dealId as string;
  };
  const toTerms = async (owner: TestActor, dealId: string, price: string) => {
    for (const stage of ['product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${dealId}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-01-20T10:00:00.000Z' });
    }
    await ok(owner, `/deals/${dealId}/terms`, { price, paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email(`<terms-${dealId}@x>`), occurredAt: '2026-01-25T10:00:00.000Z' });
  };
  const get = (actor: TestActor, path: string) => t.as(actor).get(`${path}&minPosition=${last}`);
  const kpis = async (actor: TestActor, query: string) => {
    const res = await get(actor, `/reports/kpis?${query}`).expect(200);
    const validate = validator('get', '/reports/kpis');
    expect(validate(res.body) ? [] : validate.errors).toEqual([]);
    return res.body.result;
  };
  const all = (result: any, key: string) => result.rows.find((row: any) => row.key === key)?.origins.find((o: any) => o.origin === 'all').figures;

  beforeAll(async () => {
    t = await createTestApp();
    validator = answerValidators((await request(t.app.getHttpServer()).get(OPENAPI_JSON_PATH).expect(200)).body);
    await ok(FINANCE, '/commission/plans/ae-2026/versions', {
      version: 1, name: 'AE 2026 v1', effectiveFrom: '2026-01-01',
      rules: { creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, payoutTrigger: 'close', clawbackWindowDays: 90 },
    });
    await ok(FINANCE, '/commission/assignments', { userId: REP.id, planId: 'ae-2026', effectiveFrom: '2026-01-01', quota: '50000.00', currency: 'EUR' });
    await ok(FINANCE, '/commission/assignments', { userId: OTHER_REP.id, planId: 'ae-2026', effectiveFrom: '2026-01-01', quota: '20000.00', currency: 'EUR' });

    const alpha = await open(REP, 'alpha', '30000.00', 'referral', '2026-01-05T09:10:00.000Z');
    await toTerms(REP, alpha, '30000.00');
    await ok(REP, `/deals/${alpha}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-alpha' }, occurredAt: '2026-02-10T10:00:00.000Z' });
    const bravo = await open(REP, 'bravo', '100000.00');
    await ok(REP, `/deals/${bravo}/decision-timeframe`, { decisionBy: '2026-03-31', evidence: email('<tf-bravo@x>'), occurredAt: '2026-01-06T09:00:00.000Z' });
    const delta = await open(REP, 'delta', '10000.00', 'email', '2026-01-15T09:00:00.000Z');
    await toTerms(REP, delta, '10000.00');
    await ok(REP, `/deals/${delta}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-delta' }, occurredAt: '2026-04-15T10:00:00.000Z' });
    const charlie = await open(OTHER_REP, 'charlie', '20000.00', 'phone', '2026-01-20T09:00:00.000Z');
    await t.as(OPS).get(`/pipeline?minPosition=${last}`).expect(200);
    beforeCharlieLost = new Date().toISOString();
    await new Promise((resolve) => setImmediate(resolve));
    while (new Date().toISOString() === beforeCharlieLost) await new Promise((resolve) => setImmediate(resolve));
    await ok(OTHER_REP, `/deals/${charlie}/close-lost`, { reason: 'Chose a competitor', occurredAt: '2026-02-20T10:00:00.000Z' });
  }, 120_000);
  afterAll(() => t.close());

  it('sales-ops see every rep; the figures follow docs/kpis.md', async () => {
    const result = await kpis(OPS, 'period=2026-Q1');
    expect(result.rows.map((row: any) => row.key)).toEqual([REP.id, OTHER_REP.id].sort());
    const ana = all(result, REP.id);
    // alpha won, nothing lost in Q1 (delta closes in April): 1 ÷ 1; 30,000.00 over one deal
    expect([ana.won, ana.lost, ana.winRate.percent, ana.wonAmounts]).toEqual([1, 0, 100, [{ currency: 'EUR', deals: 1, totalMinor: 3_000_000, averageMinor: 3_000_000 }]]);
    // first contacted in Q1: alpha (won) and delta (won since, in April): 2 ÷ 2 now
    expect(ana.leadConversion).toEqual({ firstContacted: 2, won: 2, lost: 0, reversed: 0, open: 0, rate: { numerator: 2, denominator: 2, percent: 100 } });
    const inbound = result.rows.find((row: any) => row.key === REP.id).origins.find((o: any) => o.origin === 'inbound').figures;
    expect(inbound.won).toBe(1); // alpha came by referral
    // Ben: charlie lost → 0 ÷ (0 + 1)
    expect(all(result, OTHER_REP.id).winRate).toEqual({ numerator: 0, denominator: 1, percent: 0 });
  });

  it('outcomes as of the period end: delta, won in April, was open at the end of Q1', async () => {
    const ana = all(await kpis(OPS, 'period=2026-Q1&outcomesAsOf=period-end'), REP.id);
    expect(ana.leadConversion).toEqual({ firstContacted: 2, won: 1, lost: 0, reversed: 0, open: 1, rate: { numerator: 1, denominator: 2, percent: 50 } });
  });

  it('as the engine knew it before charlie\'s loss was recorded', async () => {
    const res = await t.as(OPS).get(`/reports/kpis?period=2026-Q1&asOf=${beforeCharlieLost}`).expect(200);
    expect(res.body.asOf).toBe(beforeCharlieLost);
    const ben = all(res.body.result, OTHER_REP.id);
    expect([ben.lost, ben.leadConversion.open]).toEqual([0, 1]);
  });

  it('a rep sees their own row, a manager their reports\' and their team, another manager nobody\'s', async () => {
    const mine = await kpis(REP, 'period=2026-Q1');
    expect(mine.rows.map((row: any) => row.key)).toEqual([REP.id]);
    expect(mine.total).toEqual(mine.rows[0].origins);
    expect((await kpis(MANAGER, 'period=2026-Q1')).rows.map((row: any) => row.key)).toEqual([REP.id, OTHER_REP.id].sort());
    const team = await kpis(MANAGER, 'period=2026-Q1&groupBy=team&origin=outbound');
    expect(team.rows.map((row: any) => [row.key, row.origins.map((o: any) => o.origin)])).toEqual([[MANAGER.id, ['outbound']]]);
    // outbound: delta (Ana, not closed in Q1) and charlie (Ben, lost)
    expect(team.rows[0].origins[0].figures.lost).toBe(1);
    expect((await kpis(OTHER_MANAGER, 'period=2026-Q1')).rows).toEqual([]);
    expect((await get(REP, '/reports/kpis?period=2026-13').expect(400)).body.error).toBe('VALIDATION.FAILED');
  });

  it('quota standing: a rep reads their own, with gap and coverage computed by hand', async () => {
    const res = await get(REP, '/reports/quota-standing?period=2026-Q1').expect(200);
    const validate = validator('get', '/reports/quota-standing');
    expect(validate(res.body) ? [] : validate.errors).toEqual([]);
    const [ana] = res.body.result.members;
    expect(ana).toMatchObject({
      userId: REP.id, currency: 'EUR', quotaMinor: 5_000_000,
      closedWonMinor: 3_000_000, // alpha, 100% Ana's
      weightedOpenMinor: 1_000_000, // bravo: 10,000,000 × 10%, expected by 2026-03-31
      gapMinor: 2_000_000, // 5,000,000 − 3,000,000
      coverage: { numerator: 1_000_000, denominator: 2_000_000, percent: 50 },
    });
  });

  it('a rep cannot read another rep\'s standing nor their manager\'s team; a manager reads their reports\' and their team', async () => {
    const refused = await get(REP, `/reports/quota-standing?period=2026-Q1&userId=${OTHER_REP.id}`).expect(403);
    expect(refused.body.details).toMatchObject({ permission: 'report:quota-standing' });
    await get(REP, `/reports/quota-standing?period=2026-Q1&teamId=${MANAGER.id}`).expect(403);
    await get(OTHER_MANAGER, `/reports/quota-standing?period=2026-Q1&userId=${REP.id}`).expect(403);
    expect((await get(MANAGER, `/reports/quota-standing?period=2026-Q1&userId=${OTHER_REP.id}`).expect(200)).body.result.members[0].gapMinor).toBe(2_000_000);
    const team = (await get(MANAGER, `/reports/quota-standing?period=2026-Q1&teamId=${MANAGER.id}`).expect(200)).body.result;
    // Maria has no manager: she is in the team she leads (on no plan, so listed and not summed)
    expect(team.members.map((m: any) => [m.userId, m.currency])).toEqual([[REP.id, 'EUR'], [OTHER_REP.id, 'EUR'], [MANAGER.id, undefined]]);
    // quotas 5,000,000 + 2,000,000; won 3,000,000; gap 4,000,000; coverage 1,000,000 ÷ 4,000,000
    expect(team.totals).toEqual([{
      currency: 'EUR', members: 2, quotaMinor: 7_000_000, closedWonMinor: 3_000_000, weightedOpenMinor: 1_000_000, gapMinor: 4_000_000,
      coverage: { numerator: 1_000_000, denominator: 4_000_000, percent: 25 },
    }]);
    await get(FINANCE, `/reports/quota-standing?period=2026-Q1&teamId=${MANAGER.id}`).expect(200);
  });

  it('names the problem with a month or two subjects', async () => {
    expect((await get(REP, '/reports/quota-standing?period=2026-02').expect(400)).body.error).toBe('REPORT.QUOTA_PERIOD_QUARTERLY');
    expect((await get(MANAGER, `/reports/quota-standing?period=2026-Q1&userId=${REP.id}&teamId=${MANAGER.id}`).expect(400)).body.error).toBe('REPORT.TARGET_AMBIGUOUS');
  });
});
