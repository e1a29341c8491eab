import { paymentTermsDays } from './payment-terms';

describe('payment terms as days of credit', () => {
  it.each([
    ['Net 30', 30], ['net 45', 45], ['NET60', 60], ['Net 90 days', 90], ['net 30.', 30], ['30 days', 30], ['45 days net', 45],
    ['within 14 days', 14], ['2/10 net 30', 30], ['2% 10, net 45', 45], ['  Net   30  ', 30],
  ])('reads %j as %i days', (text, days) => {
    expect(paymentTermsDays(text)).toBe(days);
  });

  it.each(['Annual upfront', 'paid upfront', 'in advance', 'Prepaid', 'due on receipt', 'upon receipt', 'Immediate', 'cash in advance', 'COD'])(
    'reads %j as nothing financed (0 days)', (text) => {
      expect(paymentTermsDays(text)).toBe(0);
    });

  it.each(['end of month', 'net 30 EOM', '50% on signature, 50% on delivery', 'not recorded in Salesforce', 'net', 'Q2 2026', '30', 'net -30', ''])(
    'cannot read %j as a number of days', (text) => {
      expect(paymentTermsDays(text)).toBeUndefined();
    });
});
