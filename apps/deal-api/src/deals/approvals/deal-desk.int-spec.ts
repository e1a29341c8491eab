import { headOf, writtenSince } from '../../security/testing/security-harness';
import {
  createTestApp, email, FINANCE, MANAGER, openAcme, OTHER_MANAGER, OTHER_REP, reachProductEvaluated, REP, TestActor, TestApp,
} from '../../testing/test-app';

const types = (body: { events: { type: string }[] }) => body.events.map((e) => e.type);
const signedOrder = { kind: 'signature', ref: 'order-1' };

describe('deal-desk approvals in negotiation over HTTP (real SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ok = async (actor: TestActor, path: string, body: object = {}) => {
    const res = await t.as(actor).post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** The Acme deal (100,000.00 EUR at opening), walked by the rep through every exit criterion to "Terms agreed". */
  async function acmeAtTerms(): Promise<string> {
    const dealId = await openAcme(t);
    await reachProductEvaluated(t, dealId);
    const steps: [string, object][] = [
      ['demos', { attended: true, questionsAnswered: true, evidence: { kind: 'meeting', ref: 'demo-1' }, occurredAt: '2026-01-12T10:00:00.000Z' }],
      ['next-meetings', { meetingId: 'cal-2', scheduledFor: '2026-01-19T10:00:00.000Z', evidence: { kind: 'calendar', ref: 'cal-2' }, occurredAt: '2026-01-12T11:00:00.000Z' }],
      ['recap-emails', { evidence: email('<recap@us.example>'), occurredAt: '2026-01-12T12:00:00.000Z' }],
      ['recap-confirmations', { evidence: email('<re-recap@acme.example>'), occurredAt: '2026-01-13T09:00:00.000Z' }],
      ['stage/advance', { occurredAt: '2026-01-13T10:00:00.000Z' }],
      ['proposals', { evidence: { kind: 'document', ref: 'https://docs.example/proposal-1' }, occurredAt: '2026-01-20T10:00:00.000Z' }],
      ['proposal-acknowledgements', { evidence: email('<ack@acme.example>'), occurredAt: '2026-01-21T10:00:00.000Z' }],
      ['stage/advance', { occurredAt: '2026-01-21T11:00:00.000Z' }],
    ];
    for (const [path, body] of steps) await ok(REP, `/deals/${dealId}/${path}`, body);
    return dealId;
  }

  const terms = (price: string, paymentTerms: string, ref: string) =>
    ({ price, paymentTerms, deliveryTimeline: 'Go-live by May', evidence: email(ref), occurredAt: '2026-01-28T10:00:00.000Z' });

  it('terms 30% off wait for the owner\'s manager: the close is refused until the manager approves, then allowed', async () => {
    const dealId = await acmeAtTerms();
    const agreed = await ok(REP, `/deals/${dealId}/terms`, terms('70000.00', 'Net 30', '<terms-70k@acme.example>'));
    expect(types(agreed)).toStrictEqual(['TermsAgreed', 'DealDeskApprovalRequested']);
    const requestId: string = agreed.dealDeskRequestId;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const state = (await t.as(REP).get(`/deals/${dealId}`).expect(200)).body.state;
    expect(state.dealDesk).toMatchObject({ requestId, status: 'pending', requestedBy: REP.id, reasons: ['discount'] });

    const queue = await t.as(MANAGER).get(`/approvals?minPosition=${agreed.position}`).expect(200);
    expect(queue.body.result).toStrictEqual([expect.objectContaining({
      kind: 'deal-desk', dealId, proposalId: requestId, type: 'AgreeTerms', proposedBy: REP.id, reasons: ['discount'], dealName: 'Acme rollout',
      data: expect.objectContaining({ priceMinor: 7_000_000, referenceMinor: 10_000_000, discountBp: 3000, limits: { maxDiscountBp: 1500, floorPriceMinor: 8_500_000, maxPaymentTermsDays: 60 } }),
    })]);
    expect((await t.as(REP).get(`/approvals?minPosition=${agreed.position}`).expect(200)).body.result).toMatchObject([{ kind: 'deal-desk', proposalId: requestId }]);
    expect((await t.as(OTHER_REP).get(`/approvals?minPosition=${agreed.position}`).expect(200)).body.result).toStrictEqual([]);

    const before = await headOf(t);
    const refused = await t.as(REP).post(`/deals/${dealId}/close-won`, { signedOrder }).expect(409);
    expect(refused.body).toMatchObject({ error: 'DEAL.DEAL_DESK_APPROVAL_PENDING', details: { requestId, reasons: ['discount'] } });
    expect(await writtenSince(t, before)).toStrictEqual([]);

    // Only a manager of the owner, by the access table; a reason is required.
    for (const actor of [REP, OTHER_MANAGER, FINANCE]) {
      const res = await t.as(actor).post(`/deals/${dealId}/deal-desk/${requestId}/decision`, { decision: 'approve', reason: 'Fine by me' }).expect(403);
      expect(res.body).toMatchObject({ error: 'AUTH.PERMISSION_DENIED', details: { permission: 'deal:DecideDealDesk' } });
    }
    const noReason = await t.as(MANAGER).post(`/deals/${dealId}/deal-desk/${requestId}/decision`, { decision: 'approve' }).expect(400);
    expect(noReason.body.error).toBe('VALIDATION.FAILED');

    const approved = await ok(MANAGER, `/deals/${dealId}/deal-desk/${requestId}/decision`, { decision: 'approve', reason: 'Strategic logo; three-year commitment' });
    expect(types(approved)).toStrictEqual(['DealDeskApproved']);
    const events = (await t.as(MANAGER).get(`/deals/${dealId}/events?fromRevision=${approved.revision}`).expect(200)).body.events;
    expect(events[0]).toMatchObject({
      type: 'DealDeskApproved',
      data: { requestId, requestedBy: REP.id, approverId: MANAGER.id, reason: 'Strategic logo; three-year commitment' },
      metadata: { actor: { id: MANAGER.id } },
    });
    expect(events[0].metadata.recordedAt).toEqual(expect.any(String));
    const again = await t.as(MANAGER).post(`/deals/${dealId}/deal-desk/${requestId}/decision`, { decision: 'reject', reason: 'On second thought' }).expect(409);
    expect(again.body.error).toBe('DEAL.DEAL_DESK_ALREADY_DECIDED');
    expect((await t.as(MANAGER).get(`/approvals?minPosition=${approved.position}`).expect(200)).body.result).toStrictEqual([]);

    const won = await ok(REP, `/deals/${dealId}/close-won`, { signedOrder });
    expect(types(won)).toStrictEqual(['DealClosedWon']);
    const timeline = await t.as(MANAGER).get(`/audit/deals/${dealId}?minPosition=${won.position}&limit=100`).expect(200);
    const said = timeline.body.entries.map((e: { summary: string }) => e.summary);
    expect(said).toContainEqual(expect.stringContaining('asked a manager to approve the terms'));
    expect(said).toContainEqual(`${MANAGER.id} (manager, not on the deal team) approved ${REP.id}'s terms beyond the deal desk's limits (request ${requestId}): Strategic logo; three-year commitment`);
  });

  it('rejected terms keep the close refused; new terms within the limits replace the request and the deal closes', async () => {
    const dealId = await acmeAtTerms();
    const agreed = await ok(REP, `/deals/${dealId}/terms`, terms('100000.00', 'end of quarter', '<terms-eoq@acme.example>'));
    expect(types(agreed)).toStrictEqual(['TermsAgreed', 'DealDeskApprovalRequested']);
    const requestId: string = agreed.dealDeskRequestId;
    await ok(MANAGER, `/deals/${dealId}/deal-desk/${requestId}/decision`, { decision: 'reject', reason: 'Payment terms must be net days' });
    const refused = await t.as(REP).post(`/deals/${dealId}/close-won`, { signedOrder }).expect(409);
    expect(refused.body).toMatchObject({ error: 'DEAL.DEAL_DESK_REJECTED', details: { requestId, rejectedBy: MANAGER.id, reason: 'Payment terms must be net days' } });

    const within = await ok(REP, `/deals/${dealId}/terms`, terms('90000.00', 'Net 45', '<terms-net45@acme.example>'));
    expect(types(within)).toStrictEqual(['TermsAgreed']);
    expect(within.dealDeskRequestId).toBeUndefined();
    const stale = await t.as(MANAGER).post(`/deals/${dealId}/deal-desk/${requestId}/decision`, { decision: 'approve', reason: 'Fine' }).expect(404);
    expect(stale.body.error).toBe('DEAL.DEAL_DESK_REQUEST_NOT_FOUND');
    expect(types(await ok(REP, `/deals/${dealId}/close-won`, { signedOrder }))).toStrictEqual(['DealClosedWon']);
  });
});

