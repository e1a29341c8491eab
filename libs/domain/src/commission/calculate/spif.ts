import { parseInstant } from '../../shared/time';
import { money } from '../arithmetic-text';
import { Period, periodOf } from '../period';
import { Spif } from '../plan-rules';
import { DealPayout } from './deal-lines';
import { dealLineageEvents, planOf, withRole } from './lineage';
import { LineageEvent, StatementLine } from './statement.types';

interface Progress {
  total: number;
  parts: { dealId: string; value: number; close: LineageEvent }[];
  paid: boolean;
}

/**
 * SPIF bonuses of a quarter. Deals count in the quarter of their payout, in payout order, under
 * the SPIFs of the plan version that pays them: `quantity` adds the units of the product on
 * every deal where the person has credit on that line, `amount` adds the person's credited
 * amount of it. The deal that brings the total to the target earns the bonus, once per quarter.
 */
export function spifLines(payouts: readonly DealPayout[], period: Period): StatementLine[] {
  const inPeriod = payouts
    .filter((payout) => payout.dueAt !== undefined && payout.lines.length > 0 && periodOf(parseInstant(payout.dueAt, 'dueAt')) === period)
    .sort((a, b) => parseInstant(a.dueAt!, 'dueAt') - parseInstant(b.dueAt!, 'dueAt') || a.win.close.ref.position - b.win.close.ref.position);
  const progress = new Map<string, Progress>();
  const lines: StatementLine[] = [];
  for (const payout of inPeriod) {
    const { win } = payout;
    for (const spif of win.plan.version.rules.spifs ?? []) {
      const value = contribution(payout, spif);
      if (value <= 0) continue;
      const state = progress.get(spif.id) ?? { total: 0, parts: [], paid: false };
      progress.set(spif.id, state);
      state.total += value;
      state.parts.push({ dealId: win.deal.dealId, value, close: withRole(win.close.ref, 'contributing-close') });
      if (state.paid || state.total < spif.target) continue;
      state.paid = true;
      const show = (n: number) => (spif.metric === 'amount' ? money(n, win.plan.version.rules.currency) : String(n));
      const sum = state.parts.map((part) => `${part.dealId} ${show(part.value)}`).join(' + ');
      lines.push({
        lineId: `spif:${spif.id}:${period}`, kind: 'spif', amountMinor: spif.bonusMinor, currency: win.plan.version.rules.currency,
        dueAt: payout.dueAt!, productCode: spif.productCode,
        lineage: {
          dealId: win.deal.dealId,
          events: [...dealLineageEvents(win.close, win.split.ref, win.plan), ...state.parts.slice(0, -1).map((part) => part.close)],
          plan: planOf(win.plan),
          rule: `spifs[${spif.id}]`,
          arithmetic: `${spif.productCode} ${spif.metric} in ${period}: ${sum} = ${show(state.total)} ≥ target ${show(spif.target)} → bonus ${money(spif.bonusMinor, win.plan.version.rules.currency)}`,
        },
      });
    }
  }
  return lines;
}

function contribution(payout: DealPayout, spif: Spif): number {
  const lines = payout.win.credits.filter((credit) => credit.productCode === spif.productCode && credit.creditMinor > 0);
  return spif.metric === 'quantity'
    ? lines.reduce((sum, credit) => sum + credit.quantity, 0)
    : lines.reduce((sum, credit) => sum + credit.creditMinor, 0);
}
