import { Period } from '../period';
import { FactRef, PeriodFact } from './facts';

/** The close in force of a period: its statements are frozen as known just before this event. */
export interface PeriodClose {
  readonly closedAt: string;
  readonly closedBy: string;
  readonly event: FactRef;
}

export interface PeriodStatus {
  readonly period: Period;
  readonly status: 'open' | 'closed';
  readonly closed?: PeriodClose;
  /** Every close and reopening, in recording order. */
  readonly history: readonly PeriodFact[];
}

/** Each period with a close or reopening among the facts, as they leave it. */
export function periodStatuses(facts: readonly PeriodFact[]): Map<Period, PeriodStatus> {
  const statuses = new Map<Period, PeriodStatus>();
  for (const fact of [...facts].sort((a, b) => a.ref.position - b.ref.position)) {
    const history = [...(statuses.get(fact.period)?.history ?? []), fact];
    statuses.set(fact.period, fact.change === 'closed'
      ? { period: fact.period, status: 'closed', closed: { closedAt: fact.closedAt, closedBy: fact.closedBy, event: fact.ref }, history }
      : { period: fact.period, status: 'open', history });
  }
  return statuses;
}

/** A period nothing has closed: open, without history. */
export const openPeriod = (period: Period): PeriodStatus => ({ period, status: 'open', history: [] });
