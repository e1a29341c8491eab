import { periodOf } from '@deals/domain';
import { headOf, writtenSince } from '../security/testing/security-harness';
import { ADMIN, approveIfProposed, createTestApp, email, FINANCE, MANAGER, OTHER_REP, REP, TestActor, TestApp } from '../testing/test-app';

const AE_RULES = {
  creditType: 'revenue', currency: 'EUR', baseRateBp: 1500, productRates: [{ productCode: 'X', rateBp: 2000 }],
  accelerators: { quarterEnd: { days: 10, multiplierBp: 12500 } }, payoutTrigger: 'close', clawbackWindowDays: 90,
};

interface Line {
  lineId: string; kind: string; amountMinor: number;
  lineage: {
    dealId?: string; arithmetic: string;
    events: { role: string; eventId: string; position: number; streamId: string; type: string; recordedAt: string }[];
    priorPeriod?: { period: string; lineId: string; frozenMinor: number; knownNowMinor: number; adjustedMinor: number };
  };
}
interface Statement { lines: Line[]; totals: { currency: string; totalMinor: number; byKind: Record<string, number> }[]; closed?: { closedAt: string; closedBy: string } }

describe('closed commission periods over HTTP (real SQLite)', () => {
  let t: TestApp;
  let dealId: string;
  let lastPosition = 0;
  /** Posts; what waits for approval (splits naming others, closes dated back) the manager approves, and the approval's answer comes back. */
  const ok = async (actor: TestActor, path: string, body: object = {}) => {
    const res = await t.as(actor).post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    const answer = res.body.proposalId === undefined ? res.body : await approveIfProposed(t, res.body.dealId, res.body, MANAGER);
    lastPosition = Math.max(lastPosition, answer.position ?? 0);
    return { ...res.body, ...answer };
  };
  const eventOf = (answer: { events: { type: string; eventId: string }[] }, type: string) => answer.events.find((e) => e.type === type)!;
  const statementOf = async (person: TestActor, period: string) =>
    (await t.as(FINANCE).get(`/commission/statements/${person.id}?period=${period}&minPosition=${lastPosition}`).expect(200)).body.result as Statement;
  const total = (s: Statement) => s.totals.find((x) => x.currency === 'EUR')?.totalMinor ?? 0;
  const splits = (ana: number, occurredAt: string) => ({
    revenue: [{ userId: REP.id, role: 'account-executive', shareBp: ana }, { userId: OTHER_REP.id, role: 'account-executive', shareBp: 10_000 - ana }],
    occurredAt,
  });

  beforeAll(async () => {
    t = await createTestApp();
    await ok(FINANCE, '/commission/plans/ae-fy26/versions', { version: 1, name: 'AE FY26 v1', effectiveFrom: '2026-01-01', rules: AE_RULES });
    for (const person of [REP, OTHER_REP]) await ok(FINANCE, '/commission/assignments', { userId: person.id, planId: 'ae-fy26', effectiveFrom: '2026-01-01', currency: 'EUR' });
    const opened = await ok(REP, '/deals', {
      name: 'Acme rollout', account: { name: 'Acme', industry: 'manufacturing' }, currency: 'EUR', expectedAmount: '100000.00',
      lineItems: [{ productCode: 'CORE', amount: '60000.00', quantity: 1 }, { productCode: 'X', amount: '40000.00', quantity: 1 }],
      team: [{ userId: REP.id, role: 'account-executive' }, { userId: OTHER_REP.id, role: 'account-executive' }],
      occurredAt: '2026-01-06T09:00:00.000Z',
    });
    dealId = opened.dealId;
    await ok(REP, `/deals/${dealId}/splits`, splits(6000, '2026-01-06T09:30:00.000Z'));
    for (const stage of ['product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${dealId}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-02-01T10:00:00.000Z' });
    }
    await ok(REP, `/deals/${dealId}/terms`, { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email('<t@acme>'), occurredAt: '2026-03-10T10:00:00.000Z' });
    await ok(REP, `/deals/${dealId}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-1' }, occurredAt: '2026-03-25T16:00:00.000Z' });
  });
  afterAll(() => t.close());

  it('won in Q1, Q1 closed, a split change backdated into Q1: Q1 unchanged, Q2 shows the prior-period adjustment with its lineage', async () => {
    expect([total(await statementOf(REP, '2026-Q1')), total(await statementOf(OTHER_REP, '2026-Q1'))]).toStrictEqual([1_275_000, 850_000]);

    const refused = await t.as(REP).post('/commission/periods/2026-Q1/close', {}).expect(403);
    expect(refused.body.details).toMatchObject({ permission: 'commission:CloseCommissionPeriod' });
    const current = periodOf(Date.now());
    expect((await t.as(FINANCE).post(`/commission/periods/${current}/close`, {}).expect(409)).body.error).toBe('COMMISSION.PERIOD_NOT_ENDED');
    expect((await t.as(FINANCE).post('/commission/periods/2026-Q5/close', {}).expect(400)).body.error).toBe('COMMISSION.PERIOD_INVALID');

    const closed = await ok(FINANCE, '/commission/periods/2026-Q1/close');
    expect(closed).toMatchObject({ id: '2026-Q1', streamId: 'commission-period-2026-Q1', events: [{ type: 'CommissionPeriodClosed' }] });
    expect((await t.as(ADMIN).post('/commission/periods/2026-Q1/close', {}).expect(409)).body.error).toBe('COMMISSION.PERIOD_ALREADY_CLOSED');

    const change = await ok(REP, `/deals/${dealId}/splits`, { ...splits(7000, '2026-03-20T12:00:00.000Z'), reason: 'Late paperwork' });
    const changeEvent = (await t.as(FINANCE).get(`/deals/${dealId}/events`).expect(200)).body.events.at(-1);
    expect(changeEvent.eventId).toBe(eventOf(change, 'CreditSplitsSet').eventId);

    const [anaQ1, benQ1] = [await statementOf(REP, '2026-Q1'), await statementOf(OTHER_REP, '2026-Q1')];
    expect([total(anaQ1), total(benQ1)]).toStrictEqual([1_275_000, 850_000]);
    expect(benQ1.closed).toMatchObject({ closedBy: FINANCE.id, closedAt: expect.any(String) });

    const [anaQ2, benQ2] = [await statementOf(REP, '2026-Q2'), await statementOf(OTHER_REP, '2026-Q2')];
    expect([total(anaQ2), total(benQ2)]).toStrictEqual([212_500, -212_500]);
    expect(benQ2.totals[0].byKind['prior-period']).toBe(-212_500);
    expect(benQ2.lines.map((line) => [line.lineId, line.kind, line.amountMinor])).toStrictEqual([
      [`prior-period:2026-Q1:${dealId}:commission:CORE`, 'prior-period', -90_000],
      [`prior-period:2026-Q1:${dealId}:commission:X`, 'prior-period', -80_000],
      [`prior-period:2026-Q1:${dealId}:accelerator`, 'prior-period', -42_500],
    ]);
    const x = benQ2.lines[1];
    expect(x.lineage.priorPeriod).toMatchObject({ period: '2026-Q1', lineId: `${dealId}:commission:X`, frozenMinor: 320_000, knownNowMinor: 240_000, adjustedMinor: 0 });
    expect(x.lineage.arithmetic).toBe('2,400.00 known now − 3,200.00 paid at the close of 2026-Q1 = −800.00');
    expect(x.lineage.events).toStrictEqual([
      expect.objectContaining({
        role: 'late-fact', type: 'CreditSplitsSet', eventId: changeEvent.eventId, position: change.position,
        streamId: `deal-${dealId}`, recordedAt: changeEvent.metadata.recordedAt, occurredAt: '2026-03-20T12:00:00.000Z',
      }),
      expect.objectContaining({ role: 'period-close', type: 'CommissionPeriodClosed', eventId: closed.events[0].eventId, position: closed.position }),
    ]);
  });

  it('refuses a dispute adjustment into the closed period, and writes nothing', async () => {
    const dispute = await ok(OTHER_REP, '/commission/disputes', { userId: OTHER_REP.id, period: '2026-Q1', lineId: `${dealId}:commission:X`, dealId, claim: 'Paid on 40%' });
    const into = (period: string) => ({ decision: 'accept', reason: 'Correction', adjustments: [{ userId: OTHER_REP.id, period, amount: '-800.00', currency: 'EUR', dealId }] });
    const before = await headOf(t);
    const refused = await t.as(FINANCE).post(`/commission/disputes/${dispute.id}/resolution`, into('2026-Q1')).expect(409);
    expect(refused.body).toMatchObject({ error: 'COMMISSION.PERIOD_CLOSED', details: { period: '2026-Q1', field: 'adjustments[0].period' } });
    expect(await writtenSince(t, before)).toStrictEqual([]);
    const review = await t.as(FINANCE).get(`/commission/disputes/${dispute.id}?minPosition=${dispute.position}`).expect(200);
    expect(review.body.dispute.status).toBe('open');
  });

  it('a deal closed after Q1\'s close but backdated into Q1 lands in Q2, never in closed Q1', async () => {
    const late = await ok(REP, '/deals', {
      name: 'Acme spare parts', account: { name: 'Acme' }, currency: 'EUR', expectedAmount: '100000.00',
      lineItems: [{ productCode: 'CORE', amount: '60000.00', quantity: 1 }, { productCode: 'X', amount: '40000.00', quantity: 1 }],
      occurredAt: '2026-02-01T09:00:00.000Z',
    });
    for (const stage of ['product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${late.dealId}/stage/override`, { toStageId: stage, reason: 'Entered late', occurredAt: '2026-02-02T10:00:00.000Z' });
    }
    await ok(REP, `/deals/${late.dealId}/terms`, { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email('<t2@acme>'), occurredAt: '2026-03-10T10:00:00.000Z' });
    await ok(REP, `/deals/${late.dealId}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-2' }, occurredAt: '2026-03-28T16:00:00.000Z' });

    expect(total(await statementOf(REP, '2026-Q1'))).toBe(1_275_000);
    const q2 = await statementOf(REP, '2026-Q2');
    const ofLate = q2.lines.filter((line) => line.lineage.dealId === late.dealId);
    expect(ofLate.map((line) => [line.kind, line.amountMinor, line.lineage.priorPeriod?.frozenMinor])).toStrictEqual([
      ['prior-period', 900_000, 0], ['prior-period', 800_000, 0], ['prior-period', 425_000, 0],
    ]);
    expect(total(q2)).toBe(212_500 + 2_125_000);
  });

  it('reads the periods, and reopening un-freezes Q1 until it is closed again', async () => {
    const periods = (await t.as(REP).get(`/commission/periods?minPosition=${lastPosition}`).expect(200)).body.result;
    expect(periods.slice(0, 2).map((p: { period: string; status: string }) => [p.period, p.status])).toStrictEqual([['2026-Q1', 'closed'], ['2026-Q2', 'open']]);
    expect(periods[0]).toMatchObject({ closed: { closedBy: FINANCE.id }, history: [{ change: 'closed', closedBy: FINANCE.id }] });

    expect((await t.as(FINANCE).post('/commission/periods/2026-Q1/reopen', {}).expect(400)).body.error).toBe('VALIDATION.FAILED');
    await ok(FINANCE, '/commission/periods/2026-Q1/reopen', { reason: 'Acme split agreed before the close' });
    expect((await t.as(ADMIN).post('/commission/periods/2026-Q1/reopen', { reason: 'again' }).expect(409)).body.error).toBe('COMMISSION.PERIOD_NOT_CLOSED');
    const reopened = await statementOf(OTHER_REP, '2026-Q1');
    expect([total(reopened), reopened.closed]).toStrictEqual([637_500, undefined]);
    expect((await statementOf(OTHER_REP, '2026-Q2')).lines).toStrictEqual([]);

    await ok(ADMIN, '/commission/periods/2026-Q1/close');
    const reclosed = await statementOf(OTHER_REP, '2026-Q1');
    expect([total(reclosed), reclosed.closed?.closedBy]).toStrictEqual([637_500, ADMIN.id]);
    const q1 = (await t.as(OTHER_REP).get(`/commission/periods/2026-Q1?minPosition=${lastPosition}`).expect(200)).body.result;
    expect(q1.history.map((h: { change: string; ref: { actorId: string } }) => [h.change, h.ref.actorId])).toStrictEqual([
      ['closed', FINANCE.id], ['reopened', FINANCE.id], ['closed', ADMIN.id],
    ]);
    expect(q1.history[1].reason).toBe('Acme split agreed before the close');
  });
});
