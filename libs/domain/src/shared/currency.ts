import { ISO_4217_MINOR_UNITS } from './iso-4217';

/** The decimals of an ISO 4217 currency's minor unit (EUR 2, JPY 0, KWD 3); undefined for any other code. */
export function minorUnitOf(currency: unknown): number | undefined {
  return typeof currency === 'string' && Object.hasOwn(ISO_4217_MINOR_UNITS, currency) ? ISO_4217_MINOR_UNITS[currency] : undefined;
}

/** True for a code of ISO 4217 list one with a minor unit: the currencies money may be recorded in. */
export function isIsoCurrency(currency: unknown): currency is string {
  return minorUnitOf(currency) !== undefined;
}

/** Every code with its minor unit, sorted by code. */
export function isoCurrencies(): readonly { readonly code: string; readonly minorUnit: number }[] {
  return Object.keys(ISO_4217_MINOR_UNITS).sort().map((code) => ({ code, minorUnit: ISO_4217_MINOR_UNITS[code] }));
}

/**
 * The decimals to show a recorded amount with. Amounts recorded in a code ISO 4217 does not
 * list (accepted before currencies were checked, or withdrawn since, such as ANG) were stored
 * with two decimals, as every amount was then.
 */
export function displayDigitsOf(currency: string): number {
  return minorUnitOf(currency) ?? 2;
}
