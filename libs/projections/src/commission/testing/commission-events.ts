import { CreditShare, LineItem } from '@deals/domain';
import { AE_FY26_RULES, SE_FY26_RULES } from '@deals/domain/commission/testing/commission-fixtures';
import { PlanRules } from '@deals/domain/commission/plan-rules';
import { RecordedEvent } from '@deals/event-store';
import { EventLog } from '../../testing/recorded-events';

export const fay = { id: 'fay', roles: ['finance'] };
export const mia = { id: 'mia', roles: ['manager'] };
export const ana = { id: 'ana', roles: ['rep'] };
export const ben = { id: 'ben', roles: ['rep'] };

export const ae = (userId: string, shareBp: number): CreditShare => ({ userId, role: 'account-executive', shareBp });
export const se = (userId: string, shareBp: number): CreditShare => ({ userId, role: 'sales-engineer', shareBp });

export const ACME_ITEMS: readonly LineItem[] = [
  { productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 },
  { productCode: 'X', amountMinor: 4_000_000, quantity: 1 },
];

export function publishPlan(log: EventLog, planId: string, version: number, name: string, rules: PlanRules, at = '2025-12-15T09:00:00.000Z'): RecordedEvent {
  return log.push(`plan-${planId}`, 'CommissionPlanVersionPublished', { planId, version, name, effectiveFrom: '2026-01-01', rules }, fay, at, at);
}

export function assignPlan(log: EventLog, userId: string, planId: string, extra: { effectiveTo?: string; quotaMinor?: number } = {}, at = '2025-12-20T09:00:00.000Z'): RecordedEvent {
  return log.push(`assignment-${userId}`, 'CommissionPlanAssigned', { userId, planId, effectiveFrom: '2026-01-01', currency: 'EUR', ...extra }, fay, at, at);
}

/** The worked example's plans and assignments: Ana and Ben on AE FY26 v1, Sam on SE FY26 v1. */
export function workedExamplePlans(log: EventLog): void {
  publishPlan(log, 'ae-fy26', 1, 'AE FY26 v1', AE_FY26_RULES);
  publishPlan(log, 'se-fy26', 1, 'SE FY26 v1', SE_FY26_RULES);
  assignPlan(log, 'ana', 'ae-fy26');
  assignPlan(log, 'ben', 'ae-fy26');
  assignPlan(log, 'sam', 'se-fy26');
}

export function openDeal(log: EventLog, dealId: string, at: string, items: readonly LineItem[] = ACME_ITEMS, industry = 'manufacturing') {
  return log.deal(dealId).by(ana).at(at).add('DealOpened', {
    dealId, name: dealId, account: { name: dealId, industry }, ownerId: 'ana', currency: 'EUR',
    expectedAmountMinor: items.reduce((sum, item) => sum + item.amountMinor, 0), lineItems: items,
    pipeline: { id: 'default', version: 1 }, stageId: 'engaged',
  });
}

export function setSplits(log: EventLog, dealId: string, revenue: readonly CreditShare[], overlay: readonly CreditShare[], occurredAt: string, recordedAt = occurredAt): RecordedEvent {
  log.deal(dealId).by(mia).at(occurredAt, recordedAt).add('CreditSplitsSet', { revenue, overlay });
  return log.events[log.events.length - 1];
}

export function closeWon(log: EventLog, dealId: string, at: string, items: readonly LineItem[] = ACME_ITEMS): RecordedEvent {
  log.deal(dealId).by(ana).at(at).add('DealClosedWon', {
    fromStageId: 'terms-agreed', amountMinor: items.reduce((sum, item) => sum + item.amountMinor, 0), lineItems: items,
    signedOrder: { kind: 'signature', ref: `order-${dealId}` },
  });
  return log.events[log.events.length - 1];
}

/**
 * The worked example as stored events. With `lateSplitRecordedAt`, the dispute twist: splits
 * 60/40 at the opening, changed to 70/30 dated 20 March and recorded then (or later).
 */
export function workedExampleLog(options: { lateSplitRecordedAt?: string } = {}) {
  const log = new EventLog();
  workedExamplePlans(log);
  openDeal(log, 'acme', '2026-03-01T09:00:00Z');
  const twist = options.lateSplitRecordedAt;
  const firstSplit = setSplits(log, 'acme', twist ? [ae('ana', 6000), ae('ben', 4000)] : [ae('ana', 7000), ae('ben', 3000)], [se('sam', 5000)], '2026-03-01T09:00:00Z');
  let change: RecordedEvent | undefined;
  const recordChange = () => { change = setSplits(log, 'acme', [ae('ana', 7000), ae('ben', 3000)], [se('sam', 5000)], '2026-03-20T15:00:00Z', twist); };
  if (twist && Date.parse(twist) < Date.parse('2026-03-25T10:00:00Z')) recordChange();
  const close = closeWon(log, 'acme', '2026-03-25T10:00:00Z');
  if (twist && !change) recordChange();
  return { log, events: log.events, firstSplit, change, close };
}
