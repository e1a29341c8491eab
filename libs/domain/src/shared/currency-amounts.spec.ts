import { dealOpened, command, stored, evidence } from '../testing/deal-fixtures';
import { deciderSpec } from '../testing/decider-spec';
import { createDealDecider } from '../deal/deal.decider';
import { DealCommandOf } from '../deal/deal.commands';
import { DealEvent } from '../deal/deal.events';
import { planAssignmentDecider } from '../commission/assignment/plan-assignment.decider';
import { disputeDecider } from '../commission/dispute/dispute.decider';
import { commissionPlanDecider } from '../commission/plan/commission-plan.decider';
import { AE_FY26_RULES } from '../commission/testing/commission-fixtures';
import { commissionCommand, fay } from '../commission/testing/commission-commands';
import { DomainError } from './domain-error';
import { amountToMinor, formatMoney, parseMoney } from './money';

const error = (run: () => unknown): DomainError => {
  try { run(); } catch (e) { return e as DomainError; }
  throw new Error('no error');
};

describe('money in its ISO 4217 currency', () => {
  it.each([
    ['100.50', 'EUR', 10_050], ['100', 'EUR', 10_000], ['100', 'JPY', 100], ['1250000', 'KRW', 1_250_000],
    ['1.250', 'KWD', 1_250], ['1.25', 'KWD', 1_250], ['0.0001', 'CLF', 1], ['-21.25', 'EUR', -2_125],
  ])('reads %s %s as %d minor units', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor);
  });

  it.each([
    ['100.50', 'JPY', 0, 'JPY has no decimals (ISO 4217 minor unit 0)'],
    ['100.5', 'KRW', 0, 'KRW has no decimals (ISO 4217 minor unit 0)'],
    ['1.234', 'EUR', 2, 'EUR has at most 2 decimals (ISO 4217 minor unit 2)'],
    ['1.2345', 'KWD', 3, 'KWD has at most 3 decimals (ISO 4217 minor unit 3)'],
  ])('refuses %s %s: more decimals than the currency has', (text, currency, minorUnit, reason) => {
    const e = error(() => parseMoney(text, currency, 'expectedAmount'));
    expect(e.code).toBe('MONEY.INVALID');
    expect(e.details).toEqual({ value: text, reason, field: 'expectedAmount', currency, minorUnit });
    expect(e.message).toBe(`expectedAmount: "${text}" is not a valid ${currency} amount: ${reason}.`);
  });

  it('refuses an amount in a code ISO 4217 does not list, and text that is no amount', () => {
    expect(error(() => parseMoney('100', 'ZZZ')).details).toMatchObject({ currency: 'ZZZ', reason: '"ZZZ" is not an ISO 4217 currency' });
    expect(error(() => parseMoney('1e5', 'EUR')).code).toBe('MONEY.INVALID');
    expect(error(() => parseMoney('90071992547409.92', 'EUR')).details).toMatchObject({ reason: 'too large to represent exactly' });
  });

  it('takes minor units as they are and reads text in the currency', () => {
    expect(amountToMinor(12_345, 'JPY')).toBe(12_345);
    expect(amountToMinor({ decimal: '123.45' }, 'EUR')).toBe(12_345);
    expect(amountToMinor({ decimal: '12345' }, 'JPY')).toBe(12_345);
  });

  it.each([
    [10_050, 'EUR', '100.50'], [100, 'JPY', '100'], [1_250, 'KWD', '1.250'], [-2_125, 'EUR', '-21.25'], [1, 'CLF', '0.0001'],
    [10_050, 'ZZZ', '100.50'],
  ])('shows %d %s as %s', (minor, currency, text) => {
    expect(formatMoney(minor, currency)).toBe(text);
  });
});

