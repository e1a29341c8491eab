import { FactsBuilder, shares, workedExamplePlans } from '../testing/commission-fixtures';
import { CommissionFacts } from './facts';
import { reconstruct } from './reconstruct';
import { commissionStatement } from './statement';
import { Statement } from './statement.types';

const { ae, se } = shares;
const CLOSE_Q1 = '2026-04-03T09:00:00Z';
const CLOSE_Q2 = '2026-07-02T09:00:00Z';

/** Acme won on 25 March with the splits 60/40: Ben 8,500.00 and Ana 12,750.00 in 2026-Q1. */
function wonAt6040(): FactsBuilder {
  return workedExamplePlans(new FactsBuilder())
    .open('acme', '2026-03-01T09:00:00Z')
    .split('acme', [ae('ana', 6000), ae('ben', 4000)], [se('sam', 5000)], '2026-03-01T09:00:00Z')
    .win('acme', '2026-03-25T10:00:00Z');
}
/** A split change dated 20 March (before the win), recorded at `recordedAt`. */
const lateSplit = (builder: FactsBuilder, ana: number, recordedAt: string) =>
  builder.split('acme', [ae('ana', ana), ae('ben', 10_000 - ana)], [se('sam', 5000)], '2026-03-20T15:00:00Z', recordedAt);

const statementOf = (facts: CommissionFacts, userId: string, period: string, asKnownAt?: string) =>
  commissionStatement(facts, { userId, period, ...(asKnownAt === undefined ? {} : { asKnownAt }) });
const total = (statement: Statement) => statement.totals[0]?.totalMinor ?? 0;
const amounts = (statement: Statement) => statement.lines.map((line) => [line.lineId, line.amountMinor]);

describe('a closed period is frozen as known at its close', () => {
  it('given Q1 closed and a split change recorded after the close, when reading Q1, then it pays as at the close and says it is closed', () => {
    const builder = wonAt6040().closePeriod('2026-Q1', CLOSE_Q1);
    const facts = lateSplit(builder, 7000, '2026-04-10T08:30:00Z').build();
    const q1 = statementOf(facts, 'ben', '2026-Q1');
    expect(total(q1)).toBe(850_000);
    expect(q1.closed).toStrictEqual({
      closedAt: '2026-04-03T09:00:00.000Z', closedBy: 'fay',
      event: { eventId: 'evt-9', position: 9, type: 'CommissionPeriodClosed', streamId: 'commission-period-2026-Q1', occurredAt: '2026-04-03T09:00:00.000Z', recordedAt: '2026-04-03T09:00:00.000Z', actorId: 'fay' },
    });
    expect(total(statementOf(facts, 'ana', '2026-Q1'))).toBe(1_275_000);
  });

  it('given the same facts, when reading Q1 as known before the close, then it is open; as known after it, closed', () => {
    const facts = lateSplit(wonAt6040().closePeriod('2026-Q1', CLOSE_Q1), 7000, '2026-04-10T08:30:00Z').build();
    expect(statementOf(facts, 'ben', '2026-Q1', '2026-04-02T00:00:00Z').closed).toBeUndefined();
    const afterClose = statementOf(facts, 'ben', '2026-Q1', '2026-04-05T00:00:00Z');
    expect([total(afterClose), afterClose.closed?.closedBy, afterClose.asKnownAt]).toStrictEqual([850_000, 'fay', '2026-04-05T00:00:00Z']);
  });

  it('given a change recorded before the close, when reading Q1, then the frozen statement has it and nothing is adjusted later', () => {
    const facts = lateSplit(wonAt6040(), 7000, '2026-04-02T08:30:00Z').closePeriod('2026-Q1', CLOSE_Q1).build();
    expect(total(statementOf(facts, 'ben', '2026-Q1'))).toBe(637_500);
    expect(statementOf(facts, 'ben', '2026-Q2').lines).toStrictEqual([]);
  });

  it('given no period closed, when a late change is recorded, then the quarter itself changes, as before', () => {
    const facts = lateSplit(wonAt6040(), 7000, '2026-04-10T08:30:00Z').build();
    expect([total(statementOf(facts, 'ben', '2026-Q1')), statementOf(facts, 'ben', '2026-Q1').closed]).toStrictEqual([637_500, undefined]);
    expect(statementOf(facts, 'ben', '2026-Q2').lines).toStrictEqual([]);
  });
});

