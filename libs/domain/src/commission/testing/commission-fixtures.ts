import { CreditShare } from '../../deal/credit-split';
import { LineItem } from '../../deal/deal.events';
import { AssignmentFact, CommissionFacts, DealFacts, FactRef, PeriodFact, PlanVersionFact } from '../calculate/facts';
import { PlanRules } from '../plan-rules';

/** The two plans of the brief's worked example. */
export const AE_FY26_RULES: PlanRules = {
  creditType: 'revenue', currency: 'EUR', baseRateBp: 1500,
  productRates: [{ productCode: 'X', rateBp: 2000 }],
  accelerators: { quarterEnd: { days: 10, multiplierBp: 12_500 } },
  payoutTrigger: 'close', clawbackWindowDays: 90,
};
export const SE_FY26_RULES: PlanRules = {
  creditType: 'overlay', currency: 'EUR', baseRateBp: 400, payoutTrigger: 'close', clawbackWindowDays: 90,
};

export const ACME_ITEMS: readonly LineItem[] = [
  { productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 },
  { productCode: 'X', amountMinor: 4_000_000, quantity: 1 },
];

const ae = (userId: string, shareBp: number): CreditShare => ({ userId, role: 'account-executive', shareBp });
const se = (userId: string, shareBp: number): CreditShare => ({ userId, role: 'sales-engineer', shareBp });
export const shares = { ae, se };

const utc = (at: string) => new Date(at).toISOString();

/**
 * Builds commission facts by hand, as the projection would, with event ids and global
 * positions in recording order: `evt-1`, `evt-2`, …
 */
export class FactsBuilder {
  private position = 0;
  private readonly deals = new Map<string, DealFacts>();
  private readonly planVersions: PlanVersionFact[] = [];
  private readonly assignments: AssignmentFact[] = [];
  private readonly adjustments: CommissionFacts['adjustments'][number][] = [];
  private readonly periods: PeriodFact[] = [];

  ref(type: string, streamId: string, occurredAt: string, recordedAt = occurredAt, actorId = 'mia'): FactRef {
    this.position += 1;
    return { eventId: `evt-${this.position}`, position: this.position, type, streamId, occurredAt: utc(occurredAt), recordedAt: utc(recordedAt), actorId };
  }

  plan(planId: string, version: number, name: string, effectiveFrom: string, rules: PlanRules, recordedAt = '2025-12-15T09:00:00Z'): this {
    this.planVersions.push({ ref: this.ref('CommissionPlanVersionPublished', `plan-${planId}`, recordedAt, recordedAt, 'fay'), planId, version, name, effectiveFrom, rules });
    return this;
  }

  assign(userId: string, planId: string, effectiveFrom: string, extra: { effectiveTo?: string; quotaMinor?: number } = {}, recordedAt = '2025-12-20T09:00:00Z'): this {
    this.assignments.push({ ref: this.ref('CommissionPlanAssigned', `assignment-${userId}`, recordedAt, recordedAt, 'fay'), userId, planId, effectiveFrom, currency: 'EUR', ...extra });
    return this;
  }

  /** Ends the assignment of `userId` starting `effectiveFrom` early, recorded at `recordedAt`. */
  endAssignment(userId: string, effectiveFrom: string, effectiveTo: string, recordedAt: string): this {
    const ref = this.ref('CommissionPlanAssignmentEnded', `assignment-${userId}`, recordedAt, recordedAt, 'fay');
    const index = this.assignments.findIndex((a) => a.userId === userId && a.effectiveFrom === effectiveFrom);
    const assignment = this.assignments[index];
    this.assignments[index] = { ...assignment, endings: [...(assignment.endings ?? []), { ref, effectiveTo }] };
    return this;
  }

  open(dealId: string, at: string, options: { items?: readonly LineItem[]; industry?: string; ownerId?: string; probabilityBp?: number } = {}): this {
    const ref = this.ref('DealOpened', `deal-${dealId}`, at, at, options.ownerId ?? 'ana');
    const items = options.items ?? ACME_ITEMS;
    const amountMinor = items.reduce((sum, item) => sum + item.amountMinor, 0);
    this.deals.set(dealId, {
      dealId, name: dealId, currency: 'EUR', ...(options.industry === undefined ? {} : { industry: options.industry }),
      ownerId: options.ownerId ?? 'ana', opened: ref, amounts: [{ ref, amountMinor, lineItems: items }],
      stages: [{ ref, stageId: 'engaged', probabilityBp: options.probabilityBp ?? 1000 }], splits: [],
    });
    return this;
  }

