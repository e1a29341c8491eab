import { createTestApp, openAcme, REP, TestApp } from '../../../testing/test-app';

describe('POST /deals/:id/splits (real SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const ae = (userId: string, shareBp: number) => ({ userId, role: 'account-executive', shareBp });

  it('records splits totalling 100% with overlay credit, as its own event', async () => {
    const dealId = await openAcme(t);
    const res = await t.as(REP).post(`/deals/${dealId}/splits`, {
      revenue: [ae('ana.ae', 7000), ae('ben.ae', 3000)],
      overlay: [{ userId: 'sam.se', role: 'sales-engineer', shareBp: 5000 }],
      reason: 'Ben joined for the technical close',
    }).expect(201);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['CreditSplitsSet']);
    const deal = await t.as(REP).get(`/deals/${dealId}`).expect(200);
    expect(deal.body.state.splits.overlay).toEqual([{ userId: 'sam.se', role: 'sales-engineer', shareBp: 5000 }]);
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
