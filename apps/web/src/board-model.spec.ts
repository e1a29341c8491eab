import { applyDoc, Card, columnsOf, figuresText, filterChoices, fromSnapshot, isFiltered, NO_FILTER, StuckDeal, visibleCards, weightedMinor } from './board-model';

const card = (over: Partial<Card>): Card => ({
  dealId: 'd1', name: 'Acme', account: { name: 'Acme' }, ownerId: 'ana', team: [{ userId: 'ana', role: 'account-executive' }], currency: 'EUR',
  amountMinor: 100_000, probability: 0.1, stageId: 'engaged', stageName: 'Engaged', stageEnteredAt: '2026-01-01T00:00:00.000Z', status: 'open',
  pipeline: { id: 'default' }, lastPosition: 10, ...over,
});
const snapshot = {
  pipelineId: 'default',
  stages: [
    { stageId: 'engaged', stageName: 'Engaged', deals: [card({})] },
    { stageId: 'qualified', stageName: 'Qualified', deals: [] },
  ],
};

describe('the board model', () => {
  it('moves a deal to its new stage when a newer document arrives, with the figures of each column', () => {
    const moved = applyDoc(fromSnapshot(snapshot), card({ stageId: 'qualified', stageName: 'Qualified', probability: 0.2, lastPosition: 12 }));
    const [engaged, qualified] = columnsOf(moved);
    expect(engaged).toMatchObject({ count: 0, amounts: [], deals: [] });
    expect(qualified).toMatchObject({ count: 1, amounts: [{ currency: 'EUR', count: 1, amountMinor: 100_000, weightedAmountMinor: 20_000 }] });
  });

  it('keeps the newest document whatever order they come in, and drops closed deals from the columns', () => {
    const early = applyDoc(fromSnapshot(snapshot), card({ lastPosition: 5, stageId: 'qualified' }));
    expect(columnsOf(early)[0].count).toBe(1);
    const buffered = applyDoc(fromSnapshot({ pipelineId: 'default', stages: [] }), card({ lastPosition: 20, status: 'won' }));
    expect(columnsOf(fromSnapshot(snapshot, buffered)).map((c) => c.count)).toEqual([0, 0]);
  });

  it('weighs amounts like GET /pipeline: half-up per deal', () => {
    expect(weightedMinor(5, 0.5)).toBe(3);
    expect(weightedMinor(333, 0.1)).toBe(33);
    expect(weightedMinor(2_902_420, 0.6)).toBe(1_741_452);
  });

  describe('on a board with many deals', () => {
    const deals = [
      card({ dealId: 'old', name: 'Globex renewal', account: { name: 'Globex' }, stageEnteredAt: '2026-01-01T00:00:00.000Z', lastPosition: 10 }),
      card({ dealId: 'moved', name: 'Initech pilot', account: { name: 'Initech' }, ownerId: 'ben', team: [{ userId: 'ben', role: 'account-executive' }, { userId: 'sam', role: 'sales-engineer' }], stageEnteredAt: '2026-02-01T00:00:00.000Z', lastPosition: 90 }),
      card({ dealId: 'usd', name: 'Umbrella', account: { name: 'Umbrella Corp' }, currency: 'USD', amountMinor: 500_000, stageEnteredAt: '2026-01-15T00:00:00.000Z', lastPosition: 50 }),
    ];
    const board = fromSnapshot({ pipelineId: 'default', stages: [{ stageId: 'engaged', stageName: 'Engaged', deals }, { stageId: 'qualified', stageName: 'Qualified', deals: [] }] });
    const stuck = new Map<string, StuckDeal>([
      ['old', { dealId: 'old', stageId: 'engaged', enteredAt: '2026-01-01T00:00:00.000Z', daysInStage: 300, stuckAfterDays: 14 }],
      // Found stuck before it moved: no longer stuck where it is now.
      ['moved', { dealId: 'moved', stageId: 'engaged', enteredAt: '2025-12-01T00:00:00.000Z', daysInStage: 60, stuckAfterDays: 14 }],
    ]);
    const ids = (filter = NO_FILTER, sort: 'recent' | 'longest' = 'recent') => columnsOf(board, { filter, sort, stuck }).map((c) => c.deals.map((d) => d.dealId));

    it('puts the deal changed last on top, or the longest in its stage when asked', () => {
      expect(ids()).toEqual([['moved', 'usd', 'old'], []]);
      expect(ids(NO_FILTER, 'longest')).toEqual([['old', 'usd', 'moved'], []]);
    });

    it('filters by owner, team member, stage, currency, stuck and a part of the deal or account name, counting what it leaves out', () => {
      expect(ids({ ...NO_FILTER, ownerId: 'ben' })).toEqual([['moved'], []]);
      expect(ids({ ...NO_FILTER, teamMemberId: 'sam' })).toEqual([['moved'], []]);
      expect(ids({ ...NO_FILTER, stageId: 'qualified' })).toEqual([[]]);
      expect(ids({ ...NO_FILTER, currency: 'USD' })).toEqual([['usd'], []]);
      expect(ids({ ...NO_FILTER, stuckOnly: true })).toEqual([['old'], []]);
      expect(ids({ ...NO_FILTER, search: 'umbrella c' })).toEqual([['usd'], []]);
      expect(ids({ ...NO_FILTER, search: 'GLOBEX' })).toEqual([['old'], []]);
      expect([isFiltered(NO_FILTER), isFiltered({ ...NO_FILTER, search: '  ' }), isFiltered({ ...NO_FILTER, stuckOnly: true })]).toEqual([false, false, true]);
      expect(columnsOf(board, { filter: { ...NO_FILTER, currency: 'USD' } })[0]).toMatchObject({ count: 1, total: 3, amounts: [{ currency: 'USD', amountMinor: 500_000 }] });
    });

    it('offers the owners, team members and currencies of the open deals', () => {
      expect(filterChoices(board)).toEqual({ owners: ['ana', 'ben'], teamMembers: ['ana', 'ben', 'sam'], currencies: ['EUR', 'USD'] });
    });

    it('draws the first cards of a long column and any card just changed further down', () => {
      const column = columnsOf(board, { sort: 'longest' })[0].deals;
      expect(visibleCards(column, 1, new Set())).toMatchObject({ visible: [{ dealId: 'old' }], hidden: 2 });
      expect(visibleCards(column, 1, new Set(['moved']))).toMatchObject({ visible: [{ dealId: 'old' }, { dealId: 'moved' }], hidden: 1 });
    });

    it('labels each currency\'s figures and keeps them apart', () => {
      const [engaged] = columnsOf(board);
      expect(figuresText(engaged.amounts)).toBe('EUR 2k, weighted 200; USD 5k, weighted 500');
    });
  });
});
