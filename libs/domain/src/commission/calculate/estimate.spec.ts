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
