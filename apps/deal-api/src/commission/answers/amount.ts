import { ApiPropertyOptions } from '@nestjs/swagger';
import { formatMoney } from '@deals/domain';

/**
 * Every amount in a commission answer comes twice: `<x>Minor`, integer minor units (as before),
 * and `<x>`, the same amount as decimal text with the currency's own digits, in the `currency`
 * of the object that holds it: `amountMinor: 1487500, amount: "14875.00", currency: "EUR"`.
 */
export const decimal = (minor: number, currency: string): string => formatMoney(minor, currency);

const DECIMAL = '^-?\\d+(\\.\\d+)?$';

/** The decimal twin of `<name>Minor`. */
export const amount = (name: string, what: string): ApiPropertyOptions => ({
  type: 'string', pattern: DECIMAL, example: '14875.00',
  description: `${what}, as decimal text with the currency's ISO 4217 digits (\`${name}Minor\` in minor units).`,
});

/** `<name>Minor`, kept for compatibility. */
export const minor = (name: string, what: string): ApiPropertyOptions => ({
  type: 'integer', example: 1487500, description: `${what}, in integer minor units (\`${name}\` as decimal text).`,
});

export const CURRENCY: ApiPropertyOptions = { pattern: '^[A-Z]{3}$', example: 'EUR', description: 'ISO 4217 code of every amount in this object.' };

/** The keys of a union, listed once: a value added to the union without its entry does not compile. */
export const valuesOf = <T extends string>(entries: Record<T, true>): T[] => Object.keys(entries) as T[];
