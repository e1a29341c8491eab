import { FactRef, PeriodClose, PriorPeriod } from './commission-types';
import { day, decimal, decimalMoney, when } from './format';

/** A commission period as `GET /commission/periods` lists it. */
export interface CommissionPeriod {
  readonly period: string;
  readonly status: 'open' | 'closed';
  readonly closed?: PeriodClose;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly ended: boolean;
  readonly history: readonly PeriodChange[];
}

export interface PeriodChange {
  readonly ref: FactRef;
  readonly period: string;
  readonly change: 'closed' | 'reopened';
  readonly closedBy?: string; readonly closedAt?: string;
  readonly reopenedBy?: string; readonly reason?: string;
}

/** The quarter's last day (`endsAt` is exclusive). */
export const lastDay = (p: Pick<CommissionPeriod, 'endsAt'>): string => day(new Date(new Date(p.endsAt).getTime() - 1).toISOString());

/** What finance may do with a period now, and why not when it may do nothing. */
export function periodActions(p: CommissionPeriod): { close: boolean; reopen: boolean; note?: string } {
  if (p.status === 'closed') return { close: false, reopen: true };
  if (!p.ended) return { close: false, reopen: false, note: `ends ${lastDay(p)}; it can be closed after` };
  return { close: true, reopen: false };
}

/** "closed by fiona.finance on 2026-04-03 09:00 UTC" / "reopened by fiona.finance on …: reason" */
export function changeText(c: PeriodChange): string {
  if (c.change === 'closed') return `closed by ${c.closedBy ?? c.ref.actorId ?? '?'} on ${when(c.closedAt ?? c.ref.recordedAt)}`;
  return `reopened by ${c.reopenedBy ?? c.ref.actorId ?? '?'} on ${when(c.ref.recordedAt)}: ${c.reason ?? ''}`;
}

/** The banner of a closed period's statement. */
export const closedText = (closed: PeriodClose): string => `Closed on ${when(closed.closedAt)} by ${closed.closedBy}, as known at the close.`;

/** A prior-period line's figures: what the closed period paid, what it should have, corrections already made. */
export function priorPeriodFigures(p: PriorPeriod, currency: string): { label: string; value: string }[] {
  const amount = (text: string | undefined) => decimalMoney(text ?? decimal(0, currency), currency);
  return [
    { label: 'Closed period', value: `${p.period}${p.close ? ` (closed ${when(p.close.closedAt)} by ${p.close.closedBy})` : ''}` },
    { label: 'Line corrected', value: p.lineId },
    { label: 'Paid at the close', value: amount(p.frozen) },
    { label: 'As known now', value: amount(p.knownNow) },
    ...(p.adjustedIn.length ? [{ label: 'Already corrected', value: `${amount(p.adjusted)} in ${p.adjustedIn.join(', ')}` }] : []),
  ];
}

/** A fact recorded after a close that moved a closed period's figure. */
export const lateFactText = (e: FactRef): string =>
  `${e.type}${e.actorId ? ` by ${e.actorId}` : ''}, happened ${when(e.occurredAt)}, recorded ${when(e.recordedAt)}`;
