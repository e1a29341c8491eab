import { createTestApp, FINANCE, REP, TestActor, TestApp } from '../testing/test-app';

const RULES = { creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, payoutTrigger: 'close', clawbackWindowDays: 90 };
const SECOND_FINANCE: TestActor = { id: 'gus.finance', roles: ['finance'] };

describe('disputes: nobody resolves in their own favour, large adjustments need two finance users (real SQLite, HTTP)', () => {
  let t: TestApp;
  const now = new Date();
  const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  const raise = async (by: TestActor, userId = by.id) =>
    (await t.as(by).post('/commission/disputes', { userId, period: quarter, lineId: 'x', claim: 'Missing a deal' }).expect(201)).body.id as string;
  const adjustment = (userId: string, amount = '100.00', extra: object = {}) => ({ userId, period: quarter, amount, currency: 'EUR', ...extra });

  beforeAll(async () => {
    t = await createTestApp();
    await t.registerUser(SECOND_FINANCE);
    await t.as(FINANCE).post('/commission/plans/ae/versions', { version: 1, name: 'AE', effectiveFrom: '2020-01-01', rules: RULES }).expect(201);
    await t.as(FINANCE).post('/commission/assignments', { userId: REP.id, planId: 'ae', effectiveFrom: '2020-01-01', currency: 'EUR' }).expect(201);
  });
  afterAll(() => t.close());

  it('finance cannot resolve her own dispute, nor pay herself on another\'s', async () => {
    const own = await raise(FINANCE);
    const refused = await t.as(FINANCE).post(`/commission/disputes/${own}/resolution`, { decision: 'accept', reason: 'Mine', adjustments: [adjustment(FINANCE.id)] }).expect(403);
    expect(refused.body.error).toBe('DISPUTE.OWN_DISPUTE');
    const reps = await raise(REP);
    const toSelf = await t.as(FINANCE).post(`/commission/disputes/${reps}/resolution`, { decision: 'accept', reason: 'x', adjustments: [adjustment(FINANCE.id)] }).expect(400);
    expect(toSelf.body).toMatchObject({ error: 'DISPUTE.ADJUSTMENT_RECIPIENT', details: { userId: FINANCE.id, allowed: [REP.id] } });
  });

  it('refuses a foreign currency, a made-up currency and a quarter years ahead', async () => {
    const id = await raise(REP);
    const post = (adj: object) => t.as(FINANCE).post(`/commission/disputes/${id}/resolution`, { decision: 'accept', reason: 'x', adjustments: [adj] });
    expect((await post(adjustment(REP.id, '10.00', { currency: 'USD' })).expect(400)).body.error).toBe('DISPUTE.ADJUSTMENT_CURRENCY');
    expect((await post(adjustment(REP.id, '10.00', { currency: 'ZZZ' })).expect(400)).body.error).toBe('DISPUTE.ADJUSTMENT_INVALID');
    expect((await post(adjustment(REP.id, '10.00', { period: `${now.getUTCFullYear() + 5}-Q1` })).expect(400)).body.error).toBe('DISPUTE.ADJUSTMENT_PERIOD');
  });

  it('an acceptance above the threshold pays nothing until a second finance user approves it', async () => {
    const id = await raise(REP);
    const proposed = await t.as(FINANCE).post(`/commission/disputes/${id}/resolution`, { decision: 'accept', reason: 'Big miss', adjustments: [adjustment(REP.id, '99999.99')] }).expect(201);
    expect(proposed.body.events.map((e: { type: string }) => e.type)).toStrictEqual(['DisputeAcceptanceProposed']);
    const review = await t.as(FINANCE).get(`/commission/disputes/${id}?minPosition=${proposed.body.position}`).expect(200);
    expect(review.body.dispute).toMatchObject({
      status: 'awaiting-approval', adjustments: [],
      approvals: [{ step: 'proposed', by: FINANCE.id, reason: 'Big miss', adjustments: [{ userId: REP.id, amount: '99999.99', amountMinor: 9_999_999, currency: 'EUR' }] }],
    });
    expect((await t.as(FINANCE).post(`/commission/disputes/${id}/approval`, { decision: 'approve', reason: 'ok' }).expect(403)).body.error).toBe('DISPUTE.SECOND_APPROVER_REQUIRED');
    const approved = await t.as(SECOND_FINANCE).post(`/commission/disputes/${id}/approval`, { decision: 'approve', reason: 'Checked' }).expect(201);
    expect(approved.body.events.map((e: { type: string }) => e.type)).toStrictEqual(['DisputeAccepted']);
    const after = await t.as(FINANCE).get(`/commission/disputes/${id}?minPosition=${approved.body.position}`).expect(200);
    expect(after.body.dispute).toMatchObject({ status: 'accepted', resolution: { approverId: FINANCE.id, secondApproverId: SECOND_FINANCE.id } });
    expect(after.body.dispute.adjustments.map((a: { amountMinor: number }) => a.amountMinor)).toStrictEqual([9_999_999]);
  });
});
