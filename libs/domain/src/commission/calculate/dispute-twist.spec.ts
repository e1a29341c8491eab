import { factsKnownAt } from './known-at';
import { reconstruct } from './reconstruct';
import { commissionStatement } from './statement';
import { FactsBuilder, shares, workedExamplePlans } from '../testing/commission-fixtures';

const { ae, se } = shares;
const QUARTER_CLOSE = '2026-03-31T23:59:59Z';
const NOW = '2026-05-01T00:00:00Z';

/** Splits 60/40 at the opening; a manager changes them to 70/30 dated 20 March, recorded `recordedAt`. */
function twist(recordedAt: string) {
  return workedExamplePlans(new FactsBuilder())
    .open('acme', '2026-03-01T09:00:00Z')
    .split('acme', [ae('ana', 6000), ae('ben', 4000)], [se('sam', 5000)], '2026-03-01T09:00:00Z')
    .split('acme', [ae('ana', 7000), ae('ben', 3000)], [se('sam', 5000)], '2026-03-20T15:00:00Z', recordedAt)
    .win('acme', '2026-03-25T10:00:00Z')
    .build();
}
const total = (facts: ReturnType<typeof twist>, userId: string, asKnownAt?: string) =>
  commissionStatement(facts, { userId, period: '2026-Q1', ...(asKnownAt === undefined ? {} : { asKnownAt }) }).totals[0]?.totalMinor;

describe('the dispute twist: the split changed from 60/40 to 70/30 on 20 March', () => {
  it('(a) recorded on 20 March: at quarter close and now alike, Ana 14,875.00 and Ben 6,375.00', () => {
    const facts = twist('2026-03-20T15:00:00Z');
    for (const asKnownAt of [QUARTER_CLOSE, NOW, undefined]) {
      expect([total(facts, 'ana', asKnownAt), total(facts, 'ben', asKnownAt)]).toStrictEqual([1_487_500, 637_500]);
    }
    const reconstruction = reconstruct(facts, { userId: 'ben', period: '2026-Q1', knownAtA: QUARTER_CLOSE, knownAtB: NOW });
    expect(reconstruction.differences).toStrictEqual([]);
    expect(reconstruction.causes).toStrictEqual([]);
  });

  it('(b) recorded on 2 April but dated 20 March: 12,750.00 / 8,500.00 as known at quarter close, 14,875.00 / 6,375.00 now', () => {
    const facts = twist('2026-04-02T08:30:00Z');
    expect([total(facts, 'ana', QUARTER_CLOSE), total(facts, 'ben', QUARTER_CLOSE)]).toStrictEqual([1_275_000, 850_000]);
    expect([total(facts, 'ana', NOW), total(facts, 'ben', NOW)]).toStrictEqual([1_487_500, 637_500]);
    expect([total(facts, 'ana'), total(facts, 'ben')]).toStrictEqual([1_487_500, 637_500]);
    const atClose = commissionStatement(facts, { userId: 'ben', period: '2026-Q1', asKnownAt: QUARTER_CLOSE });
    expect(atClose.lines.map((line) => line.lineage.arithmetic)).toStrictEqual([
      '60,000.00 × 40.00% × 15.00% = 3,600.00',
      '40,000.00 × 40.00% × 20.00% = 3,200.00',
      '(3,600.00 + 3,200.00) × 1.25 = 8,500.00; 8,500.00 − 6,800.00 = 1,700.00 (closed in the last 10 days of 2026-Q1)',
    ]);
    expect(atClose.lines[0].lineage.split).toMatchObject({ shareBp: 4000, eventId: 'evt-7' });
  });

  it('(b) the reconstruction shows +2,125.00 for Ana, −2,125.00 for Ben, caused by the late CreditSplitsSet (who, when, recorded when)', () => {
    const facts = twist('2026-04-02T08:30:00Z');
    const cause = { eventId: 'evt-8', position: 8, type: 'CreditSplitsSet', streamId: 'deal-acme', occurredAt: '2026-03-20T15:00:00.000Z', recordedAt: '2026-04-02T08:30:00.000Z', actorId: 'mia' };
    const ben = reconstruct(facts, { userId: 'ben', period: '2026-Q1', knownAtA: QUARTER_CLOSE, knownAtB: NOW });
    expect(ben.totalDifference).toStrictEqual([{ currency: 'EUR', deltaMinor: -212_500 }]);
    expect(ben.differences.map((d) => [d.lineId, d.amountAMinor, d.amountBMinor, d.deltaMinor, d.arithmetic])).toStrictEqual([
      ['acme:commission:CORE', 360_000, 270_000, -90_000, '2,700.00 − 3,600.00 = −900.00'],
      ['acme:commission:X', 320_000, 240_000, -80_000, '2,400.00 − 3,200.00 = −800.00'],
      ['acme:accelerator', 170_000, 127_500, -42_500, '1,275.00 − 1,700.00 = −425.00'],
    ]);
    for (const difference of ben.differences) expect(difference.causes).toStrictEqual([cause]);
    expect(ben.causes).toStrictEqual([cause]);
    expect(ben.b.lines[0].lineage.split).toMatchObject({ shareBp: 3000, eventId: 'evt-8', position: 8 });

    const ana = reconstruct(facts, { userId: 'ana', period: '2026-Q1', knownAtA: QUARTER_CLOSE, knownAtB: NOW, lineId: 'acme:commission:X' });
    expect(ana.differences.map((d) => [d.lineId, d.deltaMinor])).toStrictEqual([['acme:commission:X', 80_000]]);
    const anaAll = reconstruct(facts, { userId: 'ana', period: '2026-Q1', knownAtA: QUARTER_CLOSE, knownAtB: NOW });
    expect(anaAll.totalDifference).toStrictEqual([{ currency: 'EUR', deltaMinor: 212_500 }]);
    expect(anaAll.causes).toStrictEqual([cause]);
  });

  it('(b) the difference issued as adjustments in Q2 brings what was paid in line with what is now known', () => {
    const facts = twist('2026-04-02T08:30:00Z');
    const adjusted = {
      ...facts,
      adjustments: [
        { ref: { eventId: 'evt-99', position: 99, type: 'DisputeAccepted', streamId: 'dispute-d-1', occurredAt: '2026-04-10T09:00:00.000Z', recordedAt: '2026-04-10T09:00:00.000Z', actorId: 'fay' },
          disputeId: 'd-1', adjustmentId: 'd-1-1', approverId: 'fay', userId: 'ben', period: '2026-Q2', amountMinor: -212_500, currency: 'EUR', reason: 'split 70/30 recorded late', dealId: 'acme' },
      ],
    };
    const q2 = commissionStatement(adjusted, { userId: 'ben', period: '2026-Q2' });
    expect(q2.lines.map((line) => [line.lineId, line.kind, line.amountMinor, line.lineage.rule, line.lineage.arithmetic])).toStrictEqual([
      ['adjustment:d-1-1', 'adjustment', -212_500, 'dispute d-1', 'adjustment approved by fay (split 70/30 recorded late) = −2,125.00'],
    ]);
    expect(q2.lines[0].lineage.events).toMatchObject([{ role: 'adjustment', eventId: 'evt-99', position: 99 }]);
    const paidAtClose = total(facts, 'ben', QUARTER_CLOSE)!;
    expect(paidAtClose + q2.totals[0].totalMinor).toBe(total(facts, 'ben', NOW));
    expect(factsKnownAt(adjusted, '2026-04-09T00:00:00Z').adjustments).toStrictEqual([]);
  });
});
