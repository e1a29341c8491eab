import { parseInstantOrDate } from '@deals/domain';
import { RoleInterval } from './audit.document';

/** Business time (`occurredAt`, may be backdated) or record time (`recordedAt`). */
export type TimeBasis = 'occurred' | 'recorded';

/** A half-open period [from, to) on one time basis; a missing bound is unbounded. Dates read as UTC midnight. */
export interface AuditPeriod {
  readonly from?: string;
  readonly to?: string;
  readonly timeBasis: TimeBasis;
}

export interface Bounds {
  readonly from: number;
  readonly to: number;
  readonly basis: TimeBasis;
}

interface Timed {
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/** Throws the domain's TIME.INVALID for a bound that is not an instant or a date. */
export function boundsOf(period: AuditPeriod): Bounds {
  return {
    from: period.from === undefined ? -Infinity : parseInstantOrDate(period.from, 'from'),
    to: period.to === undefined ? Infinity : parseInstantOrDate(period.to, 'to'),
    basis: period.timeBasis,
  };
}

export function timeOf(moment: Timed, basis: TimeBasis): number {
  return Date.parse(basis === 'occurred' ? moment.occurredAt : moment.recordedAt);
}

export function within(moment: Timed, bounds: Bounds): boolean {
  const t = timeOf(moment, bounds.basis);
  return t >= bounds.from && t < bounds.to;
}

/** A role held at some instant of the period; a role added and removed at the same instant counts if that instant is in it. */
export function overlaps(interval: RoleInterval, bounds: Bounds): boolean {
  const start = timeOf(interval.from, bounds.basis);
  const end = interval.to === undefined ? Infinity : timeOf(interval.to, bounds.basis);
  if (end <= start) return within(interval.from, bounds);
  return start < bounds.to && end > bounds.from;
}
