import { DEFAULT_DEAL_DESK_POLICY, dealDeskPolicyFrom } from './deal-desk-policy';

const file = (content: unknown) => ({ path: '/etc/deals/deal-desk.json', content });

describe('the deal desk settings', () => {
  it('default to 15% off and 60 days, with no price list', () => {
    expect(dealDeskPolicyFrom({})).toStrictEqual(DEFAULT_DEAL_DESK_POLICY);
    expect(DEFAULT_DEAL_DESK_POLICY).toMatchObject({ maxDiscountBp: 1500, maxPaymentTermsDays: 60 });
  });

  it('take the limits from CONTROL_MAX_DISCOUNT_PERCENT and CONTROL_MAX_PAYMENT_DAYS', () => {
    const policy = dealDeskPolicyFrom({ CONTROL_MAX_DISCOUNT_PERCENT: '12.5', CONTROL_MAX_PAYMENT_DAYS: '45' });
    expect(policy).toMatchObject({ maxDiscountBp: 1250, maxPaymentTermsDays: 45 });
  });

  it('read a price list per product from the file: list price in a currency and a discount limit, each optional', () => {
    const policy = dealDeskPolicyFrom({}, file({
      maxDiscountPercent: 20, maxPaymentTermsDays: 30,
      products: { CORE: { listPrice: '600.00', currency: 'EUR', maxDiscountPercent: 10 }, X: { maxDiscountPercent: 25 }, SEAT: { listPrice: '1200', currency: 'JPY' } },
    }));
    expect(policy.maxDiscountBp).toBe(2000);
    expect(policy.maxPaymentTermsDays).toBe(30);
    expect([...policy.products]).toStrictEqual([
      ['CORE', { maxDiscountBp: 1000, listPriceMinor: 60_000, currency: 'EUR' }],
      ['X', { maxDiscountBp: 2500 }],
      ['SEAT', { listPriceMinor: 1200, currency: 'JPY' }],
    ]);
    // Product codes are data, never keys of an object's prototype.
    expect(policy.products.get('constructor')).toBeUndefined();
  });

  it('refuse at start with every problem named', () => {
    const bad = () => dealDeskPolicyFrom({ CONTROL_MAX_DISCOUNT_PERCENT: 'lots', CONTROL_MAX_PAYMENT_DAYS: '30.5' }, file({
      maxDiscount: 10,
      products: {
        CORE: { listPrice: '600.001', currency: 'EUR' }, X: { listPrice: '10.00' }, Y: { maxDiscountPercent: 120 }, Z: { listPrice: 600, currency: 'EUR' },
        W: { listPrice: '1.00', currency: 'ZZZ' }, V: 'cheap', U: { price: '1.00' },
      },
    }));
    expect(bad).toThrow(/^Deal desk settings are invalid: /);
    const message = (() => { try { bad(); } catch (error) { return (error as Error).message; } return ''; })();
    for (const problem of [
      '/etc/deals/deal-desk.json: maxDiscount is not a setting',
      'CONTROL_MAX_DISCOUNT_PERCENT must be a percentage from 0 to 100 with at most two decimals, got "lots"',
      'CONTROL_MAX_PAYMENT_DAYS must be a whole number of days from 0 to 3650, got 30.5',
      'products.CORE.listPrice: ', 'products.X: listPrice and currency go together', 'products.Y.maxDiscountPercent must be a percentage',
      'products.Z.listPrice must be decimal text', 'products.W.currency must be an ISO 4217 code', 'products.V must be an object', 'products.U.price is not a setting',
    ]) expect(message).toContain(problem);
  });

  it('a limit is set in one place: the file or the variable', () => {
    expect(() => dealDeskPolicyFrom({ CONTROL_MAX_PAYMENT_DAYS: '30' }, file({ maxPaymentTermsDays: 45 })))
      .toThrow('CONTROL_MAX_PAYMENT_DAYS and /etc/deals/deal-desk.json: maxPaymentTermsDays are both set; set the limit in one place');
    expect(() => dealDeskPolicyFrom({}, file([1, 2]))).toThrow('/etc/deals/deal-desk.json: must be a JSON object');
  });
});
