import { FactsBuilder, shares, workedExamplePlans } from '../testing/commission-fixtures';
import { mayCredit } from './credit';
import { estimateOpenPipeline } from './estimate';
import { factsForPerson } from './person-facts';
import { reconstruct } from './reconstruct';
import { commissionStatement } from './statement';

const { ae, se } = shares;

/**
 * Acme: Ana 70 / Ben 30, Sam's overlay. Beta: Ben's own deal, no split ever set (his default
 * 100%). Gamma: Ana's deal, first split to Cal, then all to Ana. Delta: Dan's, nobody else's.
 * A dispute pays Eve an adjustment on Delta.
 */
const facts = workedExamplePlans(new FactsBuilder())
  .assign('cal', 'ae-fy26', '2026-01-01').assign('dan', 'ae-fy26', '2026-01-01')
  .open('acme', '2026-03-01T09:00:00Z')
  .split('acme', [ae('ana', 7000), ae('ben', 3000)], [se('sam', 5000)], '2026-03-01T09:00:00Z')
  .win('acme', '2026-03-25T10:00:00Z')
  .open('beta', '2026-02-01T09:00:00Z', { ownerId: 'ben' })
  .win('beta', '2026-02-20T10:00:00Z')
  .open('gamma', '2026-01-10T09:00:00Z')
  .split('gamma', [ae('cal', 10_000)], [], '2026-01-10T09:00:00Z')
  .split('gamma', [ae('ana', 10_000)], [], '2026-02-10T09:00:00Z', '2026-04-02T09:00:00Z')
  .win('gamma', '2026-03-01T10:00:00Z')
  .open('delta', '2026-01-15T09:00:00Z', { ownerId: 'dan' })
  .win('delta', '2026-03-10T10:00:00Z')
  .adjust('d-1', { userId: 'eve', period: '2026-Q2', amountMinor: 10_000, reason: 'referral', dealId: 'delta' }, '2026-04-10T09:00:00Z')
  .build();
const dealsOf = (userId: string) => factsForPerson(facts, userId).deals.map((deal) => deal.dealId);

describe('the facts one person depends on', () => {
  it('keeps the deals they own, with or without a split, and those any split ever named them in', () => {
    expect(dealsOf('ana')).toStrictEqual(['acme', 'gamma']);
    expect(dealsOf('ben')).toStrictEqual(['acme', 'beta']);
    expect(dealsOf('sam')).toStrictEqual(['acme']);
    expect(dealsOf('cal')).toStrictEqual(['gamma']);
    expect(dealsOf('dan')).toStrictEqual(['delta']);
    expect(dealsOf('zoe')).toStrictEqual([]);
    const gamma = facts.deals.find((deal) => deal.dealId === 'gamma')!;
    expect(['ana', 'cal', 'ben'].map((userId) => mayCredit(gamma, userId))).toStrictEqual([true, true, false]);
  });

  it('keeps the deals their adjustments name, their own assignments and adjustments, and every plan version', () => {
    const eve = factsForPerson(facts, 'eve');
    expect(eve.deals.map((deal) => deal.dealId)).toStrictEqual(['delta']);
    expect(eve.adjustments.map((adjustment) => adjustment.userId)).toStrictEqual(['eve']);
    expect(factsForPerson(facts, 'ben').assignments.map((assignment) => assignment.userId)).toStrictEqual(['ben']);
    expect(factsForPerson(facts, 'ben').planVersions).toBe(facts.planVersions);
  });

  it('keeps every deal of an id it keeps, as a reconstruction finds a deal by id', () => {
    const twice = { ...facts, deals: [...facts.deals, { ...facts.deals.find((deal) => deal.dealId === 'beta')!, ownerId: 'zoe' }] };
    expect(factsForPerson(twice, 'ben').deals.map((deal) => [deal.dealId, deal.ownerId])).toStrictEqual([['acme', 'ana'], ['beta', 'ben'], ['beta', 'zoe']]);
  });

  it('gives the same statements, reconstructions and estimates as all the facts', () => {
    for (const userId of ['ana', 'ben', 'sam', 'cal', 'dan', 'eve', 'zoe']) {
      const mine = factsForPerson(facts, userId);
      for (const period of ['2026-Q1', '2026-Q2']) {
        for (const asKnownAt of [undefined, '2026-03-31T23:59:59.999Z', '2026-04-15T00:00:00.000Z']) {
          const query = { userId, period, ...(asKnownAt === undefined ? {} : { asKnownAt }) };
          expect(commissionStatement(mine, query)).toStrictEqual(commissionStatement(facts, query));
        }
        const query = { userId, period, knownAtA: '2026-03-31T23:59:59.999Z', knownAtB: '2026-05-01T00:00:00.000Z' };
        expect(reconstruct(mine, query)).toStrictEqual(reconstruct(facts, query));
      }
      expect(estimateOpenPipeline(mine, userId, '2026-02-15T00:00:00Z')).toStrictEqual(estimateOpenPipeline(facts, userId, '2026-02-15T00:00:00Z'));
    }
    // The cases are there: Ben's default credit on Beta, Eve's adjustment on Delta, Sam's overlay.
    const lines = (userId: string, period: string) => commissionStatement(factsForPerson(facts, userId), { userId, period }).lines;
    expect(lines('ben', '2026-Q1').filter((line) => line.lineage.split?.source === 'owner-default').map((line) => line.lineId)).toStrictEqual(['beta:commission:CORE', 'beta:commission:X']);
    expect(lines('eve', '2026-Q2').map((line) => [line.lineId, line.lineage.dealId])).toStrictEqual([['adjustment:d-1-1', 'delta']]);
    expect(lines('sam', '2026-Q1').map((line) => line.lineage.split?.creditType)).toStrictEqual(['overlay', 'overlay']);
    // Ana's Gamma line exists only once the late split is known: the restriction keeps it.
    const ana = (asKnownAt: string) => commissionStatement(factsForPerson(facts, 'ana'), { userId: 'ana', period: '2026-Q1', asKnownAt }).lines.map((line) => line.lineId);
    expect(ana('2026-03-31T23:59:59.999Z').some((lineId) => lineId.startsWith('gamma:'))).toBe(false);
    expect(ana('2026-04-15T00:00:00.000Z').some((lineId) => lineId.startsWith('gamma:'))).toBe(true);
  });
});
