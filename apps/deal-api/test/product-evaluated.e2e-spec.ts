import { createTestApp, email, MANAGER, openAcme, reachProductEvaluated, REP, TestApp } from '../src/testing/test-app';

// The brief's canonical stage: a deal leaves "Product evaluated" only when the buyer attended the
// demo and got answers, scheduled the next meeting, and confirmed the recap email.
describe('Product evaluated journey over HTTP', () => {
  let t: TestApp;
  let dealId: string;

  beforeAll(async () => {
    t = await createTestApp();
    dealId = await openAcme(t);
    await reachProductEvaluated(t, dealId);
  });
  afterAll(() => t.close());

  it('is in Product evaluated with all three criteria missing', async () => {
    const res = await t.as(REP).get(`/deals/${dealId}`).expect(200);
    expect(res.body.stage.stageId).toBe('product-evaluated');
    expect(res.body.stage.criteria.filter((c: { met: boolean }) => !c.met)).toHaveLength(3);
  });

  it('refuses to leave before the recap is confirmed, naming the missing criterion', async () => {
    await t.as(REP).post(`/deals/${dealId}/demos`, {
      attended: true, questionsAnswered: true, evidence: { kind: 'meeting', ref: 'zoom-42' },
    }).expect(201);
    await t.as(REP).post(`/deals/${dealId}/next-meetings`, {
      meetingId: 'cal-2', scheduledFor: '2026-02-01T10:00:00.000Z', evidence: { kind: 'calendar', ref: 'cal-2' },
    }).expect(201);
    await t.as(REP).post(`/deals/${dealId}/recap-emails`, { evidence: email('<recap-1@rep.example>') }).expect(201);

    const res = await t.as(REP).post(`/deals/${dealId}/stage/advance`).expect(409);
    expect(res.body.error).toBe('DEAL.EXIT_CRITERIA_UNMET');
    const missing = res.body.details.missing as { id: string; label: string }[];
    expect(missing).toHaveLength(1);
    expect(missing[0].id).toMatch(/recap/);
    expect(res.body.message).toContain(missing[0].label);
  });

  it('advances once the buyer confirmed the recap, keeping the email id as evidence', async () => {
    await t.as(REP).post(`/deals/${dealId}/recap-confirmations`, { evidence: email('<reply-recap@acme.example>') }).expect(201);
    const res = await t.as(REP).post(`/deals/${dealId}/stage/advance`).expect(201);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['StageAdvanced']);

    const deal = await t.as(REP).get(`/deals/${dealId}`).expect(200);
    expect(deal.body.stage.stageId).toBe('proposal-reviewed');

    const history = await t.as(REP).get(`/deals/${dealId}/events`).expect(200);
    const advanced = history.body.events.filter((e: { type: string }) => e.type === 'StageAdvanced').at(-1);
    expect(advanced.data.fromStageId).toBe('product-evaluated');
    const refs = advanced.data.satisfiedBy.flatMap((c: { evidence: { ref: string }[] }) => c.evidence.map((e) => e.ref));
    expect(refs).toContain('<reply-recap@acme.example>');
  });

  it('refuses a manager override without a reason, and records one with a reason as its own event', async () => {
    const blank = await t.as(MANAGER).post(`/deals/${dealId}/stage/override`, { toStageId: 'terms-agreed', reason: '  ' }).expect(400);
    expect(blank.body.error).toBe('DEAL.OVERRIDE_REASON_REQUIRED');
    const absent = await t.as(MANAGER).post(`/deals/${dealId}/stage/override`, { toStageId: 'terms-agreed' }).expect(400);
    expect(absent.body.details.fields.map((f: { field: string }) => f.field)).toContain('reason');

    const byRep = await t.as(REP).post(`/deals/${dealId}/stage/override`, { toStageId: 'terms-agreed', reason: 'because' }).expect(403);
    expect(byRep.body.error).toBe('AUTH.PERMISSION_DENIED');

    const ok = await t.as(MANAGER).post(`/deals/${dealId}/stage/override`, {
      toStageId: 'terms-agreed', reason: 'Buyer signed off on the proposal in the steering meeting',
    }).expect(201);
    expect(ok.body.events.map((e: { type: string }) => e.type)).toEqual(['StageOverridden']);

    const history = await t.as(REP).get(`/deals/${dealId}/events`).expect(200);
    const override = history.body.events.at(-1);
    expect(override.type).toBe('StageOverridden');
    expect(override.data).toMatchObject({
      fromStageId: 'proposal-reviewed', toStageId: 'terms-agreed', managerId: MANAGER.id,
      reason: 'Buyer signed off on the proposal in the steering meeting',
    });
    expect(override.data.missingCriteria.length).toBeGreaterThan(0);
    expect(override.metadata.actor).toEqual({ id: MANAGER.id, roles: ['manager'] });
  });
});
