import { LineItem } from '../../deal/deal.events';
import { parseInstant } from '../../shared/time';
import { BP, divideHalfUp } from '../basis-points';
import { money, percent } from '../arithmetic-text';
import { lineCredits, splitInForce } from './credit';
import { CommissionFacts, FactRef } from './facts';
import { withRole } from './lineage';
import { planInForce } from './plan-in-force';
import { rateFor } from './rate';
import { creditedWins } from './credited-wins';
import { dealPayout } from './deal-lines';
import { LineageEvent, PendingPay } from './statement.types';

export interface EstimateLine {
  readonly dealId: string;
  readonly stageId: string;
  readonly probabilityBp: number;
  readonly creditMinor: number;
  readonly estimateMinor: number;
  readonly currency: string;
  readonly plan: { readonly planId: string; readonly version: number; readonly name: string };
  readonly rules: readonly string[];
  readonly arithmetic: string;
  readonly events: readonly LineageEvent[];
}

export interface PipelineEstimate {
  /** Always 'estimate': open deals may never close, and accelerators, SPIFs and payout timing are left out. */
  readonly label: 'estimate';
  readonly userId: string;
  readonly now: string;
  readonly lines: readonly EstimateLine[];
  readonly totals: readonly { readonly currency: string; readonly estimateMinor: number }[];
  /** Won deals whose payout waits for go-live: what they will pay, accelerators included (known, not estimated). */
  readonly awaitingPayout: readonly PendingPay[];
  readonly awaitingPayoutTotals: readonly { readonly currency: string; readonly amountMinor: number }[];
}

/**
 * Commission the person could earn on open deals they have credit on now: per line item,
 * credit × rate (as their plan in force now would pay it) × the stage's win probability,
 * summed and rounded half-up once per deal. No accelerators, SPIFs or payout timing.
 */
export function estimateOpenPipeline(facts: CommissionFacts, userId: string, now: string): PipelineEstimate {
  const nowMs = parseInstant(now, 'now');
  const lookup = planInForce(facts, userId, now);
  const lines: EstimateLine[] = [];
  for (const deal of facts.deals) {
    if (deal.closedWon || deal.closedLost || !lookup.found) continue;
    const { plan } = lookup;
    const rules = plan.version.rules;
    const current = latest(deal.amounts.filter((fact) => parseInstant(fact.ref.occurredAt, 'occurredAt') <= nowMs));
    const stage = latest(deal.stages.filter((fact) => parseInstant(fact.ref.occurredAt, 'occurredAt') <= nowMs));
    if (!current || !stage || deal.currency !== rules.currency) continue;
    const split = splitInForce(deal, now);
    const items: readonly LineItem[] = current.lineItems.length > 0 ? current.lineItems : [{ productCode: '*', amountMinor: current.amountMinor, quantity: 1 }];
    const credit = lineCredits(items, split, rules.creditType, userId);
    if (!credit) continue;
    const rates = credit.credits.map((line) => ({ line, rate: rateFor(rules, line.productCode, deal.industry) }));
    const exact = rates.reduce((sum, { line, rate }) => sum + BigInt(line.creditMinor) * BigInt(rate.rateBp), 0n) * BigInt(stage.probabilityBp);
    const estimateMinor = Number(divideHalfUp(exact, BigInt(BP) * BigInt(BP)));
    const terms = rates.map(({ line, rate }) => `${money(line.creditMinor, rules.currency)} × ${percent(rate.rateBp)}`).join(' + ');
    lines.push({
      dealId: deal.dealId, stageId: stage.stageId, probabilityBp: stage.probabilityBp,
      creditMinor: credit.credits.reduce((sum, line) => sum + line.creditMinor, 0), estimateMinor, currency: rules.currency,
      plan: { planId: plan.version.planId, version: plan.version.version, name: plan.version.name },
      rules: [...new Set(rates.map(({ rate }) => rate.rule))],
      arithmetic: `(${terms}) × ${percent(stage.probabilityBp)} (${stage.stageId}) = ${money(estimateMinor, rules.currency)} estimated`,
      events: [withRole(split.ref, 'split'), withRole(plan.version.ref, 'plan-version'), withRole(plan.assignment.ref, 'assignment')],
    });
  }
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.estimateMinor);
  const awaitingPayout = awaitingPayoutAt(facts, userId, nowMs);
  const awaiting = new Map<string, number>();
  for (const pending of awaitingPayout) awaiting.set(pending.currency, (awaiting.get(pending.currency) ?? 0) + pending.amountMinor);
  return {
    label: 'estimate', userId, now, lines, totals: [...totals.entries()].map(([currency, estimateMinor]) => ({ currency, estimateMinor })),
    awaitingPayout, awaitingPayoutTotals: [...awaiting.entries()].map(([currency, amountMinor]) => ({ currency, amountMinor })),
  };
}

/** Deals won by `nowMs` whose go-live had not come by then (and not reversed). */
function awaitingPayoutAt(facts: CommissionFacts, userId: string, nowMs: number): PendingPay[] {
  return creditedWins(facts, userId).wins.map(dealPayout).flatMap((payout): PendingPay[] => {
    const { win } = payout;
    if (win.closeMs > nowMs || win.plan.version.rules.payoutTrigger !== 'go-live') return [];
    if (win.deal.reversed && parseInstant(win.deal.reversed.ref.occurredAt, 'occurredAt') <= nowMs) return [];
    const waiting = payout.pending ?? (payout.dueAt !== undefined && parseInstant(payout.dueAt, 'dueAt') > nowMs
      ? { waitsFor: 'go-live' as const, lines: payout.lines, amountMinor: payout.paidMinor } : undefined);
    if (!waiting) return [];
    return [{
      dealId: win.deal.dealId, waitsFor: waiting.waitsFor, earnedAt: win.close.ref.occurredAt,
      amountMinor: waiting.amountMinor, currency: win.plan.version.rules.currency, lines: waiting.lines,
    }];
  });
}

function latest<T extends { ref: FactRef }>(facts: readonly T[]): T | undefined {
  return [...facts].sort((a, b) => parseInstant(a.ref.occurredAt, 'occurredAt') - parseInstant(b.ref.occurredAt, 'occurredAt') || a.ref.position - b.ref.position).at(-1);
}
