import { readFileSync } from 'node:fs';
import { displayDigitsOf, isIsoCurrency, isoCurrencies, minorUnitOf } from './currency';
import { ISO_4217_MINOR_UNITS } from './iso-4217';

/**
 * The table is checked against ISO 4217 list one as published by its maintenance agency, in the
 * copy the currency-codes package ships (devDependency; kept current with each publication).
 * Not Intl: its digits come from CLDR, which differ from ISO 4217 for about thirty codes (IQD 0
 * instead of 3, HUF/IDR/COP 0 instead of 2, the funds and metals 2 instead of none).
 */
const LIST_ONE = readFileSync(require.resolve('currency-codes/iso-4217-list-one.xml'), 'utf8');

/** Amendments in force after that copy was published; applying one the copy already has changes nothing. */
const AMENDMENTS: readonly { readonly amendment: number; readonly add?: Record<string, number>; readonly withdraw?: readonly string[] }[] = [
  // Curaçao and Sint Maarten: the Caribbean guilder replaces the Netherlands Antillean guilder from 2025-03-31.
  { amendment: 176, add: { XCG: 2 }, withdraw: ['ANG'] },
];

function publishedList(): Map<string, number> {
  const list = new Map<string, number>();
  for (const [, entry] of LIST_ONE.matchAll(/<CcyNtry>([\s\S]*?)<\/CcyNtry>/g)) {
    const code = /<Ccy>([A-Z]{3})<\/Ccy>/.exec(entry)?.[1];
    const minorUnit = /<CcyMnrUnts>([^<]+)<\/CcyMnrUnts>/.exec(entry)?.[1];
    // Entries without a currency (Antarctica) or without a minor unit (funds and precious metals, "N.A.") carry no amounts.
    if (code === undefined || minorUnit === undefined || !/^\d$/.test(minorUnit)) continue;
    list.set(code, Number(minorUnit));
  }
  for (const { add = {}, withdraw = [] } of AMENDMENTS) {
    for (const code of withdraw) list.delete(code);
    for (const [code, minorUnit] of Object.entries(add)) list.set(code, minorUnit);
  }
  return list;
}

describe('ISO 4217 table', () => {
  it('reads a real publication', () => {
    expect(LIST_ONE).toMatch(/<ISO_4217 Pblshd="\d{4}-\d{2}-\d{2}">/);
    expect(publishedList().size).toBeGreaterThan(150);
  });

  it('has exactly the codes and minor units of ISO 4217 list one, with the amendments since', () => {
    const expected = Object.fromEntries([...publishedList()].sort(([a], [b]) => a.localeCompare(b)));
    const actual = Object.fromEntries(Object.entries(ISO_4217_MINOR_UNITS).sort(([a], [b]) => a.localeCompare(b)));
    expect(actual).toEqual(expected);
  });

  it.each([
    ['EUR', 2], ['USD', 2], ['JPY', 0], ['KRW', 0], ['CLP', 0], ['KWD', 3], ['BHD', 3], ['IQD', 3], ['CLF', 4], ['XCG', 2],
  ])('%s has %d decimals', (code, minorUnit) => {
    expect(minorUnitOf(code)).toBe(minorUnit);
    expect(isIsoCurrency(code)).toBe(true);
  });

  it.each(['ZZZ', 'ANG', 'XAU', 'XXX', 'XTS', 'eur', 'EURO', '', 'toString', '__proto__', 978])('does not take %p', (code) => {
    expect(minorUnitOf(code)).toBeUndefined();
    expect(isIsoCurrency(code)).toBe(false);
  });

  it('shows amounts of a code it does not know with the two decimals they were recorded with', () => {
    expect([displayDigitsOf('JPY'), displayDigitsOf('KWD'), displayDigitsOf('ZZZ'), displayDigitsOf('ANG')]).toEqual([0, 3, 2, 2]);
  });

  it('lists every currency once, sorted', () => {
    const codes = isoCurrencies().map((c) => c.code);
    expect(codes).toEqual([...new Set(codes)].sort());
    expect(isoCurrencies()).toContainEqual({ code: 'JPY', minorUnit: 0 });
  });
});