describe('a configured price list over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    // CORE lists at 70,000.00 EUR a unit with at most 10% off; X keeps its opening amount and the default limit.
    t = await createTestApp(':memory:', {
      dealDesk: { maxDiscountBp: 1500, maxPaymentTermsDays: 30, products: new Map([['CORE', { listPriceMinor: 7_000_000, currency: 'EUR', maxDiscountBp: 1000 }]]) },
    });
  });
  afterAll(() => t.close());

  it('measures the terms against the list price and the configured limits', async () => {
    const dealId = await openAcme(t);
    const within = await t.as(REP).post(`/deals/${dealId}/terms`, { price: '97000.00', paymentTerms: 'Net 30', deliveryTimeline: 'May', evidence: email('<t1@acme>') }).expect(201);
    expect(types(within.body)).toStrictEqual(['TermsAgreed']);
    const beyond = await t.as(REP).post(`/deals/${dealId}/terms`, { price: '100000.00', paymentTerms: 'Net 45', deliveryTimeline: 'May', evidence: email('<t2@acme>') }).expect(201);
    expect(types(beyond.body)).toStrictEqual(['TermsAgreed', 'DealDeskApprovalRequested']);
    const events = (await t.as(REP).get(`/deals/${dealId}/events?fromRevision=${beyond.body.revision}`).expect(200)).body.events;
    expect(events[0].data).toMatchObject({
      reasons: ['payment-terms'], referenceMinor: 11_000_000, paymentTermsDays: 45,
      limits: { floorPriceMinor: 9_700_000, maxPaymentTermsDays: 30 },
      references: [{ productCode: 'CORE', basis: 'list-price', referenceMinor: 7_000_000, maxDiscountBp: 1000 }, { productCode: 'X', basis: 'opening', referenceMinor: 4_000_000 }],
    });
  });
});