describe('a late fact for a closed period is a prior-period adjustment in the first open period', () => {
  const facts = lateSplit(wonAt6040().closePeriod('2026-Q1', CLOSE_Q1), 7000, '2026-04-10T08:30:00Z').build();

  it('given Q1 closed and the split changed to 70/30 after the close, when reading Q2, then each changed line of Q1 is corrected, in the totals', () => {
    const ben = statementOf(facts, 'ben', '2026-Q2');
    expect(ben.lines.map((line) => [line.lineId, line.kind, line.amountMinor, line.lineage.arithmetic])).toStrictEqual([
      ['prior-period:2026-Q1:acme:commission:CORE', 'prior-period', -90_000, '2,700.00 known now − 3,600.00 paid at the close of 2026-Q1 = −900.00'],
      ['prior-period:2026-Q1:acme:commission:X', 'prior-period', -80_000, '2,400.00 known now − 3,200.00 paid at the close of 2026-Q1 = −800.00'],
      ['prior-period:2026-Q1:acme:accelerator', 'prior-period', -42_500, '1,275.00 known now − 1,700.00 paid at the close of 2026-Q1 = −425.00'],
    ]);
    expect(ben.totals).toStrictEqual([{
      currency: 'EUR', totalMinor: -212_500, byKind: { commission: 0, accelerator: 0, spif: 0, clawback: 0, adjustment: 0, 'prior-period': -212_500 },
    }]);
    expect(total(statementOf(facts, 'ana', '2026-Q2'))).toBe(212_500);
    expect(statementOf(facts, 'sam', '2026-Q2').lines).toStrictEqual([]);
  });

  it('names the late fact, the close and the frozen figure it corrects', () => {
    const [core] = statementOf(facts, 'ben', '2026-Q2').lines;
    expect(core.lineage).toMatchObject({ dealId: 'acme', rule: 'prior-period adjustment: 2026-Q1 is closed' });
    expect(core.lineage.events).toStrictEqual([
      { role: 'late-fact', eventId: 'evt-10', position: 10, type: 'CreditSplitsSet', streamId: 'deal-acme', occurredAt: '2026-03-20T15:00:00.000Z', recordedAt: '2026-04-10T08:30:00.000Z', actorId: 'mia' },
      expect.objectContaining({ role: 'period-close', eventId: 'evt-9', type: 'CommissionPeriodClosed' }),
    ]);
    expect(core.lineage.priorPeriod).toStrictEqual({
      period: '2026-Q1', lineId: 'acme:commission:CORE', frozenMinor: 360_000, knownNowMinor: 270_000, adjustedMinor: 0, adjustedIn: [],
      close: expect.objectContaining({ closedBy: 'fay', closedAt: '2026-04-03T09:00:00.000Z' }),
    });
    expect(core.dueAt).toBe('2026-04-01T00:00:00.000Z');
    expect(core.productCode).toBe('CORE');
  });

  it('is there only once the late fact is known', () => {
    expect(statementOf(facts, 'ben', '2026-Q2', '2026-04-05T00:00:00Z').lines).toStrictEqual([]);
    expect(total(statementOf(facts, 'ben', '2026-Q2', '2026-04-10T08:30:00Z'))).toBe(-212_500);
  });

  it('together with the frozen statement, pays what Q1 is as known now (the worked example: 14,875.00 / 6,375.00)', () => {
    for (const [userId, expected] of [['ana', 1_487_500], ['ben', 637_500]] as const) {
      expect(total(statementOf(facts, userId, '2026-Q1')) + total(statementOf(facts, userId, '2026-Q2'))).toBe(expected);
    }
  });

  it('given a line that is gone now, when reading Q2, then the correction takes all of it back, naming the frozen line', () => {
    const gone = wonAt6040().closePeriod('2026-Q1', CLOSE_Q1)
      .split('acme', [ae('ana', 10_000)], [], '2026-03-20T15:00:00Z', '2026-04-10T08:30:00Z').build();
    expect(amounts(statementOf(gone, 'sam', '2026-Q2'))).toStrictEqual([
      ['prior-period:2026-Q1:acme:commission:CORE', -120_000], ['prior-period:2026-Q1:acme:commission:X', -80_000],
    ]);
    expect(statementOf(gone, 'sam', '2026-Q2').lines[0].lineage.priorPeriod).toMatchObject({ frozenMinor: 120_000, knownNowMinor: 0 });
  });

  it('given a deal won with its close backdated into closed Q1, then Q1 is unchanged and its lines land whole in Q2', () => {
    const facts = wonAt6040().closePeriod('2026-Q1', CLOSE_Q1)
      .open('late', '2026-03-02T09:00:00Z').split('late', [ae('ben', 10_000)], [], '2026-03-02T09:00:00Z')
      .win('late', '2026-03-30T10:00:00Z', '2026-04-08T10:00:00Z').build();
    expect(total(statementOf(facts, 'ben', '2026-Q1'))).toBe(850_000);
    const q2 = statementOf(facts, 'ben', '2026-Q2');
    expect(amounts(q2)).toStrictEqual([
      ['prior-period:2026-Q1:late:commission:CORE', 900_000], ['prior-period:2026-Q1:late:commission:X', 800_000], ['prior-period:2026-Q1:late:accelerator', 425_000],
    ]);
    expect(q2.lines[0].lineage.priorPeriod).toMatchObject({ frozenMinor: 0, knownNowMinor: 900_000 });
    expect(q2.lines[0].lineage.events.filter((event) => event.role === 'late-fact').map((event) => event.type)).toStrictEqual(['DealOpened', 'CreditSplitsSet', 'DealClosedWon']);
  });

  it('given a dispute adjustment into Q1 recorded after its close (a race with the close), then it too lands in Q2', () => {
    const raced = wonAt6040().closePeriod('2026-Q1', CLOSE_Q1)
      .adjust('d-1', { userId: 'ben', period: '2026-Q1', amountMinor: 10_000, reason: 'r' }, '2026-04-04T09:00:00Z').build();
    expect(total(statementOf(raced, 'ben', '2026-Q1'))).toBe(850_000);
    expect(amounts(statementOf(raced, 'ben', '2026-Q2'))).toStrictEqual([['prior-period:2026-Q1:adjustment:d-1-1', 10_000]]);
    expect(statementOf(raced, 'ben', '2026-Q2').lines[0].lineage.events.map((event) => [event.role, event.type]))
      .toStrictEqual([['late-fact', 'DisputeAccepted'], ['period-close', 'CommissionPeriodClosed']]);
  });
});

