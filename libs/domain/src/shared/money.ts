import { CommonErrors } from './common.errors';

/** Default number of decimals in a currency's minor unit (cents). */
export const DEFAULT_FRACTION_DIGITS = 2;

/** True for a safe, non-negative integer amount in minor units. */
export function isMinorAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const MONEY_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * "100000.00" → 10000000, by string arithmetic so no binary floating point ever touches money.
 * Accepts an optional leading minus, digits, and at most `fractionDigits` decimals; nothing else
 * (no thousands separators, exponents or spaces).
 */
export function parseMoneyToMinor(text: string, fractionDigits = DEFAULT_FRACTION_DIGITS): number {
  const match = typeof text === 'string' ? MONEY_TEXT.exec(text) : null;
  if (!match || (match[3] ?? '').length > fractionDigits) {
    throw CommonErrors.moneyInvalid(text, `expected digits with at most ${fractionDigits} decimals, e.g. "100000.00"`);
  }
  const [, sign, whole, fraction = ''] = match;
  const digits = (whole + fraction.padEnd(fractionDigits, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) throw CommonErrors.moneyInvalid(text, 'too large to represent exactly');
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** 10000000 → "100000.00"; the inverse of `parseMoneyToMinor`. */
export function formatMinor(minor: number, fractionDigits = DEFAULT_FRACTION_DIGITS): string {
  if (!Number.isSafeInteger(minor)) throw CommonErrors.moneyInvalid(minor, 'minor units must be a safe integer');
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(fractionDigits + 1, '0');
  if (fractionDigits === 0) return sign + digits;
  const cut = digits.length - fractionDigits;
  return `${sign}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** Sum of integer minor amounts; exact as long as the total stays a safe integer. */
export function sumMinor(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}
