import { formatMinor, formatMoney } from '../shared/money';

/** 1487500 EUR → "14,875.00", 1487500 JPY → "1,487,500": the readable form used in statement arithmetic. */
export function money(minor: number, currency: string): string {
  const [whole, fraction] = formatMoney(minor, currency).split('.');
  const sign = whole.startsWith('-') ? '−' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? `${sign}${digits}` : `${sign}${digits}.${fraction}`;
}

/** Signed money for differences: "+2,125.00", "−2,125.00", "0.00". */
export function signedMoney(minor: number, currency: string): string {
  return minor > 0 ? `+${money(minor, currency)}` : money(minor, currency);
}

/** 7000 → "70.00%". */
export function percent(bp: number): string {
  return `${formatMinor(bp)}%`;
}

/** 12500 → "1.25", 11250 → "1.125": a multiplier in basis points, at least two decimals. */
export function multiplier(bp: number): string {
  const text = formatMinor(bp, 4).replace(/0{1,2}$/, '');
  return text;
}
