import { createTestApp, FINANCE, MANAGER, OPS, OTHER_REP, REP, TestApp } from '../testing/test-app';

const RULES = { creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, payoutTrigger: 'close', clawbackWindowDays: 90 };

describe('commission plans and assignments, read back and ended early (real SQLite, HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.as(FINANCE).post('/commission/plans/ae-2026/versions', { version: 1, name: 'AE 2026 v1', effectiveFrom: '2026-01-01', rules: RULES }).expect(201);
    await t.as(FINANCE).post('/commission/plans/ae-2026/versions', { version: 2, name: 'AE 2026 v2', effectiveFrom: '2026-07-01', rules: { ...RULES, baseRateBp: 1200 } }).expect(201);
    await t.as(FINANCE).post('/commission/plans/se-2026/versions', { version: 1, name: 'SE 2026', effectiveFrom: '2026-01-01', rules: RULES }).expect(201);
    await t.as(FINANCE).post('/commission/assignments', { userId: REP.id, planId: 'ae-2026', effectiveFrom: '2026-01-01', currency: 'EUR' }).expect(201);
  });
  afterAll(() => t.close());

  it('reads a plan with its versions, and lists plans: all for finance, one\'s own for a rep', async () => {
    const plan = await t.as(FINANCE).get('/commission/plans/ae-2026?minPosition=1').expect(200);
    expect(plan.body.result.versions.map((v: { version: number; name: string }) => [v.version, v.name])).toStrictEqual([[1, 'AE 2026 v1'], [2, 'AE 2026 v2']]);
    expect((await t.as(OPS).get('/commission/plans').expect(200)).body.result.map((p: { planId: string }) => p.planId)).toStrictEqual(['ae-2026', 'se-2026']);
    expect((await t.as(REP).get('/commission/plans').expect(200)).body.result).toStrictEqual([
      { planId: 'ae-2026', latestVersion: 2, name: 'AE 2026 v2', effectiveFrom: '2026-07-01' },
    ]);
    expect((await t.as(REP).get('/commission/plans/se-2026').expect(403)).body.details.permission).toBe('plan:read');
    expect((await t.as(MANAGER).get('/commission/plans/ae-2026').expect(200)).body.result.planId).toBe('ae-2026');
    expect((await t.as(FINANCE).get('/commission/plans/nope').expect(404)).body.error).toBe('COMMISSION.PLAN_NOT_FOUND');
  });

  it('ends an assignment early and reads it back by person and by plan; nobody assigns themselves, nor an unknown person', async () => {
    const ended = await t.as(FINANCE).post(`/commission/assignments/${REP.id}/end`, { effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' }).expect(201);
    expect(ended.body.events.map((e: { type: string }) => e.type)).toStrictEqual(['CommissionPlanAssignmentEnded']);
    const mine = await t.as(REP).get(`/commission/assignments/${REP.id}?minPosition=${ended.body.position}`).expect(200);
    expect(mine.body.result).toStrictEqual([expect.objectContaining({ planId: 'ae-2026', effectiveFrom: '2026-01-01', endings: [expect.objectContaining({ effectiveTo: '2026-06-30' })] })]);
    await t.as(OTHER_REP).get(`/commission/assignments/${REP.id}`).expect(403);
    const onPlan = await t.as(OPS).get(`/commission/plans/ae-2026/assignments?minPosition=${ended.body.position}`).expect(200);
    expect(onPlan.body.result.map((a: { userId: string }) => a.userId)).toStrictEqual([REP.id]);
    await t.as(REP).get('/commission/plans/ae-2026/assignments').expect(403);

    const again = await t.as(FINANCE).post(`/commission/assignments/${REP.id}/end`, { effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' }).expect(400);
    expect(again.body.error).toBe('COMMISSION.ASSIGNMENT_INVALID');
    expect((await t.as(FINANCE).post(`/commission/assignments/${REP.id}/end`, { effectiveFrom: '2025-01-01', effectiveTo: '2025-06-30' }).expect(404)).body.error).toBe('COMMISSION.ASSIGNMENT_NOT_FOUND');
    const self = await t.as(FINANCE).post('/commission/assignments', { userId: FINANCE.id, planId: 'ae-2026', effectiveFrom: '2026-01-01', currency: 'EUR' }).expect(403);
    expect(self.body.details).toMatchObject({ permission: 'commission:AssignPlan', reason: 'self' });
    const ghost = await t.as(FINANCE).post('/commission/assignments', { userId: 'nobody.here', planId: 'ae-2026', effectiveFrom: '2026-01-01', currency: 'EUR' }).expect(400);
    expect(ghost.body.error).toBe('COMMISSION.ASSIGNMENT_INVALID');
  });

  it('reviews a dispute at the moments asked, as the reconstruction does', async () => {
    const raised = await t.as(REP).post('/commission/disputes', { userId: REP.id, period: '2026-Q1', lineId: 'x', claim: 'Missing' }).expect(201);
    const review = await t.as(FINANCE).get(`/commission/disputes/${raised.body.id}?knownAtA=2026-02-01T00:00:00.000Z&knownAtB=2026-03-01T00:00:00.000Z&minPosition=${raised.body.position}`).expect(200);
    expect(review.body.reconstruction).toMatchObject({ knownAtA: '2026-02-01T00:00:00.000Z', knownAtB: '2026-03-01T00:00:00.000Z' });
    const byDefault = await t.as(FINANCE).get(`/commission/disputes/${raised.body.id}`).expect(200);
    expect(byDefault.body.reconstruction.knownAtA).toBe('2026-03-31T23:59:59.999Z');
  });
});
