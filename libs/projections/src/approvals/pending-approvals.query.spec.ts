import { Actor, createDealDecider, DealCommand, DealEvent, DealState } from '@deals/domain';
import { summarize } from '../audit/audit-summary';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import { EventLog } from '../testing/recorded-events';
import { foldEvents } from '../testing/fold-events';
import { pendingApprovals } from './pending-approvals.query';

const decider = createDealDecider();
const ana: Actor = { id: 'ana', roles: ['rep'] };
const mia: Actor = { id: 'mia', roles: ['manager'] };
const proof = { kind: 'email' as const, ref: '<terms@acme.example>' };

/** Runs commands through the real decider and records what it decides, at the times given. */
type Step = readonly [at: string, actor: Actor, type: DealCommand['type'], data: unknown];

function history(log: EventLog, dealId: string, steps: readonly Step[]) {
  let state: DealState = decider.initialState();
  for (const [index, [at, actor, type, data]] of steps.entries()) {
    const command = { type, data, metadata: { commandId: `${dealId}-${index}`, actor, now: at, occurredAt: at } } as DealCommand;
    for (const event of decider.decide(command, state) as DealEvent[]) {
      log.deal(dealId).by(actor).at(at).add(event.type, event.data as never);
      state = decider.evolve(state, { ...event, metadata: { occurredAt: at } } as DealEvent);
    }
  }
}

const open = (dealId: string): Step => ['2026-03-01T09:00:00.000Z', ana, 'OpenDeal', {
  dealId, name: dealId, account: { name: 'Acme' }, ownerId: 'ana', currency: 'EUR', expectedAmountMinor: 10_000_000,
  lineItems: [{ productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 }, { productCode: 'X', amountMinor: 4_000_000, quantity: 1 }],
}];
const terms = (at: string, priceMinor: number, paymentTerms = 'Net 30'): Step =>
  [at, ana, 'AgreeTerms', { priceMinor, paymentTerms, deliveryTimeline: 'Q2', evidence: proof }];

describe('deal-desk requests in the deal summary and the approval queue', () => {
  const log = new EventLog();
  history(log, 'acme', [
    open('acme'),
    ['2026-03-05T09:00:00.000Z', ana, 'SetCreditSplits', { revenue: [{ userId: 'ana', role: 'account-executive', shareBp: 5000 }, { userId: 'ben', role: 'account-executive', shareBp: 5000 }] }],
    terms('2026-03-10T09:00:00.000Z', 7_000_000, 'Net 90'),
  ]);
  history(log, 'bolt', [open('bolt'), terms('2026-03-02T09:00:00.000Z', 6_000_000), ['2026-03-03T09:00:00.000Z', mia, 'DecideDealDesk', { requestId: 'bolt-1', decision: 'approve', reason: 'Strategic logo' }]]);
  history(log, 'cora', [open('cora'), terms('2026-03-02T09:00:00.000Z', 6_000_000), terms('2026-03-04T09:00:00.000Z', 9_500_000)]);
  const model = foldEvents(dealSummaryProjection, log.events);

  it('the summary keeps the request of the latest terms, its figures and its answer', () => {
    expect(model.get('acme')?.dealDesk).toStrictEqual({
      requestId: 'acme-2', status: 'pending', requestedBy: 'ana', requestedAt: '2026-03-10T09:00:00.000Z', reasons: ['discount', 'payment-terms'],
      priceMinor: 7_000_000, referenceMinor: 10_000_000, discountBp: 3000, paymentTerms: 'Net 90', paymentTermsDays: 90,
      limits: { maxDiscountBp: 1500, floorPriceMinor: 8_500_000, maxPaymentTermsDays: 60 },
    });
    expect(model.get('bolt')?.dealDesk).toMatchObject({
      requestId: 'bolt-1', status: 'approved', decidedBy: 'mia', decidedAt: '2026-03-03T09:00:00.000Z', decisionReason: 'Strategic logo',
    });
    // New terms within the limits replaced the request.
    expect(model.get('cora')?.dealDesk).toBeUndefined();
  });

  it('the queue lists pending changes and pending deal-desk requests, each with its kind, oldest first', () => {
    expect(pendingApprovals(model).map(({ kind, dealId, proposalId, type, reasons }) => ({ kind, dealId, proposalId, type, reasons }))).toStrictEqual([
      { kind: 'change', dealId: 'acme', proposalId: 'acme-1', type: 'SetCreditSplits', reasons: ['names-others'] },
      { kind: 'deal-desk', dealId: 'acme', proposalId: 'acme-2', type: 'AgreeTerms', reasons: ['discount', 'payment-terms'] },
    ]);
    expect(pendingApprovals(model, (_deal, item) => item.kind === 'deal-desk')[0]).toStrictEqual({
      kind: 'deal-desk', dealId: 'acme', dealName: 'acme', ownerId: 'ana', currency: 'EUR', proposalId: 'acme-2', type: 'AgreeTerms',
      data: { priceMinor: 7_000_000, referenceMinor: 10_000_000, discountBp: 3000, paymentTerms: 'Net 90', paymentTermsDays: 90, limits: { maxDiscountBp: 1500, floorPriceMinor: 8_500_000, maxPaymentTermsDays: 60 } },
      proposedBy: 'ana', proposedAt: '2026-03-10T09:00:00.000Z', occurredAt: '2026-03-10T09:00:00.000Z', reasons: ['discount', 'payment-terms'],
    });
  });

  it('the audit says what the deal desk found and who answered', () => {
    const request = log.events.find((e) => e.type === 'DealDeskApprovalRequested' && e.streamId === 'deal-acme')!;
    expect(summarize(request.type, request.data, { id: 'ana', dealRoles: [], organisationRoles: ['rep'], isOwner: false }, 'EUR')).toBe(
      'ana (rep, not on the deal team) asked a manager to approve the terms (deal desk request acme-2): 30.00% off 100000.00 EUR '
      + '(limit 15.00%, lowest price within it 85000.00 EUR); payment terms "Net 90" are 90 days (limit 60)',
    );
    const approved = log.events.find((e) => e.type === 'DealDeskApproved')!;
    expect(summarize(approved.type, approved.data, { id: 'mia', dealRoles: [], organisationRoles: ['manager'], isOwner: false }, 'EUR'))
      .toBe('mia (manager, not on the deal team) approved ana\'s terms beyond the deal desk\'s limits (request bolt-1): Strategic logo');
  });
});
