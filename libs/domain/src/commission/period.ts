import { CommissionErrors } from './commission.errors';

/** A calendar quarter in UTC, e.g. `2026-Q1`. Commission periods are quarters. */
export type Period = string;

const PERIOD = /^(\d{4})-Q([1-4])$/;
export const MS_PER_DAY = 86_400_000;

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && PERIOD.test(value);
}

/** Start (inclusive) and end (exclusive) of a quarter, in epoch milliseconds (UTC). */
export function periodBounds(period: Period, field = 'period'): { startMs: number; endMs: number } {
  const match = typeof period === 'string' ? PERIOD.exec(period) : null;
  if (!match) throw CommissionErrors.periodInvalid(field, period);
  const year = Number(match[1]);
  const firstMonth = (Number(match[2]) - 1) * 3;
  return { startMs: Date.UTC(year, firstMonth, 1), endMs: Date.UTC(year, firstMonth + 3, 1) };
}

/** The quarter an instant falls in (UTC). */
export function periodOf(ms: number): Period {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** Whole UTC days from the quarter's first day (0 = first day) and to its end (1 = last day). */
export function dayInQuarter(ms: number): { fromStart: number; toEnd: number } {
  const { startMs, endMs } = periodBounds(periodOf(ms));
  const day = Math.floor(ms / MS_PER_DAY);
  return { fromStart: day - startMs / MS_PER_DAY, toEnd: endMs / MS_PER_DAY - day };
}

/** The quarter after a valid `period` (`2026-Q4` → `2027-Q1`). */
export function nextPeriod(period: Period): Period {
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(6));
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}

/** The quarter before a valid `period`. */
export function previousPeriod(period: Period): Period {
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(6));
  return quarter === 1 ? `${String(year - 1).padStart(4, '0')}-Q4` : `${period.slice(0, 4)}-Q${quarter - 1}`;
}
