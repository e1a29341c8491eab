import {
  approveIfProposed, createTestApp, email, FINANCE, MANAGER, OTHER_REP, REP, TestActor, TestApp,
} from '../src/testing/test-app';

// The brief's worked example, entered through the API: plans, assignments, the Acme deal with
// its team and splits, the close on 2026-03-25; then the dispute twist and its resolution.
const SAM: TestActor = { id: 'sam.se', roles: ['rep'] };
const AE_RULES = {
  creditType: 'revenue', currency: 'EUR', baseRateBp: 1500, productRates: [{ productCode: 'X', rateBp: 2000 }],
  accelerators: { quarterEnd: { days: 10, multiplierBp: 12500 } }, payoutTrigger: 'close', clawbackWindowDays: 90,
};
const SE_RULES = { creditType: 'overlay', currency: 'EUR', baseRateBp: 400, payoutTrigger: 'close', clawbackWindowDays: 90 };

interface Line {
  lineId: string; kind: string; amountMinor: number; amount: string; dealName?: string; planName?: string;
  lineage: { dealId?: string; arithmetic: string; rule: string; events: { eventId: string; position: number }[]; split?: { shareBp: number; eventId: string }; plan?: { name: string; version: number } };
}
interface Statement { lines: Line[]; totals: { currency: string; totalMinor: number; total: string }[] }

