import { signedMoney } from '../arithmetic-text';
import { Period } from '../period';
import { CommissionFacts } from './facts';
import { withRole } from './lineage';
import { StatementLine } from './statement.types';

/** Adjustments issued by accepted disputes, in the period they state. */
export function adjustmentLines(facts: CommissionFacts, userId: string, period: Period): StatementLine[] {
  return facts.adjustments
    .filter((adjustment) => adjustment.userId === userId && adjustment.period === period)
    .sort((a, b) => a.ref.position - b.ref.position)
    .map((adjustment) => ({
      lineId: `adjustment:${adjustment.adjustmentId}`, kind: 'adjustment', amountMinor: adjustment.amountMinor,
      currency: adjustment.currency, dueAt: adjustment.ref.occurredAt,
      lineage: {
        ...(adjustment.dealId === undefined ? {} : { dealId: adjustment.dealId }),
        events: [withRole(adjustment.ref, 'adjustment')],
        rule: `dispute ${adjustment.disputeId}`,
        arithmetic: `adjustment approved by ${adjustment.approverId} (${adjustment.reason}) = ${signedMoney(adjustment.amountMinor, adjustment.currency)}`,
      },
    }));
}
