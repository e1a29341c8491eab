import { AdjustmentInput } from '../commission.commands';
import { deciderSpec } from '../../testing/decider-spec';
import { ana, ben, commissionCommand, fay, mia } from '../testing/commission-commands';
import { createDisputeDecider, disputeDecider, DisputeEvent } from './dispute.decider';

const spec = deciderSpec(disputeDecider);
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
    spec.given([raised]).when(accept(fay, [{ ...adjustment, amountMinor: 0 }])).thenThrows('DISPUTE.ADJUSTMENT_INVALID');
    spec.given([raised]).when(accept(fay, [{ ...adjustment, period: 'Q2' }])).thenThrows('DISPUTE.ADJUSTMENT_INVALID');
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
