import { formatMoney } from '@deals/domain';

/**
 * Minor units as a plain decimal with the currency's own decimals ("-1234.50" EUR, "125000" JPY),
 * for spreadsheets; no thousands separators.
 */
export function minorToDecimal(minor: number, currency: string): string {
  return formatMoney(minor, currency);
}
