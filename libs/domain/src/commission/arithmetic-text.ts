import { formatMinor } from '../shared/money';

/** 1487500 → "14,875.00"; the readable form used in statement arithmetic. */
export function money(minor: number): string {
  const [whole, fraction] = formatMinor(minor).split('.');
  const sign = whole.startsWith('-') ? '−' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}.${fraction}`;
}

/** Signed money for differences: "+2,125.00", "−2,125.00", "0.00". */
export function signedMoney(minor: number): string {
  return minor > 0 ? `+${money(minor)}` : money(minor);
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
