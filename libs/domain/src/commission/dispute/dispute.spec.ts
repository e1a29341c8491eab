import { AdjustmentInput } from '../commission.commands';
import { deciderSpec } from '../../testing/decider-spec';
import { Actor } from '../../shared/message';
import { ana, ben, commissionCommand, fay, mia } from '../testing/commission-commands';
import { createDisputeDecider, disputeDecider, DisputeEvent, DisputePolicy } from './dispute.decider';

const anyManager = (manager: Actor) => manager.roles.includes('manager');
/** Ben and Ana are credited on acme; both are on EUR plans. */
const acmePolicy: DisputePolicy = {
  isManagerOf: anyManager,
  creditedOn: (dealId) => (dealId === 'acme' ? ['ana', 'ben'] : undefined),
  planCurrencyOf: (userId) => (userId === 'ana' || userId === 'ben' ? 'EUR' : undefined),
};
const spec = deciderSpec(createDisputeDecider(acmePolicy));
const gus: Actor = { id: 'gus', roles: ['finance'] };
const finn: Actor = { id: 'finn', roles: ['finance'] };
const raise = (actor = ben, claim = 'The split was 60/40 when we closed') =>
  commissionCommand('RaiseDispute', { disputeId: 'd-1', userId: 'ben', period: '2026-Q1', lineId: 'acme:commission:X', dealId: 'acme', claim }, actor);
const raised: DisputeEvent = {
  type: 'DisputeRaised', data: { disputeId: 'd-1', userId: 'ben', period: '2026-Q1', lineId: 'acme:commission:X', dealId: 'acme', claim: 'The split was 60/40 when we closed' },
};
const adjustment: AdjustmentInput = { userId: 'ben', period: '2026-Q2', amountMinor: 212_500, currency: 'EUR', dealId: 'acme' };
const accept = (actor = fay, adjustments = [adjustment]) =>
  commissionCommand('ResolveDispute', { disputeId: 'd-1', decision: 'accept', reason: 'Paid as known at quarter close', adjustments }, actor);
const reject = (reason = 'The 70/30 split was agreed on 20 March') =>
  commissionCommand('ResolveDispute', { disputeId: 'd-1', decision: 'reject', reason });

describe('RaiseDispute', () => {
  it('is raised by the person on the statement, or their manager', () => {
    spec.given([]).when(raise()).then([raised]);
    spec.given([]).when(raise(mia)).then([raised]);
  });

  it('is refused to anyone else, and the manager check can be narrowed to reports', () => {
    const error = spec.given([]).when(raise(ana)).thenThrows('COMMISSION.FORBIDDEN');
    expect(error.details).toMatchObject({ actorId: 'ana', requiredRole: 'ben or their manager' });
    const reportsOnly = deciderSpec(createDisputeDecider({ isManagerOf: (manager, userId) => manager.id === 'mia' && userId === 'cleo' }));
    reportsOnly.given([]).when(raise(mia)).thenThrows('COMMISSION.FORBIDDEN');
  });

  it('needs a claim, a quarter and a line, and is raised once', () => {
    spec.given([]).when(raise(ben, '  ')).thenThrows('FIELD.REQUIRED');
    spec.given([]).when(commissionCommand('RaiseDispute', { disputeId: 'd-1', userId: 'ben', period: '2026-03', lineId: 'l', claim: 'c' }, ben))
      .thenThrows('COMMISSION.PERIOD_INVALID');
    spec.given([raised]).when(raise()).thenThrows('DISPUTE.ALREADY_EXISTS');
  });
});

