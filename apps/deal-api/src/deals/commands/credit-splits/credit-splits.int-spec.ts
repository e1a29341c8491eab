import { createTestApp, MANAGER, openAcme, OTHER_REP, REP, TestApp } from '../../../testing/test-app';

describe('POST /deals/:id/splits (real SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.registerUser({ id: 'sam.se', roles: ['rep'], managerId: MANAGER.id });
  });
  afterAll(() => t.close());

  const ae = (userId: string, shareBp: number) => ({ userId, role: 'account-executive', shareBp });

  it('records one\'s own 100% at once, as its own event', async () => {
    const dealId = await openAcme(t);
    const res = await t.as(REP).post(`/deals/${dealId}/splits`, { revenue: [ae(REP.id, 10_000)] }).expect(201);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['CreditSplitsSet']);
    expect(res.body.proposalId).toBeUndefined();
  });

  it('splits naming others with overlay credit wait for the manager\'s approval, listed for approvers, then apply', async () => {
    const dealId = await openAcme(t);
    const res = await t.as(REP).post(`/deals/${dealId}/splits`, {
      revenue: [ae(REP.id, 7000), ae(OTHER_REP.id, 3000)],
      overlay: [{ userId: 'sam.se', role: 'sales-engineer', shareBp: 5000 }],
      reason: 'Ben joined for the technical close',
    }).expect(201);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['DealChangeProposed']);
    const { proposalId } = res.body;
    const before = await t.as(REP).get(`/deals/${dealId}`).expect(200);
    expect(before.body.state.splits).toBeUndefined();
    expect(before.body.state.pendingChanges).toMatchObject([{ proposalId, proposedBy: REP.id, reasons: ['names-others'] }]);
    const queue = await t.as(MANAGER).get(`/approvals?minPosition=${res.body.position}`).expect(200);
    expect(queue.body.result).toMatchObject([{ dealId, proposalId, type: 'SetCreditSplits', proposedBy: REP.id, dealName: 'Acme rollout' }]);
    expect((await t.as(OTHER_REP).get('/approvals').expect(200)).body.result).toStrictEqual([]);

    const own = await t.as(REP).post(`/deals/${dealId}/changes/${proposalId}/review`, { decision: 'approve' }).expect(403);
    expect(own.body.details.permission).toBe('deal:ReviewDealChange');
    const approved = await t.as(MANAGER).post(`/deals/${dealId}/changes/${proposalId}/review`, { decision: 'approve' }).expect(201);
    expect(approved.body.events.map((e: { type: string }) => e.type)).toEqual(['DealChangeApproved', 'CreditSplitsSet']);
    const deal = await t.as(REP).get(`/deals/${dealId}`).expect(200);
    expect(deal.body.state.splits.overlay).toEqual([{ userId: 'sam.se', role: 'sales-engineer', shareBp: 5000 }]);
    expect(deal.body.state.pendingChanges).toEqual([]);
  });

  it('refuses credit to someone unregistered, in a role that earns none, or overlay above the cap', async () => {
    const dealId = await openAcme(t);
    const ghost = await t.as(REP).post(`/deals/${dealId}/splits`, { revenue: [ae(REP.id, 5000), ae('ghost.person', 5000)] }).expect(400);
    expect(ghost.body).toMatchObject({ error: 'DEAL.SPLIT_RECIPIENT_INELIGIBLE', details: { userId: 'ghost.person', problem: 'not a registered user' } });
    const finance = await t.as(REP).post(`/deals/${dealId}/splits`, { revenue: [ae(REP.id, 5000), ae('fiona.finance', 5000)] }).expect(400);
    expect(finance.body.details.problem).toContain('no selling role');
    const support = await t.as(REP).post(`/deals/${dealId}/splits`, { revenue: [{ userId: REP.id, role: 'support-rep', shareBp: 10_000 }] }).expect(400);
    expect(support.body.error).toBe('DEAL.SPLIT_ROLE_NOT_CREDITED');
    const overlay = Array.from({ length: 3 }, (_, i) => ({ userId: [OTHER_REP.id, 'sam.se', 'maria.manager'][i], role: 'sales-engineer', shareBp: 5000 }));
    const capped = await t.as(REP).post(`/deals/${dealId}/splits`, { revenue: [ae(REP.id, 10_000)], overlay }).expect(400);
    expect(capped.body).toMatchObject({ error: 'DEAL.OVERLAY_CAP_EXCEEDED', details: { totalBp: 15_000, capBp: 10_000 } });
  });

  it('answers 400 naming the total when revenue splits do not add up to 100%', async () => {
    const dealId = await openAcme(t);
    const res = await t.as(REP).post(`/deals/${dealId}/splits`, { revenue: [ae('ana.ae', 6000), ae('ben.ae', 3000)] }).expect(400);
    expect(res.body.error).toBe('DEAL.SPLIT_TOTAL_INVALID');
    expect(res.body.message).toContain('90.00%');
    expect(res.body.details.totalBp).toBe(9000);
  });

  it('answers 400 naming the field for a share that is not whole basis points', async () => {
    const dealId = await openAcme(t);
    const res = await t.as(REP).post(`/deals/${dealId}/splits`, { revenue: [ae('ana.ae', 99.5)] }).expect(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['revenue.0.shareBp']);
  });
});
