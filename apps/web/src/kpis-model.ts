import { money } from './format';

/** An exact fraction and its percentage (null for x/0), as the API answers ratios. */
export interface Ratio { readonly numerator: number; readonly denominator: number; readonly percent: number | null }

/** "50%", or "—" when there is nothing to divide by. */
export const ratioText = (r: Ratio): string => (r.percent === null ? '—' : `${r.percent}%`);

/** The fraction behind a percentage, for a tooltip: "1 of 2". */
export const ratioTitle = (r: Ratio): string => `${r.numerator} of ${r.denominator}`;

/** A signed growth: "+50%", "−100%", or "new" when the month before had nothing. */
export const growthText = (r: Ratio): string => (r.percent === null ? 'new' : r.percent > 0 ? `+${r.percent}%` : r.percent < 0 ? `−${-r.percent}%` : '0%');

/** The month or quarter before or after: `2026-01` −1 → `2025-12`, `2026-Q1` +1 → `2026-Q2`. */
export function shiftPeriod(period: string, by: number): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const index = Number(quarter[1]) * 4 + Number(quarter[2]) - 1 + by;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const [y, m] = period.split('-').map(Number);
  const index = y * 12 + m - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Amounts per currency as text, never added together: "10,000.00 EUR │ 5,000.00 USD". */
export const perCurrencyText = (amounts: readonly { currency: string; minor: number }[]): string =>
  amounts.length === 0 ? '—' : amounts.map((a) => money(a.minor, a.currency)).join(' │ ');
