import {
  createTestApp, email, FINANCE, IMPLEMENTATION, MANAGER, OPS, OTHER_REP, REP, TestActor, TestApp,
} from '../src/testing/test-app';

// The controls finance signs off, over HTTP: credit changes after the close wait for someone
// else's approval and land in the first open period; a closed quarter never changes; nobody
// pays themselves; a go-live plan shows pay pending, then payable, then clawed back from go-live.
const SAM: TestActor = { id: 'sam.se', roles: ['rep'] };
const AE_RULES = { creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, payoutTrigger: 'close', clawbackWindowDays: 90 };
const GO_LIVE_RULES = { ...AE_RULES, payoutTrigger: 'go-live', clawbackWindowFrom: 'go-live' };

interface Line {
  lineId: string; kind: string; amountMinor: number; amount: string; dealId?: string;
  lineage: { events: { eventId: string; type: string; role: string; approval?: { proposedBy: string; approvedBy: string } }[]; arithmetic: string; priorPeriod?: { period: string; frozenMinor?: number; knownNowMinor?: number } };
}
interface Statement {
  lines: Line[]; totals: { currency: string; totalMinor: number }[]; closed?: { closedBy: string };
  pending: { dealId: string; waitsFor: string; amountMinor: number; amount: string }[];
}