  stage(dealId: string, stageId: string, probabilityBp: number, at: string): this {
    const deal = this.deal(dealId);
    return this.update(dealId, { stages: [...deal.stages, { ref: this.ref('StageAdvanced', `deal-${dealId}`, at), stageId, probabilityBp }] });
  }

  split(dealId: string, revenue: readonly CreditShare[], overlay: readonly CreditShare[], occurredAt: string, recordedAt = occurredAt): this {
    const deal = this.deal(dealId);
    const ref = this.ref('CreditSplitsSet', `deal-${dealId}`, occurredAt, recordedAt, 'mia');
    return this.update(dealId, { splits: [...deal.splits, { ref, revenue, overlay }] });
  }

  win(dealId: string, at: string, recordedAt = at): this {
    const deal = this.deal(dealId);
    const last = deal.amounts[deal.amounts.length - 1];
    return this.update(dealId, { closedWon: { ref: this.ref('DealClosedWon', `deal-${dealId}`, at, recordedAt, 'ana'), amountMinor: last.amountMinor, lineItems: last.lineItems } });
  }

  live(dealId: string, at: string): this {
    return this.update(dealId, { wentLive: { ref: this.ref('DealWentLive', `deal-${dealId}`, at, at, 'ivan') } });
  }

  reverse(dealId: string, at: string): this {
    return this.update(dealId, { reversed: { ref: this.ref('WonDealReversed', `deal-${dealId}`, at, at, 'mia') } });
  }

  adjust(disputeId: string, adjustment: { userId: string; period: string; amountMinor: number; reason: string; dealId?: string }, at: string): this {
    const ref = this.ref('DisputeAccepted', `dispute-${disputeId}`, at, at, 'fay');
    this.adjustments.push({ ref, disputeId, adjustmentId: `${disputeId}-1`, approverId: 'fay', currency: 'EUR', ...adjustment });
    return this;
  }

  /** Closes a period, recorded at `at`. */
  closePeriod(period: string, at: string, closedBy = 'fay'): this {
    this.periods.push({ ref: this.ref('CommissionPeriodClosed', `commission-period-${period}`, at, at, closedBy), period, change: 'closed', closedBy, closedAt: utc(at) });
    return this;
  }

  reopenPeriod(period: string, at: string, reason = 'Correction', reopenedBy = 'fay'): this {
    this.periods.push({ ref: this.ref('CommissionPeriodReopened', `commission-period-${period}`, at, at, reopenedBy), period, change: 'reopened', reopenedBy, reason });
    return this;
  }

  build(): CommissionFacts {
    return {
      deals: [...this.deals.values()], planVersions: [...this.planVersions], assignments: [...this.assignments],
      adjustments: [...this.adjustments], periods: [...this.periods],
    };
  }

  private deal(dealId: string): DealFacts {
    const deal = this.deals.get(dealId);
    if (!deal) throw new Error(`open ${dealId} first`);
    return deal;
  }

  private update(dealId: string, change: Partial<DealFacts>): this {
    this.deals.set(dealId, { ...this.deal(dealId), ...change });
    return this;
  }
}

/** Plans and assignments of the worked example: Ana and Ben on AE FY26, Sam on SE FY26. */
export function workedExamplePlans(builder = new FactsBuilder()): FactsBuilder {
  return builder
    .plan('ae-fy26', 1, 'AE FY26 v1', '2026-01-01', AE_FY26_RULES)
    .plan('se-fy26', 1, 'SE FY26 v1', '2026-01-01', SE_FY26_RULES)
    .assign('ana', 'ae-fy26', '2026-01-01')
    .assign('ben', 'ae-fy26', '2026-01-01')
    .assign('sam', 'se-fy26', '2026-01-01');
}

/** The worked example: Acme, 70/30 revenue and Sam's 50% overlay, closed won on 2026-03-25. */
export function workedExample(): CommissionFacts {
  return workedExamplePlans()
    .open('acme', '2026-03-01T09:00:00Z', { industry: 'manufacturing' })
    .split('acme', [ae('ana', 7000), ae('ben', 3000)], [se('sam', 5000)], '2026-03-01T09:00:00Z')
    .win('acme', '2026-03-25T10:00:00Z')
    .build();
}
