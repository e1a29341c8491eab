import { estimateOpenPipeline } from './estimate';
import { AE_FY26_RULES, FactsBuilder, shares } from '../testing/commission-fixtures';

const { ae } = shares;

describe('open-pipeline estimate', () => {
  const facts = new FactsBuilder()
    .plan('ae', 1, 'AE FY26 v1', '2026-01-01', AE_FY26_RULES).assign('ana', 'ae', '2026-01-01')
    .open('acme', '2026-03-01T09:00:00Z', { probabilityBp: 1000 })
    .split('acme', [ae('ana', 7000), ae('ben', 3000)], [], '2026-03-01T09:00:00Z')
    .stage('acme', 'proposal-reviewed', 6000, '2026-03-20T09:00:00Z')
    .open('won', '2026-03-01T09:00:00Z').win('won', '2026-03-25T00:00:00Z')
    .build();

  it('is credit × rate × stage probability on open deals, labelled an estimate, without accelerators', () => {
    const estimate = estimateOpenPipeline(facts, 'ana', '2026-03-28T00:00:00Z');
    expect(estimate.label).toBe('estimate');
    expect(estimate.lines.map((line) => [line.dealId, line.stageId, line.probabilityBp, line.creditMinor, line.estimateMinor, line.arithmetic])).toStrictEqual([
      ['acme', 'proposal-reviewed', 6000, 7_000_000, 714_000, '(42,000.00 × 15.00% + 28,000.00 × 20.00%) × 60.00% (proposal-reviewed) = 7,140.00 estimated'],
    ]);
    expect(estimate.totals).toStrictEqual([{ currency: 'EUR', estimateMinor: 714_000 }]);
  });

  it('uses the stage known at the moment asked, and is empty without a plan', () => {
    expect(estimateOpenPipeline(facts, 'ana', '2026-03-10T00:00:00Z').lines[0]).toMatchObject({ stageId: 'engaged', estimateMinor: 119_000 });
    expect(estimateOpenPipeline(facts, 'ben', '2026-03-28T00:00:00Z').lines).toStrictEqual([]);
  });
});

describe('won deals awaiting their payout', () => {
  const goLive = { ...AE_FY26_RULES, payoutTrigger: 'go-live' as const };
  const won = (live?: string) => {
    const builder = new FactsBuilder()
      .plan('ae', 1, 'AE', '2026-01-01', goLive).assign('ana', 'ae', '2026-01-01')
      .open('acme', '2026-03-01T09:00:00Z').split('acme', [ae('ana', 10_000)], [], '2026-03-01T09:00:00Z')
      .win('acme', '2026-03-25T10:00:00Z');
    return (live ? builder.live('acme', live) : builder).build();
  };

  it('lists a won go-live deal with what it will pay, its quarter-end accelerator included', () => {
    const estimate = estimateOpenPipeline(won(), 'ana', '2026-04-02T00:00:00Z');
    expect(estimate.awaitingPayout.map((p) => [p.dealId, p.waitsFor, p.amountMinor])).toStrictEqual([['acme', 'go-live', 2_125_000]]);
    expect(estimate.awaitingPayout[0].lines.map((line) => line.kind)).toStrictEqual(['commission', 'commission', 'accelerator']);
    expect(estimate.awaitingPayoutTotals).toStrictEqual([{ currency: 'EUR', amountMinor: 2_125_000 }]);
    expect(estimate.lines).toStrictEqual([]);
  });

  it('drops it once live, and leaves out what was not won yet at the moment asked', () => {
    expect(estimateOpenPipeline(won('2026-04-20T09:00:00Z'), 'ana', '2026-05-01T00:00:00Z').awaitingPayout).toStrictEqual([]);
    expect(estimateOpenPipeline(won('2026-04-20T09:00:00Z'), 'ana', '2026-04-10T00:00:00Z').awaitingPayout.map((p) => p.dealId)).toStrictEqual(['acme']);
    expect(estimateOpenPipeline(won(), 'ana', '2026-03-20T00:00:00Z').awaitingPayout).toStrictEqual([]);
  });
});