describe('deal amounts are read in the deal currency', () => {
  const { given } = deciderSpec(createDealDecider());
  const open = (overrides: Partial<DealCommandOf<'OpenDeal'>['data']>) => command('OpenDeal', {
    dealId: 'deal-acme', name: 'Acme platform', account: { name: 'Acme', industry: 'manufacturing' }, ownerId: 'ana',
    currency: 'EUR', expectedAmountMinor: 10_000_000, lineItems: [], ...overrides,
  });
  const openedIn = (currency: string, expectedAmountMinor: number): DealEvent => {
    const opened = dealOpened();
    return { ...opened, data: { ...opened.data, currency, expectedAmountMinor, lineItems: [] } } as DealEvent;
  };

  it('opens a yen deal with whole yen, and line items read the same way', () => {
    const events = given([]).when(open({
      currency: 'JPY', expectedAmountMinor: { decimal: '1500000' },
      lineItems: [{ productCode: 'CORE', amountMinor: { decimal: '1000000' }, quantity: 1 }, { productCode: 'X', amountMinor: { decimal: '500000' }, quantity: 1 }],
    }));
    const opened = events.then([{
      ...openedIn('JPY', 1_500_000),
      data: { ...openedIn('JPY', 1_500_000).data, lineItems: [{ productCode: 'CORE', amountMinor: 1_000_000, quantity: 1 }, { productCode: 'X', amountMinor: 500_000, quantity: 1 }] },
    } as DealEvent]);
    expect(opened.currency).toBe('JPY');
  });

  it('refuses yen with decimals, in the amount or a line item, naming the currency and its decimals', () => {
    const amount = given([]).when(open({ currency: 'JPY', expectedAmountMinor: { decimal: '100.50' } })).thenThrows('MONEY.INVALID');
    expect(amount.details).toMatchObject({ field: 'expectedAmount', currency: 'JPY', minorUnit: 0 });
    const item = given([]).when(open({
      currency: 'JPY', expectedAmountMinor: { decimal: '100' }, lineItems: [{ productCode: 'X', amountMinor: { decimal: '100.5' }, quantity: 1 }],
    })).thenThrows('MONEY.INVALID');
    expect(item.details).toMatchObject({ field: 'lineItems[0].amount', currency: 'JPY' });
  });

  it('opens a dinar deal with three decimals, and refuses a fourth', () => {
    given([]).when(open({ currency: 'KWD', expectedAmountMinor: { decimal: '1000.125' } })).then([openedIn('KWD', 1_000_125)]);
    given([]).when(open({ currency: 'KWD', expectedAmountMinor: { decimal: '1000.1255' } })).thenThrows('MONEY.INVALID');
  });

  it.each(['ZZZ', 'XXX', 'XAU', 'ANG'])('refuses to open a deal in %s, which is no ISO 4217 currency in circulation', (currency) => {
    expect(given([]).when(open({ currency })).thenThrows('DEAL.INVALID_CURRENCY').details).toEqual({ currency });
  });

  it('reads budget, terms and a new amount in the currency the deal was opened in', () => {
    const yen = [stored(openedIn('JPY', 1_500_000))];
    const budget = (max: string) => command('NoteBudget', { maxMinor: { decimal: max }, evidence: evidence('email', '<b@acme>') });
    given(yen).when(budget('2000000')).then([{ type: 'BudgetNoted', data: { maxMinor: 2_000_000, evidence: evidence('email', '<b@acme>') } }]);
    expect(given(yen).when(budget('2000000.5')).thenThrows('MONEY.INVALID').details).toMatchObject({ field: 'max', currency: 'JPY', minorUnit: 0 });
    const terms = command('AgreeTerms', { priceMinor: { decimal: '1.5' }, paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: evidence('email', '<t@acme>') });
    expect(given(yen).when(terms).thenThrows('MONEY.INVALID').details).toMatchObject({ field: 'price', currency: 'JPY' });
    const change = command('ChangeAmount', { expectedAmountMinor: { decimal: '1600000.00' }, reason: 'more seats' });
    expect(given(yen).when(change).thenThrows('MONEY.INVALID').details).toMatchObject({ field: 'expectedAmount', currency: 'JPY' });
    given(yen).when(command('ChangeAmount', { expectedAmountMinor: { decimal: '1600000' }, reason: 'more seats' }))
      .then([{ type: 'AmountChanged', data: { previousAmountMinor: 1_500_000, expectedAmountMinor: 1_600_000, lineItems: [], reason: 'more seats' } }]);
    // The same text on a euro deal is cents.
    given([stored(openedIn('EUR', 10_000))]).when(command('ChangeAmount', { expectedAmountMinor: { decimal: '160.50' }, reason: 'more seats' }))
      .then([{ type: 'AmountChanged', data: { previousAmountMinor: 10_000, expectedAmountMinor: 16_050, lineItems: [], reason: 'more seats' } }]);
  });
});

