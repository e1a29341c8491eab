import { parseInstant } from '../../shared/time';
import { CommissionFacts, DealFacts, FactRef } from './facts';

/** Was the fact recorded by `moment`? */
export const recordedBy = (ref: FactRef, momentMs: number): boolean => parseInstant(ref.recordedAt, 'recordedAt') <= momentMs;

/**
 * The facts as the engine knew them at a recorded moment: every fact recorded after it is
 * dropped (a deal not yet recorded as opened disappears). Business times are untouched, so a
 * split recorded late but dated early counts only once it is known.
 */
export function factsKnownAt(facts: CommissionFacts, moment: string): CommissionFacts {
  const at = parseInstant(moment, 'asKnownAt');
  const known = (ref: FactRef) => recordedBy(ref, at);
  const deals: DealFacts[] = [];
  for (const deal of facts.deals) {
    if (!known(deal.opened)) continue;
    const { closedWon, closedLost, wentLive, reversed, ...rest } = deal;
    deals.push({
      ...rest,
      amounts: deal.amounts.filter((fact) => known(fact.ref)),
      stages: deal.stages.filter((fact) => known(fact.ref)),
      splits: deal.splits.filter((fact) => known(fact.ref)),
      ...(closedWon && known(closedWon.ref) ? { closedWon } : {}),
      ...(closedLost && known(closedLost.ref) ? { closedLost } : {}),
      ...(wentLive && known(wentLive.ref) ? { wentLive } : {}),
      ...(reversed && known(reversed.ref) ? { reversed } : {}),
    });
  }
  return {
    deals,
    planVersions: facts.planVersions.filter((fact) => known(fact.ref)),
    assignments: facts.assignments.filter((fact) => known(fact.ref)),
    adjustments: facts.adjustments.filter((fact) => known(fact.ref)),
  };
}

/** Every fact ref of a deal, for lineage and for finding what changed between two moments. */
export function dealRefs(deal: DealFacts): FactRef[] {
  return [
    deal.opened,
    ...deal.amounts.map((fact) => fact.ref),
    ...deal.stages.map((fact) => fact.ref),
    ...deal.splits.map((fact) => fact.ref),
    ...[deal.closedWon, deal.closedLost, deal.wentLive, deal.reversed].flatMap((fact) => (fact ? [fact.ref] : [])),
  ];
}
