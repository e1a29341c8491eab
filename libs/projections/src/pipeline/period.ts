import { parseInstantOrDate } from '@deals/domain';

/**
 * A half-open period [from, to): `from` inclusive, `to` exclusive, so consecutive months neither
 * overlap nor leave a gap. Either bound may be left open. Bounds are ISO-8601 instants or
 * calendar dates (read as UTC midnight); anything else is TIME.INVALID.
 */
export interface Period {
  readonly from?: string;
  readonly to?: string;
}

/** A test for "happened within the period"; an absent time never is. */
export function withinPeriod(period: Period): (at: string | undefined) => boolean {
  const from = period.from === undefined ? -Infinity : parseInstantOrDate(period.from, 'from');
  const to = period.to === undefined ? Infinity : parseInstantOrDate(period.to, 'to');
  return (at) => {
    if (at === undefined) return false;
    const ms = Date.parse(at);
    return ms >= from && ms < to;
  };
}

/** `now` as milliseconds; TIME.INVALID when it is not an instant or a date. */
export function instantMs(value: string, field: string): number {
  return parseInstantOrDate(value, field);
}
