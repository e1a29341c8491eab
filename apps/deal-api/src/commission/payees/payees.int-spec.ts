import { parse } from 'csv-parse/sync';
import { approveIfProposed, createTestApp, email, FINANCE, MANAGER, OTHER_REP, REP, TestActor, TestApp } from '../../testing/test-app';
import { STATEMENT_CSV_COLUMNS } from './statements-csv';

const RULES = { creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, payoutTrigger: 'close', clawbackWindowDays: 90 };
/** A name with a comma, quotes and a leading `=`: what a spreadsheet would run as a formula. */
const TRICKY = '=HYPERLINK("x"), Acme "big" rollout';

describe('the payees of a period and the CSV of its statements', () => {
  let t: TestApp;
  let position: number;

  const ok = async (actor: TestActor, path: string, body: object) => {
    const res = await t.as(actor).post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return (await approveIfProposed(t, res.body.dealId, res.body, MANAGER)) as { position: number };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await ok(FINANCE, '/commission/plans/payees-plan/versions', { version: 1, name: 'Payees plan v1', effectiveFrom: '2026-01-01', rules: RULES });
    await ok(FINANCE, '/commission/assignments', { userId: REP.id, planId: 'payees-plan', effectiveFrom: '2026-01-01', currency: 'EUR' });
    await ok(FINANCE, '/commission/assignments', { userId: OTHER_REP.id, planId: 'payees-plan', effectiveFrom: '2026-01-01', currency: 'EUR' });
    const opened = await t.as(REP).post('/deals', {
      name: TRICKY, account: { name: 'Acme' }, currency: 'EUR', expectedAmount: '50000.00', team: [{ userId: REP.id, role: 'account-executive' }],
      occurredAt: '2026-01-05T09:00:00.000Z',
    }).expect(201);
    const dealId = opened.body.dealId as string;
    for (const stage of ['qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${dealId}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-02-01T10:00:00.000Z' });
    }
    await ok(REP, `/deals/${dealId}/terms`, { price: '50000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email('<terms@acme.example>'), occurredAt: '2026-03-10T10:00:00.000Z' });
    position = (await ok(REP, `/deals/${dealId}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-1' }, occurredAt: '2026-03-26T16:00:00.000Z' })).position;
  });
  afterAll(() => t?.close());

  it('lists everyone on a plan in the period or paid in it, with their name and totals per currency, as their statements say', async () => {
    const payees = (await t.as(FINANCE).get(`/commission/periods/2026-Q1/payees?minPosition=${position}`).expect(200)).body.result;
    const statement = (await t.as(FINANCE).get(`/commission/statements/${REP.id}?period=2026-Q1&minPosition=${position}`).expect(200)).body.result;
    expect(statement.lines.length).toBeGreaterThan(0);
    expect(payees).toEqual([
      { userId: REP.id, name: REP.id, assigned: true, lines: statement.lines.length, totals: statement.totals.map(({ currency, totalMinor, total }: Record<string, unknown>) => ({ currency, totalMinor, total })) },
      { userId: OTHER_REP.id, name: OTHER_REP.id, assigned: true, lines: 0, totals: [] },
    ].sort((a, b) => a.userId.localeCompare(b.userId)));
    expect((await t.as(FINANCE).get('/commission/periods/2025-Q4/payees').expect(200)).body.result).toEqual([]);
  });

  it('exports every line of the period as CSV that a spreadsheet reads back as the statements, names escaped', async () => {
    const res = await t.as(FINANCE).get(`/commission/periods/2026-Q1/statements.csv?minPosition=${position}`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="statements-2026-Q1.csv"');
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...STATEMENT_CSV_COLUMNS]);
    const statement = (await t.as(FINANCE).get(`/commission/statements/${REP.id}?period=2026-Q1`).expect(200)).body.result;
    expect(rows.map((r) => [r.period, r.userId, r.lineId, r.kind, r.currency, r.amount, r.amountMinor, r.planName])).toEqual(
      statement.lines.map((l: Record<string, unknown>) => ['2026-Q1', REP.id, l.lineId, l.kind, l.currency, l.amount, String(l.amountMinor), 'Payees plan v1']),
    );
    // The formula is escaped with a leading quote; the comma and quotes survive the round trip.
    expect(rows.every((r) => r.dealName === `'${TRICKY}`)).toBe(true);
  });

  it('is for finance, sales-ops and admin only, and refuses a period that is not a quarter', async () => {
    await t.as(REP).get('/commission/periods/2026-Q1/payees').expect(403);
    await t.as(MANAGER).get('/commission/periods/2026-Q1/statements.csv').expect(403);
    expect((await t.as(FINANCE).get('/commission/periods/2026-13/payees').expect(400)).body.error).toBe('COMMISSION.PERIOD_INVALID');
  });
});
