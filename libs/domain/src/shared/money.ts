import { CommonErrors } from './common.errors';
import { displayDigitsOf, minorUnitOf } from './currency';

/** Default number of decimals in a currency's minor unit (cents). */
export const DEFAULT_FRACTION_DIGITS = 2;

/**
 * An amount as a command carries it: whole minor units (from code that knows the currency's
 * minor unit), or the decimal text a person wrote ("1500.50"), read in the currency the amount
 * is for. Text is how the API passes amounts: whether "100.50" is valid depends on the currency
 * (JPY has no decimals), and for an existing deal only its folded state knows the currency.
 */
export type AmountInput = number | { readonly decimal: string };

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
  return toMinor(match, fractionDigits, text);
}

/**
 * Decimal text in an ISO 4217 currency → minor units of that currency: "100.50" EUR → 10050,
 * "100" JPY → 100, "1.250" KWD → 1250. More decimals than the currency's minor unit, or a code
 * ISO 4217 does not list, is MONEY.INVALID naming the currency and its decimals.
 */
export function parseMoney(text: string, currency: string, field?: string): number {
  const minorUnit = minorUnitOf(currency);
  if (minorUnit === undefined) {
    throw CommonErrors.moneyInvalid(text, `${JSON.stringify(currency)} is not an ISO 4217 currency`, { ...(field === undefined ? {} : { field }), currency });
  }
  const context = { ...(field === undefined ? {} : { field }), currency, minorUnit };
  const match = typeof text === 'string' ? MONEY_TEXT.exec(text) : null;
  if (!match) throw CommonErrors.moneyInvalid(text, 'expected digits and an optional decimal point, e.g. "100000.00"', context);
  if ((match[3] ?? '').length > minorUnit) {
    const allowed = minorUnit === 0 ? `${currency} has no decimals` : `${currency} has at most ${minorUnit} decimals`;
    throw CommonErrors.moneyInvalid(text, `${allowed} (ISO 4217 minor unit ${minorUnit})`, context);
  }
  return toMinor(match, minorUnit, text, context);
}

/** Minor units as they are, or decimal text read in `currency` (see AmountInput). */
export function amountToMinor(amount: AmountInput, currency: string, field?: string): number {
  return typeof amount === 'object' && amount !== null ? parseMoney(amount.decimal, currency, field) : amount;
}

function toMinor(match: RegExpExecArray, fractionDigits: number, text: string, context = {}): number {
  const [, sign, whole, fraction = ''] = match;
  const digits = (whole + fraction.padEnd(fractionDigits, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) throw CommonErrors.moneyInvalid(text, 'too large to represent exactly', context);
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

/** Minor units of `currency` as decimal text with the currency's own decimals: 10050 EUR "100.50", 100 JPY "100". */
export function formatMoney(minor: number, currency: string): string {
  return formatMinor(minor, displayDigitsOf(currency));
}

/** Sum of integer minor amounts; exact as long as the total stays a safe integer. */
export function sumMinor(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}
