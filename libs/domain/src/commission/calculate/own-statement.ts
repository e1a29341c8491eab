import { parseInstant } from '../../shared/time';
import { Period, periodBounds, periodOf } from '../period';
import { attainmentOf } from './attainment';
import { clawbackLine } from './clawback';
import { creditedWins } from './credited-wins';
import { adjustmentLines } from './adjustment-lines';
import { CommissionFacts } from './facts';
import { spifLines } from './spif';
import { DealPayout, dealPayout } from './deal-lines';
import { planOf } from './lineage';
import { LINE_KINDS, LineKind, PendingPay, Statement, StatementLine, StatementNote, StatementTotal } from './statement.types';

/** What a person's statements of every quarter are computed from: their credited wins and each one's payout. */
export interface PersonPayouts {
  readonly facts: CommissionFacts;
  readonly userId: string;
  readonly wins: ReturnType<typeof creditedWins>['wins'];
  readonly unpaid: ReturnType<typeof creditedWins>['unpaid'];
  readonly payouts: readonly DealPayout[];
}

export function personPayouts(facts: CommissionFacts, userId: string): PersonPayouts {
  const { wins, unpaid } = creditedWins(facts, userId);
  return { facts, userId, wins, unpaid, payouts: wins.map(dealPayout) };
}

/**
 * A person's statement for a quarter from its own facts: no period is closed, no prior-period
 * adjustment. A line belongs to the quarter of the business time that makes it due: the payout
 * trigger (close or go-live), the reversal for a clawback, the deal that reached a SPIF target,
 * the period an adjustment states.
 */
export function ownStatement(facts: CommissionFacts, userId: string, period: Period): Statement {
  return ownStatementOf(personPayouts(facts, userId), period);
}

/** The same, from payouts already worked out (the same for every quarter). */
export function ownStatementOf(person: PersonPayouts, period: Period): Statement {
  const { facts, userId, wins, unpaid, payouts } = person;
  const inPeriod = (at: string) => periodOf(parseInstant(at, 'dueAt')) === period;
  const lines: StatementLine[] = [
    ...payouts.filter((payout) => payout.dueAt !== undefined && inPeriod(payout.dueAt)).flatMap((payout) => payout.lines),
    ...payouts.flatMap((payout) => clawbackLine(payout) ?? []).filter((line) => inPeriod(line.dueAt))
      .sort((a, b) => parseInstant(a.dueAt, 'dueAt') - parseInstant(b.dueAt, 'dueAt')),
    ...spifLines(payouts, period),
    ...adjustmentLines(facts, userId, period),
  ];
  const notes: StatementNote[] = [
    ...unpaid.filter((note) => note.closePeriod === period).map(({ closePeriod: _, ...note }) => note),
    ...payouts.filter((payout) => payout.dueAt === undefined && payout.win.closePeriod === period).map((payout) => ({
      dealId: payout.win.deal.dealId,
      plan: planOf(payout.win.plan),
      problem: payout.win.deal.reversed
        ? `${payout.win.deal.dealId}: reversed before its payout; nothing is due`
        : `${payout.win.deal.dealId}: plan '${payout.win.plan.version.planId}' pays at go-live; not live yet`,
    })),
  ];
  return {
    userId, period, lines, totals: totalsOf(lines), notes, pending: pendingAt(payouts, period), attainment: attainmentOf(facts, wins, userId, period),
  };
}

/** Won deals earned by the period's end whose go-live (their payout) had not come by then. */
function pendingAt(payouts: readonly DealPayout[], period: Period): PendingPay[] {
  const endMs = periodBounds(period).endMs;
  return payouts.flatMap((payout): PendingPay[] => {
    const { win } = payout;
    if (win.plan.version.rules.payoutTrigger !== 'go-live' || win.closeMs >= endMs) return [];
    if (win.deal.reversed && parseInstant(win.deal.reversed.ref.occurredAt, 'occurredAt') < endMs) return [];
    const waiting = payout.pending ?? (payout.dueAt !== undefined && parseInstant(payout.dueAt, 'dueAt') >= endMs
      ? { waitsFor: 'go-live' as const, lines: payout.lines, amountMinor: payout.paidMinor } : undefined);
    if (!waiting) return [];
    return [{
      dealId: win.deal.dealId, waitsFor: waiting.waitsFor, earnedAt: win.close.ref.occurredAt,
      ...(payout.pending ? {} : { payableAt: payout.dueAt }),
      amountMinor: waiting.amountMinor, currency: win.plan.version.rules.currency, lines: waiting.lines,
    }];
  });
}

export function totalsOf(lines: readonly StatementLine[]): StatementTotal[] {
  const byCurrency = new Map<string, { totalMinor: number; byKind: Record<LineKind, number> }>();
  for (const line of lines) {
    const total = byCurrency.get(line.currency) ?? { totalMinor: 0, byKind: Object.fromEntries(LINE_KINDS.map((kind) => [kind, 0])) as Record<LineKind, number> };
    byCurrency.set(line.currency, total);
    total.totalMinor += line.amountMinor;
    total.byKind[line.kind] += line.amountMinor;
  }
  return [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, total]) => ({ currency, ...total }));
}
