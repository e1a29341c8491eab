import { applyDoc, Card, columnsOf, fromSnapshot, weightedMinor } from './board-model';

const card = (over: Partial<Card>): Card => ({
  dealId: 'd1', name: 'Acme', account: { name: 'Acme' }, ownerId: 'ana', currency: 'EUR', amountMinor: 100_000, probability: 0.1,
  stageId: 'engaged', stageName: 'Engaged', stageEnteredAt: '2026-01-01T00:00:00.000Z', status: 'open', pipeline: { id: 'default' },
  lastPosition: 10, ...over,
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
});