describe('commission: the worked example over HTTP', () => {
  let t: TestApp;
  let dealId: string;
  let lastPosition = 0;
  /** Posts; what waits for approval (splits naming others, a close dated months back) the manager approves: `applied` is the answer that wrote the change. */
  const ok = async (actor: TestActor, path: string, body: object, status = 201) => {
    const res = await t.as(actor).post(path, body);
    if (res.status !== status) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    const applied = res.body.proposalId === undefined ? res.body : await approveIfProposed(t, res.body.dealId, res.body, MANAGER);
    lastPosition = Math.max(lastPosition, res.body.position ?? 0, applied.position ?? 0);
    return { ...res.body, applied };
  };
  const statementOf = async (actor: TestActor, person: string, query = '') => {
    const res = await t.as(actor).get(`/commission/statements/${person}?period=2026-Q1&minPosition=${lastPosition}${query}`).expect(200);
    return res.body.result as Statement;
  };
  const closeEventOf = (answer: { applied: { events: { type: string; eventId: string }[] } }) => answer.applied.events.find((e) => e.type === 'DealClosedWon')!;
  const total = (s: Statement) => s.totals.find((x) => x.currency === 'EUR')?.totalMinor ?? 0;
  const splits = (ana: number, ben: number, occurredAt: string) => ({
    revenue: [{ userId: REP.id, role: 'account-executive', shareBp: ana }, { userId: OTHER_REP.id, role: 'account-executive', shareBp: ben }],
    overlay: [{ userId: SAM.id, role: 'sales-engineer', shareBp: 5000 }],
    occurredAt,
  });

  beforeAll(async () => {
    t = await createTestApp();
    await t.registerUser({ ...SAM, managerId: MANAGER.id });
    await ok(FINANCE, '/commission/plans/ae-fy26/versions', { version: 1, name: 'AE FY26 v1', effectiveFrom: '2026-01-01', rules: AE_RULES });
    await ok(FINANCE, '/commission/plans/se-fy26/versions', { version: 1, name: 'SE FY26 v1', effectiveFrom: '2026-01-01', rules: SE_RULES });
    for (const [person, plan] of [[REP.id, 'ae-fy26'], [OTHER_REP.id, 'ae-fy26'], [SAM.id, 'se-fy26']]) {
      await ok(FINANCE, '/commission/assignments', { userId: person, planId: plan, effectiveFrom: '2026-01-01', currency: 'EUR' });
    }
    const opened = await ok(REP, '/deals', {
      name: 'Acme rollout', account: { name: 'Acme', industry: 'manufacturing' }, currency: 'EUR', expectedAmount: '100000.00',
      lineItems: [{ productCode: 'CORE', amount: '60000.00', quantity: 1 }, { productCode: 'X', amount: '40000.00', quantity: 1 }],
      team: [
        { userId: REP.id, role: 'account-executive' }, { userId: OTHER_REP.id, role: 'account-executive' },
        { userId: SAM.id, role: 'sales-engineer' },
      ],
      occurredAt: '2026-01-05T09:00:00.000Z',
    });
    dealId = opened.dealId;
    await ok(REP, `/deals/${dealId}/splits`, splits(6000, 4000, '2026-01-05T09:30:00.000Z'));
    const facts: [string, object][] = [
      ['buyer-responses', { evidence: email('<r@acme>') }], ['meetings', { meetingId: 'm1', scheduledFor: '2026-01-10T10:00:00Z', evidence: { kind: 'calendar', ref: 'm1' } }],
      ['stage/advance', {}],
      ['decision-maker', { contactName: 'Pat', evidence: { kind: 'meeting', ref: 'm1' } }], ['budget', { max: '120000.00', evidence: email('<b@acme>') }],
      ['decision-timeframe', { decisionBy: '2026-03-31', evidence: email('<t@acme>') }], ['stage/advance', {}],
      ['demos', { attended: true, questionsAnswered: true, evidence: { kind: 'meeting', ref: 'demo' } }],
      ['next-meetings', { meetingId: 'm2', scheduledFor: '2026-02-10T10:00:00Z', evidence: { kind: 'calendar', ref: 'm2' } }],
      ['recap-emails', { evidence: email('<recap@rep>') }], ['recap-confirmations', { evidence: email('<ok@acme>') }], ['stage/advance', {}],
      ['proposals', { evidence: { kind: 'document', ref: 'p.pdf' } }], ['proposal-acknowledgements', { evidence: email('<ack@acme>') }], ['stage/advance', {}],
      ['terms', { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email('<terms@acme>') }],
    ];
    let day = 10;
    for (const [path, body] of facts) await ok(REP, `/deals/${dealId}/${path}`, { ...body, occurredAt: `2026-02-${String(day++).padStart(2, '0')}T10:00:00.000Z` });
  });
  afterAll(() => t.close());

  it('pays Ana 14,875.00, Ben 6,375.00 and Sam 2,000.00 with lineage on every line (split changed before the close)', async () => {
    // Ana proposes the change; her manager approves it (nobody approves their own change).
    await ok(REP, `/deals/${dealId}/splits`, { ...splits(7000, 3000, '2026-03-20T12:00:00.000Z'), reason: 'Ben handed the technical close to Ana' });
    const closed = await ok(REP, `/deals/${dealId}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-1' }, occurredAt: '2026-03-25T16:00:00.000Z' });

    const [ana, ben, sam] = [await statementOf(REP, REP.id), await statementOf(OTHER_REP, OTHER_REP.id), await statementOf(SAM, SAM.id)];
    expect([total(ana), total(ben), total(sam)]).toEqual([1_487_500, 637_500, 200_000]);
    expect([ana, ben, sam].map((s) => s.totals[0].total)).toEqual(['14875.00', '6375.00', '2000.00']);
    expect(ana.lines.map((l) => [l.amount, l.dealName, l.planName])).toEqual([
      ['6300.00', 'Acme rollout', 'AE FY26 v1'], ['5600.00', 'Acme rollout', 'AE FY26 v1'], ['2975.00', 'Acme rollout', 'AE FY26 v1'],
    ]);
    for (const line of [...ana.lines, ...ben.lines, ...sam.lines]) {
      expect(line.lineage).toMatchObject({ dealId, arithmetic: expect.stringContaining('=') });
      expect(line.lineage.events.map((e) => e.eventId)).toContain(closeEventOf(closed).eventId);
      expect(line.lineage.events.every((e) => e.position > 0)).toBe(true);
      expect(line.lineage.plan).toBeDefined();
      expect(line.lineage.split?.eventId).toBeDefined();
    }
    expect(ana.lines.find((l) => l.kind === 'commission' && l.lineId.endsWith(':X'))?.lineage.arithmetic).toContain('5,600.00');
    expect(ana.lines.find((l) => l.kind === 'accelerator')?.lineage.arithmetic).toContain('14,875.00');
    expect(ana.lines.every((l) => l.lineage.split?.shareBp === 7000)).toBe(true);
    expect(new Set(sam.lines.map((l) => l.lineage.plan?.name))).toEqual(new Set(['SE FY26 v1']));
    expect(sam.lines.map((l) => l.amountMinor).sort()).toEqual([120_000, 80_000].sort());
  });

  it('shows the split change recorded after the close: as known at the close vs now, and resolves the dispute with adjustments', async () => {
    // A second deal, closed first, whose 60/40 → 70/30 change is recorded later but dated before the close.
    const second = await ok(REP, '/deals', {
      name: 'Acme phase 2', account: { name: 'Acme', industry: 'manufacturing' }, currency: 'EUR', expectedAmount: '100000.00',
      lineItems: [{ productCode: 'CORE', amount: '60000.00', quantity: 1 }, { productCode: 'X', amount: '40000.00', quantity: 1 }],
      team: [{ userId: REP.id, role: 'account-executive' }, { userId: OTHER_REP.id, role: 'account-executive' }, { userId: SAM.id, role: 'sales-engineer' }],
      occurredAt: '2026-01-06T09:00:00.000Z',
    });
    const id = second.dealId as string;
    await ok(REP, `/deals/${id}/splits`, splits(6000, 4000, '2026-01-06T09:30:00.000Z'));
    for (const stage of ['product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${id}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-02-01T10:00:00.000Z' });
    }
    await ok(REP, `/deals/${id}/terms`, { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email('<t2@acme>'), occurredAt: '2026-03-10T10:00:00.000Z' });
    const closed = await ok(REP, `/deals/${id}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-2' }, occurredAt: '2026-03-26T16:00:00.000Z' });
    const closeRecordedAt = (await t.as(REP).get(`/deals/${id}/events`).expect(200)).body.events.at(-1).metadata.recordedAt as string;
    await new Promise((r) => setTimeout(r, 5));
    const change = await ok(REP, `/deals/${id}/splits`, { ...splits(7000, 3000, '2026-03-20T12:00:00.000Z'), reason: 'Late paperwork' });
    expect(change.events.map((e: { type: string }) => e.type)).toEqual(['DealChangeProposed']);
    const splitEvent = change.applied.events.find((e: { type: string }) => e.type === 'CreditSplitsSet');
    expect(closed.applied.position).toBeLessThan(change.applied.position);

    const lineOf = (s: Statement) => s.lines.filter((l) => l.lineage.dealId === id);
    const sum = (lines: Line[]) => lines.reduce((n, l) => n + l.amountMinor, 0);
    const atClose = (p: TestActor) => statementOf(p, p.id, `&asKnownAt=${closeRecordedAt}`);
    expect(sum(lineOf(await atClose(REP)))).toBe(1_275_000);
    expect(sum(lineOf(await atClose(OTHER_REP)))).toBe(850_000);
    expect(sum(lineOf(await statementOf(REP, REP.id)))).toBe(1_487_500);
    expect(sum(lineOf(await statementOf(OTHER_REP, OTHER_REP.id)))).toBe(637_500);

    const recon = await t.as(OTHER_REP).get(`/commission/statements/${OTHER_REP.id}/reconstruction?period=2026-Q1&knownAtA=${closeRecordedAt}&minPosition=${lastPosition}`).expect(200);
    expect(JSON.stringify(recon.body.result)).toContain(splitEvent.eventId);

    const benLine = lineOf(await atClose(OTHER_REP))[0];
    const dispute = await ok(OTHER_REP, '/commission/disputes', { userId: OTHER_REP.id, period: '2026-Q1', lineId: benLine.lineId, dealId: id, claim: 'The split was 60/40 when we closed' });
    const review = await t.as(FINANCE).get(`/commission/disputes/${dispute.id}?minPosition=${dispute.position}`).expect(200);
    expect(review.body.dispute).toMatchObject({ userId: OTHER_REP.id, status: 'open' });

    const byRep = await t.as(OTHER_REP).post(`/commission/disputes/${dispute.id}/resolution`, { decision: 'accept', reason: 'mine' }).expect(403);
    expect(byRep.body).toMatchObject({ error: 'AUTH.PERMISSION_DENIED', details: { permission: 'commission:ResolveDispute' } });
    const resolved = await ok(FINANCE, `/commission/disputes/${dispute.id}/resolution`, {
      decision: 'accept', reason: 'The split change was dated before the close; paying the difference next quarter',
      adjustments: [
        { userId: REP.id, period: '2026-Q2', amount: '2125.00', currency: 'EUR', dealId: id },
        { userId: OTHER_REP.id, period: '2026-Q2', amount: '-2125.00', currency: 'EUR', dealId: id },
      ],
    });
    lastPosition = resolved.position;
    const q2 = await t.as(OTHER_REP).get(`/commission/statements/${OTHER_REP.id}?period=2026-Q2&minPosition=${lastPosition}`).expect(200);
    const adjustment = (q2.body.result as Statement).lines.find((l) => l.kind === 'adjustment');
    expect(adjustment).toMatchObject({ amountMinor: -212_500, amount: '-2125.00', dealName: 'Acme phase 2' });
    expect(JSON.stringify(adjustment?.lineage)).toContain(resolved.events[0].eventId);
  });

  it('lets a rep see only their own statement', async () => {
    const res = await t.as(REP).get(`/commission/statements/${OTHER_REP.id}?period=2026-Q1`).expect(403);
    expect(res.body.error).toBe('AUTH.PERMISSION_DENIED');
  });
});
