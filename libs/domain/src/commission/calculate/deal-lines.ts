import { parseInstant } from '../../shared/time';
import { applyBp, BP } from '../basis-points';
import { money, percent } from '../arithmetic-text';
import { accelerate, multipliersFor } from './accelerator';
import { CreditedWin } from './credited-wins';
import { LineCredit } from './credit';
import { dealLineageEvents, planOf, withRole } from './lineage';
import { AppliedRate, rateFor } from './rate';
import { Lineage, StatementLine } from './statement.types';

/** What a credited win pays, and when; `dueAt` is undefined while a go-live plan waits for go-live. */
export interface DealPayout {
  readonly win: CreditedWin;
  readonly dueAt?: string;
  readonly lines: readonly StatementLine[];
  readonly paidMinor: number;
  /** Earned at the close, payable when the trigger comes: what it will pay (as its plan computes it now). */
  readonly pending?: { readonly waitsFor: 'go-live'; readonly lines: readonly StatementLine[]; readonly amountMinor: number };
}

/**
 * Commission lines per line item (credit × rate, rounded half-up to the minor unit), then one
 * accelerator line with the difference between the rounded subtotal × multipliers (rounded
 * half-up once) and the subtotal. A go-live plan pays at go-live, never at the close; a deal
 * reversed before its payout pays nothing.
 */
export function dealPayout(win: CreditedWin): DealPayout {
  const { deal, plan } = win;
  const rules = plan.version.rules;
  const goLive = rules.payoutTrigger === 'go-live';
  const dueAt = goLive ? deal.wentLive?.ref.occurredAt : win.close.ref.occurredAt;
  const reversedFirst = dueAt !== undefined && deal.reversed !== undefined && parseInstant(deal.reversed.ref.occurredAt, 'occurredAt') < parseInstant(dueAt, 'dueAt');
  if (dueAt === undefined && !deal.reversed) {
    const would = payLines(win, win.close.ref.occurredAt, dealLineageEvents(win.close, win.split.ref, plan));
    return { win, lines: [], paidMinor: 0, pending: { waitsFor: 'go-live', lines: would.lines, amountMinor: would.paidMinor } };
  }
  if (dueAt === undefined || reversedFirst) return { win, lines: [], paidMinor: 0 };
  const events = [...dealLineageEvents(win.close, win.split.ref, plan), ...(goLive && deal.wentLive ? [withRole(deal.wentLive.ref, 'go-live')] : [])];
  return { win, dueAt, ...payLines(win, dueAt, events) };
}

/** The commission lines of a credited win, due at `dueAt`, and what they add up to. */
function payLines(win: CreditedWin, dueAt: string, events: Lineage['events']): { lines: StatementLine[]; paidMinor: number } {
  const { deal, plan } = win;
  const rules = plan.version.rules;
  const lineage = (rule: string, arithmetic: string): Lineage => ({
    dealId: deal.dealId, events, rule, arithmetic, plan: planOf(plan),
    split: { source: win.split.source, creditType: win.creditType, shareBp: win.shareBp, eventId: win.split.ref.eventId, position: win.split.ref.position },
  });
  const seen = new Map<string, number>();
  const lines: StatementLine[] = win.credits.map((credit) => {
    const rate = rateFor(rules, credit.productCode, deal.industry);
    const amountMinor = applyBp(credit.creditMinor, rate.rateBp);
    const count = (seen.get(credit.productCode) ?? 0) + 1;
    seen.set(credit.productCode, count);
    return {
      lineId: `${deal.dealId}:commission:${credit.productCode}${count > 1 ? `:${count}` : ''}`,
      kind: 'commission', amountMinor, currency: rules.currency, dueAt, productCode: credit.productCode,
      lineage: lineage(rate.rule, commissionText(credit, win.shareBp, rate, amountMinor, rules.currency)),
    };
  });

  const subtotal = lines.reduce((sum, line) => sum + line.amountMinor, 0);
  const factors = multipliersFor(win);
  if (factors.length === 0) return { lines, paidMinor: subtotal };
  const { totalMinor, text } = accelerate(subtotal, factors);
  const sum = lines.length === 1 ? money(subtotal, rules.currency) : `(${lines.map((line) => money(line.amountMinor, rules.currency)).join(' + ')})`;
  const arithmetic = `${sum}${text} = ${money(totalMinor, rules.currency)}; ${money(totalMinor, rules.currency)} − ${money(subtotal, rules.currency)} = ${money(totalMinor - subtotal, rules.currency)} (${factors.map((f) => f.why).join('; ')})`;
  const accelerator: StatementLine = {
    lineId: `${deal.dealId}:accelerator`, kind: 'accelerator', amountMinor: totalMinor - subtotal, currency: rules.currency, dueAt,
    lineage: lineage(factors.map((factor) => factor.rule).join(' + '), arithmetic),
  };
  return { lines: [...lines, accelerator], paidMinor: totalMinor };
}

function commissionText(credit: LineCredit, shareBp: number, rate: AppliedRate, amountMinor: number, currency: string): string {
  const rateText = rate.parts.length === 1 ? percent(rate.rateBp) : `(${rate.parts.map(percent).join(' + ')})`;
  const halfUp = BigInt(credit.creditMinor) * BigInt(rate.rateBp) % BigInt(BP) !== 0n ? ' (rounded half-up)' : '';
  if (!credit.rounded) return `${money(credit.lineAmountMinor, currency)} × ${percent(shareBp)} × ${rateText} = ${money(amountMinor, currency)}${halfUp}`;
  return `${money(credit.lineAmountMinor, currency)} × ${percent(shareBp)} → credit ${money(credit.creditMinor, currency)} (rounded); ${money(credit.creditMinor, currency)} × ${rateText} = ${money(amountMinor, currency)}${halfUp}`;
}