describe('compensation controls over HTTP: approvals, closed periods, separation of duties, pending pay', () => {
  let t: TestApp;
  let last = 0;
  const post = async (actor: TestActor, path: string, body: object = {}) => {
    const res = await t.as(actor).post(path, body);
    last = Math.max(last, res.body?.position ?? 0);
    return res;
  };
  const ok = async (actor: TestActor, path: string, body: object = {}) => {
    const res = await post(actor, path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** Proposes as `actor`, then `approver` approves; answers the approval (the change's own events). */
  const approved = async (actor: TestActor, dealId: string, path: string, body: object, approver: TestActor = MANAGER) => {
    const proposal = await ok(actor, `/deals/${dealId}/${path}`, body);
    expect(proposal.events.map((e: { type: string }) => e.type)).toEqual(['DealChangeProposed']);
    return ok(approver, `/deals/${dealId}/changes/${proposal.proposalId}/review`, { decision: 'approve' });
  };
  const statement = async (person: TestActor, period: string): Promise<Statement> =>
    (await t.as(person).get(`/commission/statements/${person.id}?period=${period}&minPosition=${last}`).expect(200)).body.result;
  const total = (s: Statement) => s.totals.find((x) => x.currency === 'EUR')?.totalMinor ?? 0;
  const ae = (userId: string, shareBp: number) => ({ userId, role: 'account-executive', shareBp });

  /** A deal of `owner` at terms agreed, entered from the old CRM in January. */
  const dealAtTerms = async (owner: TestActor, name: string): Promise<string> => {
    const { dealId } = await ok(owner, '/deals', {
      name, account: { name, industry: 'retail' }, currency: 'EUR', expectedAmount: '100000.00',
      team: [{ userId: owner.id, role: 'account-executive' }], occurredAt: '2026-01-05T09:00:00.000Z',
    });
    for (const stage of ['qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${dealId}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-01-20T10:00:00.000Z' });
    }
    await ok(owner, `/deals/${dealId}/terms`, { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q3', evidence: email(`<terms-${name}@x>`), occurredAt: '2026-01-25T10:00:00.000Z' });
    return dealId;
  };
  const signed = (at: string) => ({ signedOrder: { kind: 'signature', ref: `order-${at}` }, occurredAt: at });

  beforeAll(async () => {
    t = await createTestApp();
    await t.registerUser({ ...SAM, managerId: MANAGER.id });
    await ok(FINANCE, '/commission/plans/ae/versions', { version: 1, name: 'AE 2026', effectiveFrom: '2026-01-01', rules: AE_RULES });
    await ok(FINANCE, '/commission/plans/golive/versions', { version: 1, name: 'Paid at go-live', effectiveFrom: '2026-01-01', rules: GO_LIVE_RULES });
    for (const [person, plan] of [[REP, 'ae'], [OTHER_REP, 'ae'], [SAM, 'golive']] as const) {
      await ok(FINANCE, '/commission/assignments', { userId: person.id, planId: plan, effectiveFrom: '2026-01-01', currency: 'EUR' });
    }
  });
  afterAll(() => t.close());

  it('a late split change after the close is approved by the manager and lands in the next open period; the same change unapproved changes nothing', async () => {
    const acme = await dealAtTerms(REP, 'Acme');
    await approved(REP, acme, 'splits', { revenue: [ae(REP.id, 5000), ae(OTHER_REP.id, 5000)], occurredAt: '2026-01-25T11:00:00.000Z' });
    await approved(REP, acme, 'close-won', signed('2026-05-20T16:00:00.000Z'));
    expect(total(await statement(REP, '2026-Q2'))).toBe(500_000);

    await ok(FINANCE, '/commission/periods/2026-Q2/close');
    const frozen = await statement(REP, '2026-Q2');
    expect(frozen.closed).toMatchObject({ closedBy: FINANCE.id });

    // Ana proposes 70/30 dated before the close; the manager approves it.
    const approval = await approved(REP, acme, 'splits', { revenue: [ae(REP.id, 7000), ae(OTHER_REP.id, 3000)], occurredAt: '2026-05-10T10:00:00.000Z', reason: 'Ana ran the technical close' });
    const late = approval.events.find((e: { type: string }) => e.type === 'CreditSplitsSet');
    expect(total(await statement(REP, '2026-Q2'))).toBe(500_000);
    const q3 = await statement(REP, '2026-Q3');
    const correction = q3.lines.find((l) => l.kind === 'prior-period' && l.dealId === acme)!;
    expect(correction).toMatchObject({ amountMinor: 200_000, amount: '2000.00' });
    expect(correction.lineage.priorPeriod).toMatchObject({ period: '2026-Q2', frozenMinor: 500_000, knownNowMinor: 700_000 });
    expect(correction.lineage.events.find((e) => e.role === 'late-fact')).toMatchObject({
      eventId: late.eventId, type: 'CreditSplitsSet', approval: { proposedBy: REP.id, approvedBy: MANAGER.id },
    });
    expect(correction.lineage.arithmetic).toContain('2026-Q2');
    expect(total(await statement(OTHER_REP, '2026-Q3'))).toBe(-200_000);

    // The same kind of change, Ana for herself alone, without approval: waiting, nothing moves.
    const own = await ok(REP, `/deals/${acme}/splits`, { revenue: [ae(REP.id, 10_000)], occurredAt: '2026-05-10T10:00:00.000Z' });
    expect(own.events.map((e: { type: string }) => e.type)).toEqual(['DealChangeProposed']);
    expect((await post(REP, `/deals/${acme}/changes/${own.proposalId}/review`, { decision: 'approve' })).status).toBe(403);
    expect(total(await statement(REP, '2026-Q3'))).toBe(200_000);
    expect(total(await statement(OTHER_REP, '2026-Q3'))).toBe(-200_000);
    const queue = (await t.as(MANAGER).get(`/approvals?minPosition=${last}`).expect(200)).body.result;
    expect(queue).toEqual([expect.objectContaining({ dealId: acme, proposalId: own.proposalId, proposedBy: REP.id, reasons: ['after-close', 'backdated'] })]);
    await ok(MANAGER, `/deals/${acme}/changes/${own.proposalId}/review`, { decision: 'reject', reason: 'Ben worked this deal' });
    expect(total(await statement(REP, '2026-Q3'))).toBe(200_000);
  });

  it('a close dated into the closed quarter waits for a manager, then lands as an adjustment in the next open period, never in the closed one', async () => {
    const before = total(await statement(OTHER_REP, '2026-Q2'));
    const globex = await dealAtTerms(OTHER_REP, 'Globex');
    const close = await ok(OTHER_REP, `/deals/${globex}/close-won`, signed('2026-06-15T16:00:00.000Z'));
    expect(close.events.map((e: { type: string }) => e.type)).toEqual(['DealChangeProposed']);
    // Sales-ops may approve credit changes, not a close dated back beyond the limit.
    expect((await post(OPS, `/deals/${globex}/changes/${close.proposalId}/review`, { decision: 'approve' })).body.error).toBe('DEAL.MANAGER_APPROVAL_REQUIRED');
    await ok(MANAGER, `/deals/${globex}/changes/${close.proposalId}/review`, { decision: 'approve' });
    expect(total(await statement(OTHER_REP, '2026-Q2'))).toBe(before);
    const q3 = await statement(OTHER_REP, '2026-Q3');
    expect(q3.lines.filter((l) => l.dealId === globex).map((l) => [l.kind, l.amountMinor])).toEqual([['prior-period', 1_000_000]]);
  });

  it('finance cannot pay herself, nor resolve her own dispute, nor put herself on a plan', async () => {
    const q3 = await statement(REP, '2026-Q3');
    const { id } = await ok(REP, '/commission/disputes', { userId: REP.id, period: '2026-Q3', lineId: q3.lines[0].lineId, claim: 'Too little' });
    const toSelf = await post(FINANCE, `/commission/disputes/${id}/resolution`, {
      decision: 'accept', reason: 'x', adjustments: [{ userId: FINANCE.id, period: '2026-Q4', amount: '99999999999.99', currency: 'EUR' }],
    });
    expect(toSelf.status).toBe(400);
    expect(toSelf.body.error).toBe('DISPUTE.ADJUSTMENT_RECIPIENT');
    const ahead = await post(FINANCE, `/commission/disputes/${id}/resolution`, {
      decision: 'accept', reason: 'x', adjustments: [{ userId: REP.id, period: '2031-Q4', amount: '10.00', currency: 'EUR' }],
    });
    expect(ahead.body.error).toBe('DISPUTE.ADJUSTMENT_PERIOD');
    const own = await ok(FINANCE, '/commission/disputes', { userId: FINANCE.id, period: '2026-Q3', lineId: 'x', claim: 'Mine' });
    expect((await post(FINANCE, `/commission/disputes/${own.id}/resolution`, { decision: 'reject', reason: 'x' })).body.error).toBe('DISPUTE.OWN_DISPUTE');
    expect((await post(FINANCE, '/commission/assignments', { userId: FINANCE.id, planId: 'ae', effectiveFrom: '2026-01-01', currency: 'EUR' })).status).toBe(403);
    expect(total(await statement(REP, '2026-Q4'))).toBe(0);
  });

  it('a plan paying at go-live shows the pay pending before go-live, payable after it, and claws back within 90 days of go-live', async () => {
    const initech = await dealAtTerms(SAM, 'Initech');
    await approved(SAM, initech, 'close-won', signed('2026-07-01T16:00:00.000Z'));
    const beforeLive = await statement(SAM, '2026-Q4');
    expect(beforeLive.lines).toEqual([]);
    expect(beforeLive.pending).toEqual([expect.objectContaining({ dealId: initech, waitsFor: 'go-live', amountMinor: 1_000_000, amount: '10000.00' })]);

    for (const [path, body] of [['handoff', { implementationLeadId: 'ivan.impl', customerSuccessManagerId: 'olivia.csm', occurredAt: '2026-07-02T09:00:00.000Z' }], ['implementation/start', { occurredAt: '2026-07-10T09:00:00.000Z' }]] as const) {
      await ok(IMPLEMENTATION, `/deals/${initech}/${path}`, body);
    }
    // Go-live triggers the payout: dated 16 days back, it waits for the manager.
    await approved(IMPLEMENTATION, initech, 'go-live', { evidence: email('<live@initech>'), occurredAt: '2026-11-20T09:00:00.000Z' });
    const live = await statement(SAM, '2026-Q4');
    expect(live.pending).toEqual([]);
    expect(live.lines.map((l) => [l.kind, l.amountMinor])).toEqual([['commission', 1_000_000]]);

    // Reversed 157 days after the close but 15 after go-live: the plan counts the window from go-live.
    await ok(MANAGER, `/deals/${initech}/reversal`, { reason: 'Customer cancelled', occurredAt: '2026-12-05T09:00:00.000Z' });
    const reversed = await statement(SAM, '2026-Q4');
    const clawback = reversed.lines.find((l) => l.kind === 'clawback')!;
    expect(clawback.amountMinor).toBe(-1_000_000);
    expect(clawback.lineage.arithmetic).toContain('after the go-live');
    expect(total(reversed)).toBe(0);
  });
});