describe('ResolveDispute', () => {
  it('accepts with adjustments whose ids derive from the dispute id, approved by the finance actor', () => {
    spec.given([raised]).when(accept(fay, [adjustment, { ...adjustment, userId: 'ana', amountMinor: -212_500, reason: 'true-up' }])).then([{
      type: 'DisputeAccepted',
      data: {
        disputeId: 'd-1', reason: 'Paid as known at quarter close', approverId: 'fay',
        adjustments: [
          { adjustmentId: 'd-1-1', userId: 'ben', period: '2026-Q2', amountMinor: 212_500, currency: 'EUR', reason: 'Paid as known at quarter close', dealId: 'acme' },
          { adjustmentId: 'd-1-2', userId: 'ana', period: '2026-Q2', amountMinor: -212_500, currency: 'EUR', reason: 'true-up', dealId: 'acme' },
        ],
      },
    }]);
  });

  it('rejects with a reason', () => {
    spec.given([raised]).when(reject()).then([{ type: 'DisputeRejected', data: { disputeId: 'd-1', reason: 'The 70/30 split was agreed on 20 March', approverId: 'fay' } }]);
    spec.given([raised]).when(reject(' ')).thenThrows('FIELD.REQUIRED');
  });

  it('is for finance only', () => {
    const error = spec.given([raised]).when(accept(mia)).thenThrows('COMMISSION.FORBIDDEN');
    expect(error.details).toMatchObject({ requiredRole: 'finance' });
  });

  it('cannot be resolved twice, nor before it is raised', () => {
    const accepted = disputeDecider.decide(accept(), disputeDecider.evolve(disputeDecider.initialState(), raised));
    const error = spec.given([raised, ...accepted]).when(reject()).thenThrows('DISPUTE.ALREADY_RESOLVED');
    expect(error.kind).toBe('conflict');
    expect(error.details).toMatchObject({ disputeId: 'd-1', status: 'accepted' });
    spec.given([raised, { type: 'DisputeRejected', data: { disputeId: 'd-1', reason: 'r', approverId: 'fay' } }]).when(accept()).thenThrows('DISPUTE.ALREADY_RESOLVED');
    spec.given([]).when(reject()).thenThrows('DISPUTE.NOT_FOUND');
  });

  it('refuses an accept without adjustments or with a bad one', () => {
    spec.given([raised]).when(accept(fay, [])).thenThrows('DISPUTE.ADJUSTMENTS_REQUIRED');
    const zero = spec.given([raised]).when(accept(fay, [adjustment, { ...adjustment, amountMinor: 0 }])).thenThrows('DISPUTE.ADJUSTMENT_INVALID');
    // Named as the API's request names it: the form has an amount, not minor units.
    expect(zero.details).toMatchObject({ index: 1, field: 'adjustments[1].amount' });
    expect(zero.message).toBe('adjustments[1].amount must not be zero (a negative amount recovers).');
    const period = spec.given([raised]).when(accept(fay, [{ ...adjustment, period: 'Q2' }])).thenThrows('DISPUTE.ADJUSTMENT_INVALID');
    expect(period.details).toMatchObject({ index: 0, field: 'adjustments[0].period' });
    spec.given([raised]).when(commissionCommand('ResolveDispute', { disputeId: 'd-1', decision: 'maybe' as 'accept', reason: 'r' }))
      .thenThrows('DISPUTE.DECISION_INVALID');
  });

  it('refuses an adjustment into a closed period, when the periods are at hand', () => {
    const periods = deciderSpec(createDisputeDecider({ isManagerOf: () => false, isClosed: (period) => period === '2026-Q1' }));
    const error = periods.given([raised]).when(accept(fay, [adjustment, { ...adjustment, period: '2026-Q1' }])).thenThrows('COMMISSION.PERIOD_CLOSED');
    expect(error.kind).toBe('conflict');
    expect(error.details).toStrictEqual({ period: '2026-Q1', field: 'adjustments[1].period' });
    periods.given([raised]).when(accept()).then([expect.objectContaining({ type: 'DisputeAccepted' })]);
  });
});