describe('chains of closed periods', () => {
  it('given Q1 and Q2 closed, when a late fact for Q1 is recorded, then the adjustment lands in Q3 and Q2 stays as closed', () => {
    const facts = lateSplit(wonAt6040().closePeriod('2026-Q1', CLOSE_Q1).closePeriod('2026-Q2', CLOSE_Q2), 7000, '2026-07-10T08:00:00Z').build();
    expect(total(statementOf(facts, 'ben', '2026-Q1'))).toBe(850_000);
    expect(statementOf(facts, 'ben', '2026-Q2')).toMatchObject({ lines: [], closed: { closedAt: '2026-07-02T09:00:00.000Z' } });
    expect(total(statementOf(facts, 'ben', '2026-Q3'))).toBe(-212_500);
    expect(statementOf(facts, 'ben', '2026-Q3').lines.map((line) => line.lineId)).toStrictEqual([
      'prior-period:2026-Q1:acme:commission:CORE', 'prior-period:2026-Q1:acme:commission:X', 'prior-period:2026-Q1:acme:accelerator',
    ]);
  });

  it('given Q2 closed before Q1, then a late fact for Q1 still lands in Q3, the first open period after it', () => {
    const facts = lateSplit(wonAt6040().closePeriod('2026-Q2', CLOSE_Q2).closePeriod('2026-Q1', '2026-07-03T09:00:00Z'), 7000, '2026-07-10T08:00:00Z').build();
    expect([total(statementOf(facts, 'ben', '2026-Q2')), total(statementOf(facts, 'ben', '2026-Q3'))]).toStrictEqual([0, -212_500]);
  });

  it('given a correction frozen into Q2 by its close, when a second late fact for Q1 comes, then Q3 corrects only what Q2 did not', () => {
    const builder = lateSplit(wonAt6040().closePeriod('2026-Q1', CLOSE_Q1), 7000, '2026-04-10T08:30:00Z').closePeriod('2026-Q2', CLOSE_Q2);
    const facts = lateSplit(builder, 8000, '2026-07-10T08:00:00Z').build();
    expect(total(statementOf(facts, 'ben', '2026-Q2'))).toBe(-212_500);
    const q3 = statementOf(facts, 'ben', '2026-Q3');
    // Ben at 20% as known now: 1,800.00 + 1,600.00 + 850.00 = 4,250.00; paid 8,500.00 − 2,125.00 so far.
    expect(total(q3)).toBe(-212_500);
    expect(q3.lines[0].lineage.arithmetic).toBe('1,800.00 known now − 3,600.00 paid at the close of 2026-Q1 − (−900.00) adjusted in 2026-Q2 = −900.00');
    expect(q3.lines[0].lineage.priorPeriod).toMatchObject({ frozenMinor: 360_000, knownNowMinor: 180_000, adjustedMinor: -90_000, adjustedIn: ['2026-Q2'] });
    expect(q3.lines[0].lineage.events.filter((event) => event.role === 'late-fact').map((event) => event.recordedAt)).toStrictEqual(['2026-07-10T08:00:00.000Z']);
    expect(total(statementOf(facts, 'ben', '2026-Q1')) + total(statementOf(facts, 'ben', '2026-Q2')) + total(q3)).toBe(425_000);
  });
});

