import { DEFAULT_CONTROL_LIMITS } from '../../controls/control-limits';
import { DealDeskPolicy, DEFAULT_DEAL_DESK_POLICY, ProductPricing } from '../../controls/deal-desk-policy';
import { Actor } from '../../shared/message';
import { deciderSpec } from '../../testing/decider-spec';
import { ana, command, dealOpened, evidence, historyAt, mia, NOW, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';
import { DealDeskReference, DealEvent, DealEventOf } from '../deal.events';

const decider = createDealDecider();
const { given } = deciderSpec(decider);
const max: Actor = { id: 'max', roles: ['manager'] };
const fay: Actor = { id: 'fay', roles: ['finance'] };
const proof = evidence('email', '<terms@acme.example>');
const signedOrder = evidence('signature', 'envelope-42');
const atTerms = historyAt('terms-agreed');
const OPENING_ITEMS = [{ productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 }, { productCode: 'X', amountMinor: 4_000_000, quantity: 1 }];
const REQUEST_ID = 'cmd-AgreeTerms';

const agree = (priceMinor: number, paymentTerms = 'Net 30', actor: Actor = ana) =>
  command('AgreeTerms', { priceMinor, paymentTerms, deliveryTimeline: 'Q2', evidence: proof }, { actor });
const termsAgreed = (priceMinor: number, paymentTerms = 'Net 30'): DealEvent =>
  ({ type: 'TermsAgreed', data: { priceMinor, paymentTerms, deliveryTimeline: 'Q2', evidence: proof } });
const decide = (actor: Actor, decision: 'approve' | 'reject', reason = 'Strategic logo', requestId = REQUEST_ID) =>
  command('DecideDealDesk', { requestId, decision, reason }, { actor });
const opening = (productCode: string, referenceMinor: number, maxDiscountBp = 1500): DealDeskReference =>
  ({ productCode, quantity: 1, referenceMinor, maxDiscountBp, basis: 'opening' });
const OPENING_REFERENCES = [opening('CORE', 6_000_000), opening('X', 4_000_000)];
const LIMITS = { maxDiscountBp: 1500, floorPriceMinor: 8_500_000, maxPaymentTermsDays: 60 };

type RequestData = DealEventOf<'DealDeskApprovalRequested'>['data'];
const requested = (data: Partial<RequestData> & Pick<RequestData, 'priceMinor' | 'discountBp' | 'reasons'>): DealEvent => ({
  type: 'DealDeskApprovalRequested',
  data: {
    requestId: REQUEST_ID, requestedBy: 'ana', referenceMinor: 10_000_000, paymentTerms: 'Net 30', paymentTermsDays: 30,
    limits: LIMITS, references: OPENING_REFERENCES, ...data,
  } as RequestData,
});
/** Terms at 70,000 of a deal opened at 100,000, with their request, as stored. */
const pending = [...atTerms, stored(termsAgreed(7_000_000), NOW), stored(requested({ priceMinor: 7_000_000, discountBp: 3000, reasons: ['discount'] }), NOW)];

const withPolicy = (policy: Partial<DealDeskPolicy>, products: Record<string, ProductPricing> = {}) => deciderSpec(createDealDecider(undefined, {
  limits: DEFAULT_CONTROL_LIMITS, dealDesk: { ...DEFAULT_DEAL_DESK_POLICY, ...policy, products: new Map(Object.entries(products)) },
}));

describe('the deal desk looks at the terms agreed', () => {
  it('terms within every limit are recorded alone: 15% off exactly, Net 60', () => {
    const state = given(atTerms).when(agree(8_500_000, 'Net 60')).then([termsAgreed(8_500_000, 'Net 60')]);
    expect(state.dealDesk).toBeUndefined();
  });

  it('a discount beyond 15% of the amount the deal opened with is recorded and waits for a manager', () => {
    const state = given(atTerms).when(agree(7_000_000)).then([
      termsAgreed(7_000_000),
      requested({ priceMinor: 7_000_000, discountBp: 3000, reasons: ['discount'] }),
    ]);
    expect(state.facts.TermsAgreed?.data).toMatchObject({ priceMinor: 7_000_000 });
    expect(state.dealDesk).toStrictEqual({ requestId: REQUEST_ID, status: 'pending', requestedBy: 'ana', reasons: ['discount'] });
  });

  it('one cent beyond the limit is beyond it, and the discount is shown rounded up', () => {
    given(atTerms).when(agree(8_499_999)).then([termsAgreed(8_499_999), requested({ priceMinor: 8_499_999, discountBp: 1501, reasons: ['discount'] })]);
  });

  it('the reference is the deal at its opening: lowering the amount does not lower it, more seats raise it', () => {
    const cheaper = stored({ type: 'AmountChanged', data: {
      previousAmountMinor: 10_000_000, expectedAmountMinor: 8_000_000, reason: 'Rep re-estimate',
      lineItems: [{ productCode: 'CORE', amountMinor: 4_000_000, quantity: 1 }, { productCode: 'X', amountMinor: 4_000_000, quantity: 1 }],
    } });
    given([...atTerms, cheaper]).when(agree(8_000_000)).then([termsAgreed(8_000_000), requested({ priceMinor: 8_000_000, discountBp: 2000, reasons: ['discount'] })]);
    const moreSeats = stored({ type: 'AmountChanged', data: {
      previousAmountMinor: 10_000_000, expectedAmountMinor: 16_000_000, reason: 'Two sites',
      lineItems: [{ productCode: 'CORE', amountMinor: 12_000_000, quantity: 2 }, { productCode: 'X', amountMinor: 4_000_000, quantity: 1 }],
    } });
    const event = decider.decide(agree(10_000_000), [...atTerms, moreSeats].reduce(decider.evolve, decider.initialState()))[1];
    expect(event?.data).toMatchObject({
      referenceMinor: 16_000_000, discountBp: 3750,
      references: [{ productCode: 'CORE', quantity: 2, referenceMinor: 12_000_000, basis: 'opening' }, opening('X', 4_000_000)],
    });
  });

  it('a product added after the opening counts as entered', () => {
    const added = stored({ type: 'AmountChanged', data: {
      previousAmountMinor: 10_000_000, expectedAmountMinor: 12_000_000, reason: 'Training added',
      lineItems: [...OPENING_ITEMS, { productCode: 'TRAINING', amountMinor: 2_000_000, quantity: 4 }],
    } });
    const event = decider.decide(agree(9_000_000), [...atTerms, added].reduce(decider.evolve, decider.initialState()))[1];
    expect(event?.data).toMatchObject({
      referenceMinor: 12_000_000, discountBp: 2500,
      references: [...OPENING_REFERENCES, { productCode: 'TRAINING', quantity: 4, referenceMinor: 2_000_000, maxDiscountBp: 1500, basis: 'entered' }],
    });
  });

  it('a deal without line items is measured against its amount at opening', () => {
    const bare: DealEvent = { type: 'DealOpened', data: { ...dealOpened().data, lineItems: [] } } as DealEvent;
    const history = [stored(bare), ...atTerms.slice(1)];
    given(history).when(agree(8_000_000)).then([termsAgreed(8_000_000), requested({
      priceMinor: 8_000_000, discountBp: 2000, reasons: ['discount'],
      references: [{ referenceMinor: 10_000_000, maxDiscountBp: 1500, basis: 'opening' }],
    })]);
  });

  it('with a price list, each product is measured against its list price and its own limit', () => {
    // CORE lists at 70,000.00 with at most 10% off; X has no entry: its opening amount and the default 15%.
    const priced = withPolicy({}, { CORE: { listPriceMinor: 7_000_000, currency: 'EUR', maxDiscountBp: 1000 } });
    // Floor: 70,000 × 0.90 + 40,000 × 0.85 = 97,000.
    priced.given(atTerms).when(agree(9_700_000)).then([termsAgreed(9_700_000)]);
    priced.given(atTerms).when(agree(9_600_000)).then([termsAgreed(9_600_000), requested({
      priceMinor: 9_600_000, referenceMinor: 11_000_000, discountBp: 1273, reasons: ['discount'],
      limits: { maxDiscountBp: 1181, floorPriceMinor: 9_700_000, maxPaymentTermsDays: 60 },
      references: [{ productCode: 'CORE', quantity: 1, referenceMinor: 7_000_000, maxDiscountBp: 1000, basis: 'list-price' }, opening('X', 4_000_000)],
    })]);
  });

  it('a product\'s own limit applies without a list price; a list price in another currency is not the reference', () => {
    const generous = withPolicy({}, { CORE: { maxDiscountBp: 5000 }, X: { listPriceMinor: 9_000_000, currency: 'USD' } });
    // Floor: 60,000 × 0.50 + 40,000 × 0.85 = 64,000.
    generous.given(atTerms).when(agree(6_400_000)).then([termsAgreed(6_400_000)]);
    generous.given(atTerms).when(agree(6_300_000)).then([termsAgreed(6_300_000), requested({
      priceMinor: 6_300_000, discountBp: 3700, reasons: ['discount'],
      limits: { maxDiscountBp: 3600, floorPriceMinor: 6_400_000, maxPaymentTermsDays: 60 },
      references: [opening('CORE', 6_000_000, 5000), opening('X', 4_000_000)],
    })]);
  });

  it('payment terms longer than 60 days wait for a manager; terms nobody can read as days do too', () => {
    given(atTerms).when(agree(10_000_000, 'Net 90')).then([termsAgreed(10_000_000, 'Net 90'), requested({
      priceMinor: 10_000_000, discountBp: 0, reasons: ['payment-terms'], paymentTerms: 'Net 90', paymentTermsDays: 90,
    })]);
    const unreadable = { ...requested({ priceMinor: 10_000_000, discountBp: 0, reasons: ['payment-terms'], paymentTerms: 'end of month' }) } as DealEventOf<'DealDeskApprovalRequested'>;
    const { paymentTermsDays: _none, ...withoutDays } = unreadable.data;
    given(atTerms).when(agree(10_000_000, 'end of month')).then([termsAgreed(10_000_000, 'end of month'), { ...unreadable, data: withoutDays }]);
    given(atTerms).when(agree(10_000_000, 'Annual upfront')).then([termsAgreed(10_000_000, 'Annual upfront')]);
  });

  it('both at once: both reasons', () => {
    given(atTerms).when(agree(5_000_000, '120 days')).then([termsAgreed(5_000_000, '120 days'), requested({
      priceMinor: 5_000_000, discountBp: 5000, reasons: ['discount', 'payment-terms'], paymentTerms: '120 days', paymentTermsDays: 120,
    })]);
  });

  it('the limits are configurable', () => {
    const lenient = withPolicy({ maxDiscountBp: 3500, maxPaymentTermsDays: 90 });
    lenient.given(atTerms).when(agree(7_000_000, 'Net 90')).then([termsAgreed(7_000_000, 'Net 90')]);
    const strict = withPolicy({ maxDiscountBp: 0, maxPaymentTermsDays: 0 });
    strict.given(atTerms).when(agree(9_999_999, 'Net 30')).then([termsAgreed(9_999_999, 'Net 30'), requested({
      priceMinor: 9_999_999, discountBp: 1, reasons: ['discount', 'payment-terms'],
      limits: { maxDiscountBp: 0, floorPriceMinor: 10_000_000, maxPaymentTermsDays: 0 }, references: [opening('CORE', 6_000_000, 0), opening('X', 4_000_000, 0)],
    })]);
  });
});

describe('the close waits for the deal desk', () => {
  it('is refused while the request waits, naming it', () => {
    const error = given(pending).when(command('CloseWon', { signedOrder })).thenThrows('DEAL.DEAL_DESK_APPROVAL_PENDING');
    expect(error.kind).toBe('conflict');
    expect(error.details).toStrictEqual({ requestId: REQUEST_ID, reasons: ['discount'] });
  });

  it('is refused after a rejection, with who rejected it and why', () => {
    const rejected = stored({ type: 'DealDeskRejected', data: { requestId: REQUEST_ID, requestedBy: 'ana', approverId: 'mia', reason: 'Margin too thin' } }, NOW, mia);
    const error = given([...pending, rejected]).when(command('CloseWon', { signedOrder })).thenThrows('DEAL.DEAL_DESK_REJECTED');
    expect(error.details).toStrictEqual({ requestId: REQUEST_ID, rejectedBy: 'mia', reason: 'Margin too thin' });
  });

  it('closes once a manager approved the terms', () => {
    const approved = stored({ type: 'DealDeskApproved', data: { requestId: REQUEST_ID, requestedBy: 'ana', approverId: 'mia', reason: 'Strategic logo' } }, NOW, mia);
    const state = given([...pending, approved]).when(command('CloseWon', { signedOrder })).then([{
      type: 'DealClosedWon', data: { fromStageId: 'terms-agreed', amountMinor: 10_000_000, lineItems: OPENING_ITEMS, signedOrder },
    }]);
    expect(state.status).toBe('won');
  });

  it('new terms within the limits replace the request: the deal may close', () => {
    const state = given(pending).when(agree(9_000_000)).then([termsAgreed(9_000_000)]);
    expect(state.dealDesk).toBeUndefined();
    expect(decider.decide(command('CloseWon', { signedOrder }), state).map((e) => e.type)).toStrictEqual(['DealClosedWon']);
  });

  it('new terms still beyond the limits bring a new request; the old one can no longer be decided', () => {
    const again = command('AgreeTerms', { priceMinor: 7_500_000, paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: proof });
    const newer = { ...again, metadata: { ...again.metadata, commandId: 'cmd-AgreeTerms-2' } };
    const state = given(pending).when(newer).then([
      termsAgreed(7_500_000), requested({ requestId: 'cmd-AgreeTerms-2', priceMinor: 7_500_000, discountBp: 2500, reasons: ['discount'] }),
    ]);
    expect(state.dealDesk?.requestId).toBe('cmd-AgreeTerms-2');
    expect(() => decider.decide(decide(mia, 'approve'), state)).toThrow(expect.objectContaining({ code: 'DEAL.DEAL_DESK_REQUEST_NOT_FOUND' }));
  });

  it('a close dated back cannot be proposed past the deal desk either', () => {
    given(pending).when(command('CloseWon', { signedOrder }, { occurredAt: '2026-03-02T10:00:00.000Z' })).thenThrows('DEAL.DEAL_DESK_APPROVAL_PENDING');
  });
});

describe('who decides on the terms', () => {
  it('a manager of the owner approves, with a reason; the answer is on the deal with who and when', () => {
    const state = given(pending).when(decide(mia, 'approve')).then([
      { type: 'DealDeskApproved', data: { requestId: REQUEST_ID, requestedBy: 'ana', approverId: 'mia', reason: 'Strategic logo' } },
    ]);
    expect(state.dealDesk).toMatchObject({ requestId: REQUEST_ID, status: 'approved', decidedBy: 'mia', decisionReason: 'Strategic logo' });
    const stamped = stored({ type: 'DealDeskApproved', data: { requestId: REQUEST_ID, requestedBy: 'ana', approverId: 'mia', reason: 'ok' } }, NOW, mia);
    expect(decider.evolve(pending.reduce(decider.evolve, decider.initialState()), stamped).dealDesk).toMatchObject({ decidedBy: 'mia', decidedAt: NOW });
  });

  it('rejecting, too, needs a reason; a decided request stays decided', () => {
    given(pending).when(decide(mia, 'reject', ' ')).thenThrows('DEAL.REASON_REQUIRED');
    given(pending).when(decide(mia, 'approve', '')).thenThrows('DEAL.REASON_REQUIRED');
    const state = given(pending).when(decide(mia, 'reject', 'Margin too thin')).then([
      { type: 'DealDeskRejected', data: { requestId: REQUEST_ID, requestedBy: 'ana', approverId: 'mia', reason: 'Margin too thin' } },
    ]);
    expect(state.dealDesk?.status).toBe('rejected');
    const rejected = stored({ type: 'DealDeskRejected', data: { requestId: REQUEST_ID, requestedBy: 'ana', approverId: 'mia', reason: 'Margin too thin' } }, NOW, mia);
    expect(given([...pending, rejected]).when(decide(max, 'approve')).thenThrows('DEAL.DEAL_DESK_ALREADY_DECIDED').details).toStrictEqual({ requestId: REQUEST_ID, status: 'rejected' });
  });

  it('only a manager decides: not finance, not the rep', () => {
    given(pending).when(decide(fay, 'approve')).thenThrows('DEAL.MANAGER_APPROVAL_REQUIRED');
    given(pending).when(decide(ana, 'approve')).thenThrows('DEAL.MANAGER_APPROVAL_REQUIRED');
  });

  it('never the manager who agreed the terms', () => {
    const byMia = [...atTerms, stored(termsAgreed(7_000_000), NOW, mia), stored(requested({ priceMinor: 7_000_000, discountBp: 3000, reasons: ['discount'], requestedBy: 'mia' }), NOW, mia)];
    given(byMia).when(decide(mia, 'approve')).thenThrows('DEAL.OWN_PROPOSAL');
    given(byMia).when(decide(mia, 'reject', 'changed my mind')).thenThrows('DEAL.OWN_PROPOSAL');
    given(byMia).when(decide(max, 'approve')).then([
      { type: 'DealDeskApproved', data: { requestId: REQUEST_ID, requestedBy: 'mia', approverId: 'max', reason: 'Strategic logo' } },
    ]);
  });

  it('no approval by the owner or anyone credited on the deal; they may still reject', () => {
    const split = stored({ type: 'CreditSplitsSet', data: {
      revenue: [{ userId: 'ana', role: 'account-executive', shareBp: 10_000 }], overlay: [{ userId: 'max', role: 'executive-sponsor', shareBp: 1000 }],
    } });
    given([...pending, split]).when(decide(max, 'approve')).thenThrows('DEAL.APPROVER_CREDITED');
    given([...pending, split]).when(decide(max, 'reject', 'Too deep')).then([
      { type: 'DealDeskRejected', data: { requestId: REQUEST_ID, requestedBy: 'ana', approverId: 'max', reason: 'Too deep' } },
    ]);
    const ownedByMia: DealEvent = { type: 'DealOpened', data: { ...dealOpened().data, ownerId: 'mia' } } as DealEvent;
    given([stored(ownedByMia), ...pending.slice(1)]).when(decide(mia, 'approve')).thenThrows('DEAL.APPROVER_CREDITED');
  });

  it('a request that is not the latest terms\' cannot be decided; the decision is approve or reject', () => {
    given(atTerms).when(decide(mia, 'approve')).thenThrows('DEAL.DEAL_DESK_REQUEST_NOT_FOUND');
    given(pending).when(decide(mia, 'approve', 'ok', 'other')).thenThrows('DEAL.DEAL_DESK_REQUEST_NOT_FOUND');
    given(pending).when(command('DecideDealDesk', { requestId: REQUEST_ID, decision: 'maybe' as never, reason: 'x' }, { actor: mia })).thenThrows('DEAL.DECISION_INVALID');
  });
});