describe('Separation of duties on disputes', () => {
  const raisedBy = (userId: string): DisputeEvent => ({ ...raised, data: { ...raised.data, userId } } as DisputeEvent);
  const big = { ...adjustment, amountMinor: { decimal: '5000.01' } };
  const proposed: DisputeEvent = {
    type: 'DisputeAcceptanceProposed',
    data: {
      disputeId: 'd-1', reason: 'Paid as known at quarter close', proposedBy: 'fay',
      adjustments: [{ adjustmentId: 'd-1-1', userId: 'ben', period: '2026-Q2', amountMinor: 500_001, currency: 'EUR', reason: 'Paid as known at quarter close', dealId: 'acme' }],
    },
  };
  const review = (actor: Actor, decision: 'approve' | 'reject', reason = 'Checked the signed order') =>
    commissionCommand('ReviewDisputeAcceptance', { disputeId: 'd-1', decision, reason }, actor);

  it('finance cannot resolve a dispute of her own, accept or reject', () => {
    const error = spec.given([raisedBy('fay')]).when(accept(fay, [{ ...adjustment, userId: 'fay' }])).thenThrows('DISPUTE.OWN_DISPUTE');
    expect(error.kind).toBe('forbidden');
    spec.given([raisedBy('fay')]).when(reject()).thenThrows('DISPUTE.OWN_DISPUTE');
  });

  it('finance cannot pay herself, even on someone else\'s dispute', () => {
    const self = deciderSpec(createDisputeDecider({ ...acmePolicy, creditedOn: () => ['ana', 'ben', 'fay'], planCurrencyOf: () => 'EUR' }));
    const error = self.given([raised]).when(accept(fay, [{ ...adjustment, userId: 'fay' }])).thenThrows('DISPUTE.OWN_FAVOUR');
    expect(error.details).toMatchObject({ actorId: 'fay' });
  });

  it('pays only the disputant or people credited on the disputed deal', () => {
    const error = spec.given([raised]).when(accept(fay, [{ ...adjustment, userId: 'zed' }])).thenThrows('DISPUTE.ADJUSTMENT_RECIPIENT');
    expect(error.details).toMatchObject({ userId: 'zed', allowed: ['ben', 'ana'] });
    spec.given([raised]).when(accept(fay, [{ ...adjustment, dealId: 'globex' }])).thenThrows('DISPUTE.ADJUSTMENT_INVALID');
    // Without knowledge of the deal's credit, only the disputant may be paid.
    deciderSpec(disputeDecider).given([raised]).when(accept(fay, [{ ...adjustment, userId: 'ana' }])).thenThrows('DISPUTE.ADJUSTMENT_RECIPIENT');
  });

  it('pays in the recipient\'s plan currency', () => {
    const error = spec.given([raised]).when(accept(fay, [{ ...adjustment, currency: 'USD' }])).thenThrows('DISPUTE.ADJUSTMENT_CURRENCY');
    expect(error.details).toMatchObject({ currency: 'USD', planCurrency: 'EUR', userId: 'ben' });
    spec.given([raised]).when(accept(fay, [{ ...adjustment, currency: 'ZZZ' }])).thenThrows('DISPUTE.ADJUSTMENT_INVALID');
  });

  it('pays in a quarter from the disputed one to the current one, never years ahead', () => {
    const error = spec.given([raised]).when(accept(fay, [{ ...adjustment, period: '2031-Q2' }])).thenThrows('DISPUTE.ADJUSTMENT_PERIOD');
    expect(error.details).toMatchObject({ earliest: '2026-Q1', latest: '2026-Q2' });
    spec.given([raised]).when(accept(fay, [{ ...adjustment, period: '2025-Q4' }])).thenThrows('DISPUTE.ADJUSTMENT_PERIOD');
  });

  it('above the threshold, an acceptance waits for a second finance user and pays nothing until then', () => {
    spec.given([raised]).when(accept(fay, [big])).then([proposed]);
    spec.given([raised, proposed]).when(accept(gus)).thenThrows('DISPUTE.AWAITING_APPROVAL');
    spec.given([raised, proposed]).when(review(gus, 'approve')).then([{
      type: 'DisputeAccepted',
      data: { disputeId: 'd-1', reason: 'Paid as known at quarter close', approverId: 'fay', secondApproverId: 'gus', adjustments: proposed.data.adjustments as never },
    }]);
  });

  it('the threshold is configurable and counts every adjustment of a currency, gains and recoveries alike', () => {
    const low = createDisputeDecider({ ...acmePolicy, secondApprovalAbove: 100 });
    const normal = createDisputeDecider(acmePolicy);
    const split = [{ ...adjustment, amountMinor: 6_000 }, { ...adjustment, userId: 'ana', amountMinor: -6_000 }];
    expect(low.decide(accept(fay, split), low.evolve(low.initialState(), raised)).map((e) => e.type)).toStrictEqual(['DisputeAcceptanceProposed']);
    expect(normal.decide(accept(fay, split), normal.evolve(normal.initialState(), raised)).map((e) => e.type)).toStrictEqual(['DisputeAccepted']);
  });

  it('the second approver is another finance user, not the disputant and not paid by it', () => {
    spec.given([raised, proposed]).when(review(fay, 'approve')).thenThrows('DISPUTE.SECOND_APPROVER_REQUIRED');
    spec.given([raised, proposed]).when(review(mia, 'approve')).thenThrows('COMMISSION.FORBIDDEN');
    spec.given([raisedBy('finn'), { ...proposed, data: { ...proposed.data, adjustments: [{ ...proposed.data.adjustments[0], userId: 'finn' }] } } as DisputeEvent])
      .when(review(finn, 'approve')).thenThrows('DISPUTE.OWN_DISPUTE');
    const paysGus = { ...proposed, data: { ...proposed.data, adjustments: [{ ...proposed.data.adjustments[0], userId: 'gus' }] } } as DisputeEvent;
    spec.given([raised, paysGus]).when(review(gus, 'approve')).thenThrows('DISPUTE.OWN_FAVOUR');
  });

  it('a sent-back acceptance leaves the dispute open for a new resolution', () => {
    const sentBack: DisputeEvent = { type: 'DisputeAcceptanceRejected', data: { disputeId: 'd-1', reason: 'Too much', approverId: 'gus' } };
    spec.given([raised, proposed]).when(review(gus, 'reject', 'Too much')).then([sentBack]);
    spec.given([raised, proposed, sentBack]).when(review(gus, 'approve')).thenThrows('DISPUTE.NOTHING_TO_APPROVE');
    const decider = createDisputeDecider(acmePolicy);
    const reopened = [raised, proposed, sentBack].reduce(decider.evolve, decider.initialState());
    expect(reopened.status).toBe('open');
    expect(decider.decide(accept(gus), reopened).map((e) => e.type)).toStrictEqual(['DisputeAccepted']);
    spec.given([raised]).when(review(gus, 'approve')).thenThrows('DISPUTE.NOTHING_TO_APPROVE');
    spec.given([raised, proposed]).when(review(gus, 'maybe' as 'approve')).thenThrows('DISPUTE.DECISION_INVALID');
  });
});
