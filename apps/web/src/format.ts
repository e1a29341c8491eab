import { displayDigitsOf } from '../../../libs/domain/src';

/** Minor units as plain decimal text with the currency's own decimals ("-1234.50" EUR, "1500000" JPY), for form fields. */
export function decimal(minor: number, currency: string): string {
  const digits = displayDigitsOf(currency);
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  return `${minor < 0 ? '-' : ''}${whole}${digits ? `.${abs.slice(abs.length - digits)}` : ''}`;
}

/** Money in minor units, with its currency, grouped, in the currency's own decimals (EUR 2, JPY none, KWD 3). */
export const money = (minor: number, currency: string): string => decimalMoney(decimal(minor, currency), currency);

/** As money(), without the currency code: for a place that labels the currency once ("EUR 1,250.00"). */
export const amountOnly = (minor: number, currency: string): string => money(minor, currency).slice(0, -(currency.length + 1));

/** Decimal text as the API writes it ("-2125.00") shown like money(): "−2,125.00 EUR". */
export function decimalMoney(text: string, currency: string): string {
  const [whole, fraction] = text.replace(/^[-+]/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = text.startsWith('-') && /[1-9]/.test(text);
  return `${negative ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`} ${currency}`;
}

/** A compact amount for tight places: 1.2M EUR, 350k EUR. */
export const shortMoney = (minor: number, currency: string): string => `${shortAmount(minor, currency)} ${currency}`;

/** As shortMoney(), without the currency code: 1.2M, 350k. */
export function shortAmount(minor: number, currency: string): string {
  const units = minor / 10 ** displayDigitsOf(currency);
  const abs = Math.abs(units);
  return abs >= 1e6 ? `${(units / 1e6).toFixed(abs >= 1e7 ? 0 : 1)}M` : abs >= 1e3 ? `${Math.round(units / 1e3)}k` : units.toFixed(0);
}

/** An instant as `2026-03-25 16:00 UTC`. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');

export function days(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return `${n < 10 ? n.toFixed(1).replace(/\.0$/, '') : Math.round(n)} d`;
}

export const daysSince = (iso: string, now = Date.now()): number => (now - new Date(iso).getTime()) / 86_400_000;

export const percent = (p: number): string => `${Math.round(p * 100)}%`;

export const bp = (basisPoints: number): string => `${(basisPoints / 100).toFixed(2).replace(/\.00$/, '')}%`;

export const shortId = (id: string): string => (id.length > 12 ? id.slice(0, 8) : id);

/** The calendar quarter of an instant, e.g. `2026-Q4`. */
export const quarterOf = (d: Date): string => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;

export function shiftQuarter(period: string, by: number): string {
  const [y, q] = period.split('-Q').map(Number);
  const index = y * 4 + (q - 1) + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Whole days from one instant back to an earlier one (a backdated change: its business time to when it was proposed). */
export const daysBack = (earlier: string, later: string): number => Math.floor((new Date(later).getTime() - new Date(earlier).getTime()) / 86_400_000);
