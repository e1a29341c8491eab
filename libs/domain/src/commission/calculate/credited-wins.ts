import { LineItem } from '../../deal/deal.events';
import { parseInstant } from '../../shared/time';
import { periodOf } from '../period';
import { CreditType, LineCredit, lineCredits, SplitInForce, splitInForce } from './credit';
import { ClosedWonFact, CommissionFacts, DealFacts } from './facts';
import { planOf } from './lineage';
import { PlanInForce, planInForce } from './plan-in-force';
import { StatementNote } from './statement.types';

/** A won deal a person has credit on, with the plan that pays it. */
export interface CreditedWin {
  readonly deal: DealFacts;
  readonly close: ClosedWonFact;
  readonly closeMs: number;
  readonly closePeriod: string;
  readonly split: SplitInForce;
  readonly plan: PlanInForce;
  readonly creditType: CreditType;
  readonly shareBp: number;
  readonly credits: readonly LineCredit[];
  readonly creditTotalMinor: number;
  /** The person's credit on deals closed earlier in the same quarter: the attainment before this deal. */
  readonly creditBeforeInQuarterMinor: number;
}

export interface UnpaidCredit extends StatementNote {
  readonly closePeriod: string;
}

/** A deal won without line items is one line of its whole amount, paid at the base rate. */
const WHOLE_DEAL = '*';

/** The won amount and line items in force: the close's, or those of its last correction (approved after the close). */
export function closeInForce(close: ClosedWonFact): ClosedWonFact {
  const last = close.corrections?.[close.corrections.length - 1];
  return last ? { ...close, amountMinor: last.amountMinor, lineItems: last.lineItems } : close;
}
const itemsOf = (close: ClosedWonFact): readonly LineItem[] =>
  close.lineItems.length > 0 ? close.lineItems : [{ productCode: WHOLE_DEAL, amountMinor: close.amountMinor, quantity: 1 }];

/**
 * Every won deal the person has credit on (split in force at the close), with the plan version
 * in force at the close, in close order. Deals with credit that cannot be paid come back as
 * notes saying why.
 */
export function creditedWins(facts: CommissionFacts, userId: string): { wins: CreditedWin[]; unpaid: UnpaidCredit[] } {
  const wins: Omit<CreditedWin, 'creditBeforeInQuarterMinor'>[] = [];
  const unpaid: UnpaidCredit[] = [];
  for (const deal of facts.deals) {
    if (!deal.closedWon) continue;
    const close = closeInForce(deal.closedWon);
    const closeAt = close.ref.occurredAt;
    const closeMs = parseInstant(closeAt, 'occurredAt');
    const closePeriod = periodOf(closeMs);
    const split = splitInForce(deal, closeAt);
    const onSplit = [...split.revenue, ...split.overlay].some((share) => share.userId === userId);
    if (!onSplit) continue;
    const note = (problem: string, plan?: PlanInForce) => unpaid.push({ dealId: deal.dealId, ...(plan ? { plan: planOf(plan) } : {}), closePeriod, problem });
    const lookup = planInForce(facts, userId, closeAt);
    if (!lookup.found) {
      note(`${deal.dealId}: credit but no plan in force at the close — ${lookup.problem}`);
      continue;
    }
    const { rules } = lookup.plan.version;
    const credit = lineCredits(itemsOf(close), split, rules.creditType, userId);
    if (!credit) {
      note(`${deal.dealId}: plan '${lookup.plan.version.planId}' pays on ${rules.creditType} credit and ${userId} has none on this deal`, lookup.plan);
      continue;
    }
    if (deal.currency !== rules.currency) {
      note(`${deal.dealId}: deal currency ${deal.currency} differs from plan currency ${rules.currency}; not converted`, lookup.plan);
      continue;
    }
    wins.push({
      deal, close, closeMs, closePeriod, split, plan: lookup.plan, creditType: rules.creditType, shareBp: credit.shareBp,
      credits: credit.credits, creditTotalMinor: credit.credits.reduce((sum, line) => sum + line.creditMinor, 0),
    });
  }
  wins.sort((a, b) => a.closeMs - b.closeMs || a.close.ref.position - b.close.ref.position);
  const cumulative = new Map<string, number>();
  const withAttainment = wins.map((win) => {
    const before = cumulative.get(win.closePeriod) ?? 0;
    cumulative.set(win.closePeriod, before + win.creditTotalMinor);
    return { ...win, creditBeforeInQuarterMinor: before };
  });
  return { wins: withAttainment, unpaid };
}
