import { approvalView, changeSummary, dealDeskSummary, pendingView, reasonText, timesText, words } from './approvals-model';

const split = {
  dealId: 'd1', dealName: 'Acme rollout', ownerId: 'ana.ae', currency: 'EUR', proposalId: 'p1', type: 'SetCreditSplits',
  data: { revenue: [{ userId: 'ana.ae', role: 'account-executive', shareBp: 7000 }, { userId: 'ben.ae', role: 'account-executive', shareBp: 3000 }], overlay: [{ userId: 'sam.se', role: 'sales-engineer', shareBp: 5000 }] },
  proposedBy: 'ana.ae', proposedAt: '2026-04-02T09:00:00.000Z', occurredAt: '2026-03-20T15:00:00.000Z', reasons: ['after-close', 'names-others'],
};

describe('what waits for approval, in words', () => {
  it('describes a split change: the shares, overlay apart, why it waits, who and when', () => {
    expect(approvalView(split)).toEqual({
      key: 'p1', kind: 'deal-change', what: 'Credit split', summary: 'ana.ae 70%, ben.ae 30%; overlay sam.se 50%',
      dealId: 'd1', dealName: 'Acme rollout', proposedBy: 'ana.ae', proposedAt: '2026-04-02T09:00:00.000Z', occurredAt: '2026-03-20T15:00:00.000Z',
      reasons: ['changes credit after the close', 'names others in the split'], proposalId: 'p1',
    });
  });

  it('gives a backdated close its date, its amount in the deal\'s currency and how far back it is dated', () => {
    const close = approvalView({
      ...split, type: 'CloseWon', data: { signedOrder: { kind: 'signature', ref: 'order-1' }, amountMinor: { decimal: '100000.00' } },
      occurredAt: '2026-03-26T16:00:00.000Z', proposedAt: '2026-12-06T10:00:00.000Z', reasons: ['backdated'],
    });
    expect(close.what).toBe('Close won');
    expect(close.summary).toBe('won, dated 2026-03-26, for 100,000.00 EUR, signed order order-1');
    expect(close.reasons).toEqual(['dated 254 days back, more than allowed without approval']);
  });

  it('says what the other deal changes do', () => {
    expect(changeSummary('AddTeamMember', { userId: 'sam.se', role: 'sales-engineer' }, '2026-01-01T00:00:00Z', 'EUR')).toBe('add sam.se as sales-engineer');
    expect(changeSummary('ChangeAmount', { expectedAmountMinor: 1_234_500, reason: 'scope cut' }, '2026-01-01T00:00:00Z', 'JPY')).toBe('amount to 1,234,500 JPY — “scope cut”');
    expect(changeSummary('GoLive', { evidence: {} }, '2026-05-01T08:00:00Z', 'EUR')).toBe('live, dated 2026-05-01');
    expect(changeSummary('SomethingNew', { toStageId: 'qualified', note: 'x' }, '2026-01-01T00:00:00Z', 'EUR')).toBe('to stage id: qualified; note: x');
  });

  it('shows an item of a kind it does not know with what the item says, and offers no action on it', () => {
    const quote = approvalView({
      kind: 'quote-review', requestId: 'r1', dealId: 'd2', dealName: 'Globex', type: 'discount', requestedBy: 'ana.ae', requestedAt: '2026-12-01T10:00:00.000Z',
      data: { discountPercent: 25, note: 'multi-year' }, reasons: ['discount-above-limit'],
    });
    expect(quote).toEqual({
      key: 'r1', kind: 'quote-review', what: 'Quote review · Discount', summary: 'discount percent: 25; note: multi-year',
      dealId: 'd2', dealName: 'Globex', proposedBy: 'ana.ae', proposedAt: '2026-12-01T10:00:00.000Z', occurredAt: undefined,
      reasons: ['discount above limit'],
    });
    expect(quote.proposalId).toBeUndefined();
    expect(approvalView({ kind: 'quote-review', id: 'x', amount: 5 }).summary).toBe('amount: 5');
  });

  it('describes terms waiting for the deal desk against the reference and the limits, with the request to decide', () => {
    const desk = approvalView({
      kind: 'deal-desk', dealId: 'd2', dealName: 'Globex', ownerId: 'ana.ae', currency: 'EUR', proposalId: 'r1', type: 'AgreeTerms',
      data: { priceMinor: 8_000_000, referenceMinor: 10_000_000, discountBp: 2000, paymentTerms: 'Net 90', paymentTermsDays: 90, limits: { maxDiscountBp: 1500, floorPriceMinor: 8_500_000, maxPaymentTermsDays: 60 } },
      proposedBy: 'ana.ae', proposedAt: '2026-12-01T10:00:00.000Z', occurredAt: '2026-12-01T10:00:00.000Z', reasons: ['discount', 'payment-terms'],
    });
    expect(desk).toEqual({
      key: 'r1', kind: 'deal-desk', what: 'Terms for the deal desk',
      summary: 'price 80,000.00 EUR, 20% off 100,000.00 EUR (limit 15%); payment terms “Net 90”, 90 days (limit 60 days)',
      dealId: 'd2', dealName: 'Globex', proposedBy: 'ana.ae', proposedAt: '2026-12-01T10:00:00.000Z', occurredAt: '2026-12-01T10:00:00.000Z',
      reasons: ['discount beyond the deal desk\'s limit', 'payment terms longer than the deal desk allows, or not in days'], proposalId: 'r1',
    });
    expect(dealDeskSummary({ currency: 'EUR', data: { paymentTerms: 'on delivery' } })).toBe('payment terms “on delivery”');
  });

  it('takes the API\'s kind "change" for a deal change', () => {
    expect(approvalView({ ...split, kind: 'change' })).toEqual(approvalView(split));
  });

  it('describes a deal\'s own pending change like the list does', () => {
    const view = pendingView(
      { proposalId: 'p1', change: { type: split.type, data: split.data }, occurredAt: split.occurredAt, proposedBy: 'ana.ae', proposedAt: split.proposedAt, reasons: ['names-others'] },
      { dealId: 'd1', name: 'Acme rollout', ownerId: 'ana.ae', currency: 'EUR' },
    );
    expect([view.what, view.summary, view.reasons, view.dealName]).toEqual(['Credit split', 'ana.ae 70%, ben.ae 30%; overlay sam.se 50%', ['names others in the split'], 'Acme rollout']);
  });

  it('gives the business time beside the proposal\'s only when they differ', () => {
    expect(timesText(approvalView(split))).toBe('proposed 2026-04-02 09:00 UTC, business time 2026-03-20 15:00 UTC');
    expect(timesText(approvalView({ ...split, occurredAt: '2026-04-02T09:00:05.000Z' }))).toBe('proposed 2026-04-02 09:00 UTC');
  });

  it('puts names in words', () => {
    expect([words('SetCreditSplits'), words('deal-desk'), reasonText('backdated')]).toEqual(['Set credit splits', 'Deal desk', 'dated back beyond the limit']);
  });
});
