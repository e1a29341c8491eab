import { parseInstant } from '../../shared/time';
import { money } from '../arithmetic-text';
import { MS_PER_DAY } from '../period';
import { DealPayout } from './deal-lines';
import { dealLineageEvents, planOf, withRole } from './lineage';
import { StatementLine } from './statement.types';

/**
 * A won deal reversed within the plan's clawbackWindowDays of its anchor (the close by default,
 * or go-live, or the payout; business time, inclusive) claws back exactly what it paid
 * (commission and accelerator lines), dated at the reversal. A reversal before the anchor is
 * inside the window. Outside it, or when nothing was paid yet, there is no clawback.
 */
export function clawbackLine(payout: DealPayout): StatementLine | undefined {
  const { win, dueAt } = payout;
  const reversal = win.deal.reversed;
  if (!reversal || dueAt === undefined || payout.lines.length === 0) return undefined;
  const reversedMs = parseInstant(reversal.ref.occurredAt, 'occurredAt');
  const rules = win.plan.version.rules;
  const anchor = rules.clawbackWindowFrom ?? 'close';
  const anchorMs = anchor === 'close' ? win.closeMs
    : anchor === 'payout' ? parseInstant(dueAt, 'dueAt')
      : win.deal.wentLive ? parseInstant(win.deal.wentLive.ref.occurredAt, 'occurredAt') : Number.POSITIVE_INFINITY;
  const days = (reversedMs - anchorMs) / MS_PER_DAY;
  const windowDays = rules.clawbackWindowDays;
  if (days > windowDays) return undefined;
  const parts = payout.lines.map((line) => money(line.amountMinor, line.currency));
  const paid = parts.length === 1 ? parts[0] : `(${parts.join(' + ')})`;
  return {
    lineId: `${win.deal.dealId}:clawback`, kind: 'clawback', amountMinor: -payout.paidMinor,
    currency: payout.lines[0].currency, dueAt: reversal.ref.occurredAt,
    lineage: {
      dealId: win.deal.dealId,
      events: [...dealLineageEvents(win.close, win.split.ref, win.plan), withRole(reversal.ref, 'reversal')],
      split: { source: win.split.source, creditType: win.creditType, shareBp: win.shareBp, eventId: win.split.ref.eventId, position: win.split.ref.position },
      plan: planOf(win.plan),
      rule: anchor === 'close' ? 'clawbackWindowDays' : `clawbackWindowDays from ${anchor}`,
      arithmetic: `${days >= 0 ? `reversed ${formatDays(days)} days after the ${ANCHOR_WORDS[anchor]}` : `reversed before the ${ANCHOR_WORDS[anchor]}`} (window ${windowDays} days): −${paid} = ${money(-payout.paidMinor, payout.lines[0].currency)}`,
    },
  };
}

const ANCHOR_WORDS = { close: 'close', 'go-live': 'go-live', payout: 'payout' } as const;

const formatDays = (days: number) => (Number.isInteger(days) ? String(days) : days.toFixed(2));
