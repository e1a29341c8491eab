import { DomainError } from '@deals/domain';

/** One calendar month in UTC, [from, to). */
export interface MonthBounds {
  readonly month: string;
  readonly from: string;
  readonly to: string;
}

/** A report period: a calendar month (`2026-02`) or quarter (`2026-Q1`) in UTC, [from, to). */
export interface SalesPeriod {
  readonly period: string;
  readonly kind: 'month' | 'quarter';
  readonly from: string;
  readonly to: string;
  /** The months of the period, in order. */
  readonly months: readonly MonthBounds[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

const iso = (ms: number) => new Date(ms).toISOString();

export function monthBounds(year: number, monthIndex: number): MonthBounds {
  const start = Date.UTC(year, monthIndex, 1);
  const date = new Date(start);
  const month = `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  return { month, from: iso(start), to: iso(Date.UTC(year, monthIndex + 1, 1)) };
}

/** `2026-02` or `2026-Q1`; anything else is 400 REPORT.PERIOD_INVALID. */
export function parseSalesPeriod(value: string): SalesPeriod {
  const month = MONTH.exec(value);
  if (month) {
    const bounds = monthBounds(Number(month[1]), Number(month[2]) - 1);
    return { period: value, kind: 'month', from: bounds.from, to: bounds.to, months: [bounds] };
  }
  const quarter = QUARTER.exec(value);
  if (quarter) {
    const year = Number(quarter[1]);
    const first = (Number(quarter[2]) - 1) * 3;
    const months = [0, 1, 2].map((i) => monthBounds(year, first + i));
    return { period: value, kind: 'quarter', from: months[0].from, to: months[2].to, months };
  }
  throw new DomainError('REPORT.PERIOD_INVALID', 'invalid', `period must be a month (2026-02) or a quarter (2026-Q1), not '${value}'`, { period: value });
}

/** The month before a month. */
export function previousMonth(month: MonthBounds): MonthBounds {
  const start = new Date(month.from);
  return monthBounds(start.getUTCFullYear(), start.getUTCMonth() - 1);
}
