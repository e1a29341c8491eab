/**
 * ISO 4217 currencies in circulation (list one, entries with a minor unit: funds and precious
 * metals without one are left out) and their minor unit: how many decimals an amount may have.
 * As published 2024-06-25, with amendment 176 in force since 2025-03-31 (XCG replaces ANG).
 * `iso-4217.spec.ts` compares this table with the list the currency-codes package ships.
 */
export const ISO_4217_MINOR_UNITS: Readonly<Record<string, 0 | 2 | 3 | 4>> = Object.freeze({
  ...digits(0, [
    'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF',
    'XPF',
  ]),
  ...digits(2, [
    'AED', 'AFN', 'ALL', 'AMD', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BMD', 'BND', 'BOB',
    'BOV', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHE', 'CHF', 'CHW', 'CNY', 'COP', 'COU', 'CRC',
    'CUC', 'CUP', 'CVE', 'CZK', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS',
    'GIP', 'GMD', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IRR', 'JMD', 'KES', 'KGS', 'KHR',
    'KPW', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU',
    'MUR', 'MVR', 'MWK', 'MXN', 'MXV', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'PAB', 'PEN', 'PGK',
    'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'RSD', 'RUB', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS',
    'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'USD',
    'USN', 'UYU', 'UZS', 'VED', 'VES', 'WST', 'XCD', 'XCG', 'YER', 'ZAR', 'ZMW', 'ZWG',
  ]),
  ...digits(3, [
    'BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND',
  ]),
  ...digits(4, [
    'CLF', 'UYW',
  ]),
});

function digits<D extends 0 | 2 | 3 | 4>(minorUnit: D, codes: readonly string[]): Record<string, D> {
  return Object.fromEntries(codes.map((code) => [code, minorUnit]));
}