describe('commission money is read in its own currency', () => {
  it('reads an assignment quota in the assignment currency and refuses a code ISO 4217 does not list', () => {
    const assign = (currency: string, quota: string) =>
      commissionCommand('AssignPlan', { userId: 'ana', planId: 'p', effectiveFrom: '2026-01-01', currency, quotaMinor: { decimal: quota } });
    const spec = deciderSpec(planAssignmentDecider);
    spec.given([]).when(assign('JPY', '30000000')).then([{
      type: 'CommissionPlanAssigned', data: { userId: 'ana', planId: 'p', effectiveFrom: '2026-01-01', quotaMinor: 30_000_000, currency: 'JPY' },
    }]);
    expect(spec.given([]).when(assign('JPY', '300.5')).thenThrows('MONEY.INVALID').details).toMatchObject({ field: 'quota', currency: 'JPY' });
    expect(spec.given([]).when(assign('ZZZ', '300')).thenThrows('COMMISSION.ASSIGNMENT_INVALID').details).toMatchObject({ field: 'currency' });
  });

  it('reads a dispute adjustment in its currency, signed', () => {
    const raised = [{ type: 'DisputeRaised', data: { disputeId: 'd-1', userId: 'ben', period: '2026-Q1', lineId: 'l', claim: 'c' } } as const];
    const accept = (amount: string, currency: string) => commissionCommand('ResolveDispute', {
      disputeId: 'd-1', decision: 'accept', reason: 'r', adjustments: [{ userId: 'ben', period: '2026-Q2', amountMinor: { decimal: amount }, currency }],
    }, fay);
    const state = raised.reduce(disputeDecider.evolve, disputeDecider.initialState());
    const [accepted] = disputeDecider.decide(accept('-2125', 'JPY'), state);
    expect(accepted.type === 'DisputeAccepted' && accepted.data.adjustments.map((a) => [a.amountMinor, a.currency])).toEqual([[-2125, 'JPY']]);
    const spec = deciderSpec(disputeDecider);
    expect(spec.given(raised).when(accept('-21.25', 'JPY')).thenThrows('MONEY.INVALID').details).toMatchObject({ field: 'adjustments[0].amount', currency: 'JPY' });
    expect(spec.given(raised).when(accept('-21.25', 'ZZZ')).thenThrows('DISPUTE.ADJUSTMENT_INVALID').details).toMatchObject({ index: 0 });
  });

  it('publishes a plan only in an ISO 4217 currency', () => {
    const publish = (currency: string) => commissionCommand('PublishPlanVersion', {
      planId: 'p', version: 1, name: 'P v1', effectiveFrom: '2026-01-01', rules: { ...AE_FY26_RULES, currency },
    }, fay);
    const spec = deciderSpec(commissionPlanDecider);
    expect(spec.given([]).when(publish('ZZZ')).thenThrows('COMMISSION.PLAN_INVALID').details).toMatchObject({
      issues: [{ path: 'currency', message: 'must be an ISO 4217 code in circulation (e.g. EUR, JPY)' }],
    });
    expect(commissionPlanDecider.decide(publish('JPY'), commissionPlanDecider.initialState())[0].data).toMatchObject({ rules: { currency: 'JPY' } });
  });
});
