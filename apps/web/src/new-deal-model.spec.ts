import { EMPTY_DEAL, newDealBody, newDealProblems, tenThousandths } from './new-deal-model';

describe('the new deal form', () => {
  const filled = { ...EMPTY_DEAL, name: ' Acme rollout ', account: 'Acme GmbH', amount: '60000,00' };

  it('reads amounts exactly', () => {
    expect(tenThousandths('60000.5')).toBe(600_005_000n);
    expect(tenThousandths('0.0001')).toBe(1n);
    expect(tenThousandths('1.23456')).toBeUndefined();
    expect(tenThousandths('')).toBeUndefined();
  });

  it('names what is missing', () => {
    expect(newDealProblems(EMPTY_DEAL)).toEqual(['Name is required.', 'Account is required.', 'Amount must be an amount such as 60000.00.']);
    expect(newDealProblems({ ...filled, currency: 'euro' })).toEqual(['Currency must be a three-letter code such as EUR.']);
    expect(newDealProblems(filled)).toEqual([]);
  });

  it('checks that the lines add up to the amount, leaving blank lines out', () => {
    const lines = [{ productCode: 'CORE', amount: '50000', quantity: '1' }, { productCode: '', amount: '', quantity: '1' }];
    expect(newDealProblems({ ...filled, lines })).toEqual(['The lines add up to 50000.00, not 60000.00: the amount is their sum.']);
    expect(newDealProblems({ ...filled, lines: [{ productCode: '', amount: '1x', quantity: '0' }] }))
      .toEqual(['Line 1: Product is required.', 'Line 1: Amount must be an amount such as 60000.00.', 'Line 1: Quantity must be a whole number from 1.']);
  });

  it('sends the body of POST /deals, the caller its owner', () => {
    expect(newDealBody({ ...filled, industry: 'manufacturing', lines: [{ productCode: 'CORE', amount: '60000', quantity: '2' }] })).toEqual({
      name: 'Acme rollout', account: { name: 'Acme GmbH', industry: 'manufacturing' }, currency: 'EUR', expectedAmount: '60000.00',
      lineItems: [{ productCode: 'CORE', amount: '60000', quantity: 2 }],
    });
    expect(newDealBody(filled)).not.toHaveProperty('ownerId');
  });
});
