import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiConfigFromEnv } from './api-config';

describe('deal desk settings at start (a real file)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'deal-desk-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads the price list from CONTROL_DEAL_DESK_FILE and the payment limit from CONTROL_MAX_PAYMENT_DAYS', () => {
    const file = write('deal-desk.json', JSON.stringify({ maxDiscountPercent: 12.5, products: { CORE: { listPrice: '700.00', currency: 'EUR', maxDiscountPercent: 10 } } }));
    const { dealDesk } = apiConfigFromEnv({ CONTROL_DEAL_DESK_FILE: file, CONTROL_MAX_PAYMENT_DAYS: '45' });
    expect(dealDesk).toMatchObject({ maxDiscountBp: 1250, maxPaymentTermsDays: 45 });
    expect(dealDesk?.products.get('CORE')).toStrictEqual({ maxDiscountBp: 1000, listPriceMinor: 70_000, currency: 'EUR' });
  });

  it('without settings, the defaults: 15% and 60 days, no price list', () => {
    expect(apiConfigFromEnv({}).dealDesk).toMatchObject({ maxDiscountBp: 1500, maxPaymentTermsDays: 60, products: new Map() });
  });

  it('stops the start on a file that is missing, not JSON, or wrong, naming it', () => {
    const missing = join(dir, 'nope.json');
    expect(() => apiConfigFromEnv({ CONTROL_DEAL_DESK_FILE: missing })).toThrow(`CONTROL_DEAL_DESK_FILE ${missing} cannot be read as JSON`);
    const broken = write('broken.json', '{ "products": ');
    expect(() => apiConfigFromEnv({ CONTROL_DEAL_DESK_FILE: broken })).toThrow(`CONTROL_DEAL_DESK_FILE ${broken} cannot be read as JSON`);
    const wrong = write('wrong.json', JSON.stringify({ products: { CORE: { listPrice: '700.001', currency: 'EUR' } } }));
    expect(() => apiConfigFromEnv({ CONTROL_DEAL_DESK_FILE: wrong })).toThrow(`Deal desk settings are invalid: ${wrong}: products.CORE.listPrice: `);
    expect(() => apiConfigFromEnv({ CONTROL_MAX_DISCOUNT_PERCENT: '150' })).toThrow('CONTROL_MAX_DISCOUNT_PERCENT must be a percentage from 0 to 100');
  });
});