describe('reopening and closing again', () => {
  const closedWithLateFact = () => lateSplit(wonAt6040().closePeriod('2026-Q1', CLOSE_Q1), 7000, '2026-04-10T08:30:00Z');

  it('given Q1 reopened, then its statement reads as known now and the adjustments it produced leave Q2', () => {
    const facts = closedWithLateFact().reopenPeriod('2026-Q1', '2026-04-20T09:00:00Z').build();
    const q1 = statementOf(facts, 'ben', '2026-Q1');
    expect([total(q1), q1.closed]).toStrictEqual([637_500, undefined]);
    expect(statementOf(facts, 'ben', '2026-Q2').lines).toStrictEqual([]);
    expect(total(statementOf(facts, 'ben', '2026-Q2', '2026-04-15T00:00:00Z'))).toBe(-212_500);
  });

  it('given Q1 closed again, then it is frozen anew and a later fact is corrected against the new close', () => {
    const builder = closedWithLateFact().reopenPeriod('2026-Q1', '2026-04-20T09:00:00Z').closePeriod('2026-Q1', '2026-04-25T09:00:00Z', 'adam');
    expect(total(statementOf(builder.build(), 'ben', '2026-Q1'))).toBe(637_500);
    expect(statementOf(builder.build(), 'ben', '2026-Q1').closed).toMatchObject({ closedBy: 'adam' });
    expect(statementOf(builder.build(), 'ben', '2026-Q2').lines).toStrictEqual([]);
    const facts = lateSplit(builder, 8000, '2026-05-01T09:00:00Z').build();
    expect(total(statementOf(facts, 'ben', '2026-Q1'))).toBe(637_500);
    expect(total(statementOf(facts, 'ben', '2026-Q2'))).toBe(-212_500);
    expect(statementOf(facts, 'ben', '2026-Q2').lines[0].lineage.priorPeriod).toMatchObject({ frozenMinor: 270_000, knownNowMinor: 180_000 });
  });

  it('given a correction of Q1 frozen into closed Q2, when Q1 is reopened, then Q1 takes it back so nothing is paid twice', () => {
    const facts = closedWithLateFact().closePeriod('2026-Q2', CLOSE_Q2).reopenPeriod('2026-Q1', '2026-07-05T09:00:00Z').build();
    const q1 = statementOf(facts, 'ben', '2026-Q1');
    expect(amounts(q1)).toStrictEqual([
      ['acme:commission:CORE', 270_000], ['acme:commission:X', 240_000], ['acme:accelerator', 127_500],
      ['prior-period:2026-Q1:acme:commission:CORE', 90_000], ['prior-period:2026-Q1:acme:commission:X', 80_000], ['prior-period:2026-Q1:acme:accelerator', 42_500],
    ]);
    expect(q1.lines[3].lineage).toMatchObject({
      arithmetic: '− (−900.00) adjusted in 2026-Q2 = +900.00',
      priorPeriod: { period: '2026-Q1', lineId: 'acme:commission:CORE', adjustedMinor: -90_000, adjustedIn: ['2026-Q2'] },
    });
    expect(total(statementOf(facts, 'ben', '2026-Q2'))).toBe(-212_500);
    expect(statementOf(facts, 'ben', '2026-Q3').lines).toStrictEqual([]);
    expect(total(q1) + total(statementOf(facts, 'ben', '2026-Q2'))).toBe(637_500);

    const reclosed = lateSplit(
      closedWithLateFact().closePeriod('2026-Q2', CLOSE_Q2).reopenPeriod('2026-Q1', '2026-07-05T09:00:00Z').closePeriod('2026-Q1', '2026-07-06T09:00:00Z'),
      8000, '2026-07-10T08:00:00Z',
    ).build();
    expect(total(statementOf(reclosed, 'ben', '2026-Q3'))).toBe(-212_500);
    const paid = ['2026-Q1', '2026-Q2', '2026-Q3'].reduce((sum, period) => sum + total(statementOf(reclosed, 'ben', period)), 0);
    expect(paid).toBe(425_000);
  });
});

describe('the reconstruction of a closed period', () => {
  it('compares the statements as answered: a change recorded after the close is no difference of Q1, and not a cause', () => {
    const facts = lateSplit(wonAt6040().closePeriod('2026-Q1', CLOSE_Q1), 7000, '2026-04-10T08:30:00Z').build();
    const reconstruction = reconstruct(facts, { userId: 'ben', period: '2026-Q1', knownAtA: '2026-03-31T23:59:59Z', knownAtB: '2026-05-01T00:00:00Z' });
    expect([reconstruction.differences, reconstruction.causes, reconstruction.b.closed?.closedBy]).toStrictEqual([[], [], 'fay']);
  });
});
