import fc from 'fast-check';
import { nextPeriod } from '../period';
import { FactsBuilder, shares, workedExamplePlans } from '../testing/commission-fixtures';
import { CommissionFacts } from './facts';
import { ownStatement } from './own-statement';
import { commissionStatement } from './statement';
import { Statement } from './statement.types';

const { ae, se } = shares;
const DAY = 86_400_000;
const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
/** Every period a line or a correction of these histories can land in. */
const PERIODS = [...QUARTERS, nextPeriod('2026-Q4')];
const PEOPLE = ['ana', 'ben', 'sam'];

type Op =
  | { kind: 'win'; quarter: number; day: number; anaBp: number }
  | { kind: 'split'; deal: number; anaBp: number }
  | { kind: 'close' | 'reopen'; quarter: number }
  | { kind: 'adjust'; quarter: number; amountMinor: number };

const share = fc.integer({ min: 1, max: 9999 });
// Few deals and quarters, so closes, late changes, chains and reopenings meet often.
const quarter = fc.integer({ min: 0, max: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('win' as const), quarter: fc.integer({ min: 0, max: 2 }), day: fc.integer({ min: 0, max: 88 }), anaBp: share }),
  { arbitrary: fc.record({ kind: fc.constant('split' as const), deal: fc.nat({ max: 3 }), anaBp: share }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constantFrom('close' as const, 'reopen' as const), quarter }), weight: 3 },
  fc.record({ kind: fc.constant('adjust' as const), quarter, amountMinor: fc.integer({ min: -50_000, max: 50_000 }).filter((n) => n !== 0) }),
);
const histories = fc.array(op, { minLength: 6, maxLength: 30 });

/** Plays the operations in recording order; `snapshots[i]` is the facts after operation i, `lastClose` the operation that closed each period last. */
function play(ops: readonly Op[]) {
  const builder = workedExamplePlans(new FactsBuilder());
  const deals: { dealId: string; openedAt: string }[] = [];
  const closed = new Set<string>();
  const lastClose = new Map<string, number>();
  const snapshots: CommissionFacts[] = [];
  let clock = Date.UTC(2027, 0, 2);
  const now = () => new Date((clock += 3_600_000)).toISOString();
  const split = (dealId: string, anaBp: number, occurredAt: string, recordedAt: string) =>
    builder.split(dealId, [ae('ana', anaBp), ae('ben', 10_000 - anaBp)], [se('sam', 5000)], occurredAt, recordedAt);
  ops.forEach((o, index) => {
    if (o.kind === 'win') {
      const dealId = `d${deals.length}`;
      const openedMs = Date.UTC(2026, o.quarter * 3, 1) + o.day * DAY;
      const openedAt = new Date(openedMs).toISOString();
      builder.open(dealId, openedAt);
      split(dealId, o.anaBp, openedAt, now());
      builder.win(dealId, new Date(openedMs + DAY).toISOString(), now());
      deals.push({ dealId, openedAt });
    } else if (o.kind === 'split' && deals.length > 0) {
      const deal = deals[o.deal % deals.length];
      split(deal.dealId, o.anaBp, new Date(Date.parse(deal.openedAt) + 3_600_000).toISOString(), now());
    } else if (o.kind === 'close' && !closed.has(QUARTERS[o.quarter])) {
      builder.closePeriod(QUARTERS[o.quarter], now());
      closed.add(QUARTERS[o.quarter]);
      lastClose.set(QUARTERS[o.quarter], index);
    } else if (o.kind === 'reopen' && closed.has(QUARTERS[o.quarter])) {
      builder.reopenPeriod(QUARTERS[o.quarter], now());
      closed.delete(QUARTERS[o.quarter]);
    } else if (o.kind === 'adjust') {
      builder.adjust(`a${index}`, { userId: 'ben', period: QUARTERS[o.quarter], amountMinor: o.amountMinor, reason: 'r' }, now());
    }
    snapshots.push(builder.build());
  });
  return { facts: builder.build(), closed, lastClose, snapshots };
}

const total = (statement: Statement) => statement.totals.reduce((sum, t) => sum + t.totalMinor, 0);

describe('closed periods (property)', () => {
  it('pay every period\'s figures as known now exactly once, over all statements, whatever is closed, reopened or learnt late', () => {
    fc.assert(fc.property(histories, (ops) => {
      const { facts } = play(ops);
      for (const userId of PEOPLE) {
        const paid = PERIODS.reduce((sum, period) => sum + total(commissionStatement(facts, { userId, period })), 0);
        const knownNow = PERIODS.reduce((sum, period) => sum + total(ownStatement(facts, userId, period)), 0);
        expect(paid).toBe(knownNow);
      }
    }), { numRuns: 200 });
  });

  it('never change a closed period\'s statement after its close', () => {
    fc.assert(fc.property(histories, (ops) => {
      const { facts, closed, lastClose, snapshots } = play(ops);
      for (const period of closed) {
        const atClose = snapshots[lastClose.get(period)!];
        for (const userId of PEOPLE) {
          expect(commissionStatement(facts, { userId, period })).toStrictEqual(commissionStatement(atClose, { userId, period }));
        }
      }
    }), { numRuns: 200 });
  });
});
