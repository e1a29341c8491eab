import { isCanonicalInstant, parseInstant } from '../../shared/time';
import { ClosedWonFact, CommissionFacts, DealFacts, FactRef } from './facts';

/**
 * "Was the fact recorded by `moment`?", for many facts. The projection stores recorded times as
 * `toISOString()` writes them, and two such strings order as their instants, so a fact's time
 * is compared as text with the moment written the same way; only a time in another form is
 * parsed. Same answers as parsing every time, without a regular expression and Date.parse
 * per fact on every request.
 */
export function recordedBy(moment: string): (ref: FactRef) => boolean {
  const momentMs = parseInstant(moment, 'asKnownAt');
  const parsed = (ref: FactRef) => parseInstant(ref.recordedAt, 'recordedAt') <= momentMs;
  const canonical = new Date(momentMs).toISOString();
  // Outside the years 0000–9999 toISOString writes a sign and six digits: no text order then.
  if (!isCanonicalInstant(canonical)) return parsed;
  return (ref) => (isCanonicalInstant(ref.recordedAt) ? ref.recordedAt <= canonical : parsed(ref));
}

/**
 * The facts as the engine knew them at a recorded moment: every fact recorded after it is
 * dropped (a deal not yet recorded as opened disappears). Business times are untouched, so a
 * split recorded late but dated early counts only once it is known.
 */
export function factsKnownAt(facts: CommissionFacts, moment: string): CommissionFacts {
  return factsWhere(facts, recordedBy(moment));
}

/** The facts recorded before the event at `position` (a period's close): what was known when it was recorded. */
export function factsBefore(facts: CommissionFacts, position: number): CommissionFacts {
  return factsWhere(facts, (ref) => ref.position < position);
}

/** The facts whose event passes `known`; a deal whose opening does not is dropped whole. */
function factsWhere(facts: CommissionFacts, known: (ref: FactRef) => boolean): CommissionFacts {
  const deals: DealFacts[] = [];
  for (const deal of facts.deals) {
    if (!known(deal.opened)) continue;
    const { closedWon, closedLost, wentLive, reversed, ...rest } = deal;
    deals.push({
      ...rest,
      amounts: deal.amounts.filter((fact) => known(fact.ref)),
      stages: deal.stages.filter((fact) => known(fact.ref)),
      splits: deal.splits.filter((fact) => known(fact.ref)),
      ...(closedWon && known(closedWon.ref) ? { closedWon: knownCorrections(closedWon, known) } : {}),
      ...(closedLost && known(closedLost.ref) ? { closedLost } : {}),
      ...(wentLive && known(wentLive.ref) ? { wentLive } : {}),
      ...(reversed && known(reversed.ref) ? { reversed } : {}),
    });
  }
  return {
    deals,
    planVersions: facts.planVersions.filter((fact) => known(fact.ref)),
    assignments: facts.assignments.filter((fact) => known(fact.ref))
      .map((fact) => (fact.endings ? { ...fact, endings: fact.endings.filter((ending) => known(ending.ref)) } : fact)),
    adjustments: facts.adjustments.filter((fact) => known(fact.ref)),
    periods: facts.periods.filter((fact) => known(fact.ref)),
  };
}

function knownCorrections(close: ClosedWonFact, known: (ref: FactRef) => boolean): ClosedWonFact {
  return close.corrections ? { ...close, corrections: close.corrections.filter((c) => known(c.ref)) } : close;
}

/** Every fact ref of a deal, for lineage and for finding what changed between two moments. */
export function dealRefs(deal: DealFacts): FactRef[] {
  return [
    deal.opened,
    ...deal.amounts.map((fact) => fact.ref),
    ...deal.stages.map((fact) => fact.ref),
    ...deal.splits.map((fact) => fact.ref),
    ...[deal.closedWon, deal.closedLost, deal.wentLive, deal.reversed].flatMap((fact) => (fact ? [fact.ref] : [])),
    ...(deal.closedWon?.corrections ?? []).map((c) => c.ref),
  ];
}
