import { Attainment, attainmentOf, CommissionFacts, commissionStatement, creditedWins, estimateOpenPipeline, factsForPerson, periodBounds, PipelineEstimate, reconstruct, Reconstruction, Statement } from '@deals/domain';
import { entriesWithPrefix, ReadModel } from '../projection';
import {
  AssignmentFactsDocument, CommissionFactsDocument, DisputeDocument, factsKey, MISFILED_DEALS_KEY, PERIOD_KEYS_KEY, PERSON_INDEX_BUCKETS, personIndexKey,
  PLAN_KEYS_KEY, PlanFactsDocument,
} from './commission-facts.document';

const byPosition = <T extends { ref: { position: number } }>(a: T, b: T) => a.ref.position - b.ref.position;

/** The facts in the read model, in recording order: the calculation's only input. */
export function commissionFactsOf(model: ReadModel<CommissionFactsDocument>): CommissionFacts {
  const docs = [...model.values()];
  const of = <K extends CommissionFactsDocument['kind']>(kind: K) =>
    docs.filter((doc): doc is Extract<CommissionFactsDocument, { kind: K }> => doc.kind === kind);
  return {
    deals: of('deal').map((doc) => doc.deal).sort((a, b) => a.opened.position - b.opened.position),
    planVersions: of('plan').flatMap((doc) => doc.versions).sort(byPosition),
    assignments: of('assignment').flatMap((doc) => doc.assignments).sort(byPosition),
    adjustments: of('dispute').flatMap((doc) => doc.adjustments).sort(byPosition),
    periods: of('period').flatMap((doc) => doc.changes).sort(byPosition),
  };
}

/**
 * The facts one person's queries read, from their index instead of every document: the deals,
 * assignments and disputes it lists, every plan and commission period, and every deal holding the id of a listed deal
 * or of a deal their adjustments name (`deal:<dealId>`, or under `misfiled-deals`). Then
 * `factsForPerson` keeps what their answers depend on, as it would from all the facts.
 */
export function personCommissionFacts(model: ReadModel<CommissionFactsDocument>, userId: string): CommissionFacts {
  const keys = new Set<string>();
  for (let bucket = 0; bucket < PERSON_INDEX_BUCKETS; bucket++) {
    const index = model.get(personIndexKey(userId, bucket));
    if (index?.kind === 'person-index') for (const key of index.keys) keys.add(key);
  }
  for (const listKey of [PLAN_KEYS_KEY, PERIOD_KEYS_KEY]) {
    const list = model.get(listKey);
    if (list?.kind === 'plan-keys' || list?.kind === 'period-keys') for (const key of list.keys) keys.add(key);
  }
  const docs = [...keys].flatMap((key) => { const doc = model.get(key); return doc === undefined ? [] : [doc]; });
  const of = <K extends CommissionFactsDocument['kind']>(kind: K) => docs.filter((doc): doc is Extract<CommissionFactsDocument, { kind: K }> => doc.kind === kind);

  const adjustments = of('dispute').flatMap((doc) => doc.adjustments).sort(byPosition);
  const deals = new Map(of('deal').map((doc) => [doc.deal.opened.eventId, doc.deal]));
  const dealIds = new Set([...deals.values()].map((deal) => deal.dealId));
  for (const adjustment of adjustments) if (adjustment.userId === userId && adjustment.dealId !== undefined) dealIds.add(adjustment.dealId);
  const misfiled = model.get(MISFILED_DEALS_KEY);
  const byId = [...dealIds].map((dealId) => factsKey('deal', dealId)).concat(misfiled?.kind === 'misfiled-deals' ? misfiled.keys : []);
  for (const key of byId) {
    const doc = model.get(key);
    if (doc?.kind === 'deal' && dealIds.has(doc.deal.dealId)) deals.set(doc.deal.opened.eventId, doc.deal);
  }
  return factsForPerson({
    deals: [...deals.values()].sort((a, b) => a.opened.position - b.opened.position),
    planVersions: of('plan').flatMap((doc) => doc.versions).sort(byPosition),
    assignments: of('assignment').flatMap((doc) => doc.assignments).sort(byPosition),
    adjustments,
    periods: of('period').flatMap((doc) => doc.changes).sort(byPosition),
  }, userId);
}

/** A person's statement for a quarter (`2026-Q1`), as known now or at a past recorded moment. */
export function statement(model: ReadModel<CommissionFactsDocument>, query: { userId: string; period: string; asKnownAt?: string }): Statement {
  return commissionStatement(personCommissionFacts(model, query.userId), query);
}

/**
 * The statement as known at two recorded moments, and each line's difference with the events
 * that caused it. A defaults to the quarter's close, B to `now`.
 */
export function reconstruction(
  model: ReadModel<CommissionFactsDocument>,
  query: { userId: string; period: string; lineId?: string; knownAtA?: string } & ({ knownAtB: string } | { knownAtB?: string; now: string }),
): Reconstruction {
  const knownAtA = query.knownAtA ?? quarterClose(query.period);
  const knownAtB = query.knownAtB ?? (query as { now: string }).now;
  return reconstruct(personCommissionFacts(model, query.userId), { userId: query.userId, period: query.period, lineId: query.lineId, knownAtA, knownAtB });
}

/** Estimated commission on the person's open deals (credit × rate × stage probability). */
export function openPipelineEstimate(model: ReadModel<CommissionFactsDocument>, query: { userId: string; now: string }): PipelineEstimate {
  return estimateOpenPipeline(personCommissionFacts(model, query.userId), query.userId, query.now);
}

/** Disputes, oldest first, optionally one person's or in one status. */
export function disputes(
  model: ReadModel<CommissionFactsDocument>, query: { userId?: string; status?: DisputeDocument['status'] } = {},
): DisputeDocument[] {
  return entriesWithPrefix(model, factsKey('dispute', ''))
    .map(([, doc]) => doc)
    .filter((doc): doc is DisputeDocument => doc.kind === 'dispute')
    .filter((doc) => (query.userId === undefined || doc.userId === query.userId) && (query.status === undefined || doc.status === query.status))
    .sort((a, b) => a.raised.position - b.raised.position);
}

/** The last instant of a quarter: "as known at quarter close". */
export function quarterClose(period: string): string {
  return new Date(periodBounds(period).endMs - 1).toISOString();
}

/**
 * What finance looks at to resolve a dispute: the disputed person's statement for the disputed
 * quarter as known at quarter close and as known now, with the differences and their causes.
 */
export function disputeReview(model: ReadModel<CommissionFactsDocument>, query: { disputeId: string; now: string; knownAtA?: string; knownAtB?: string }):
  { dispute: DisputeDocument; reconstruction: Reconstruction } | undefined {
  const dispute = model.get(`dispute:${query.disputeId}`);
  if (dispute === undefined || dispute.kind !== 'dispute') return undefined;
  return {
    dispute,
    reconstruction: reconstruction(model, { userId: dispute.userId, period: dispute.period, knownAtA: query.knownAtA, knownAtB: query.knownAtB, now: query.now }),
  };
}

/** A plan with every version published, oldest first; undefined when there is none. */
export function planWithVersions(model: ReadModel<CommissionFactsDocument>, planId: string): PlanFactsDocument | undefined {
  const doc = model.get(factsKey('plan', planId));
  return doc?.kind === 'plan' ? doc : undefined;
}

/** Every plan, by id, each with its latest version's name and number. */
export function plansList(model: ReadModel<CommissionFactsDocument>): { planId: string; latestVersion: number; name: string; effectiveFrom: string }[] {
  return entriesWithPrefix(model, factsKey('plan', ''))
    .flatMap(([, doc]) => (doc.kind === 'plan' && doc.versions.length > 0 ? [doc] : []))
    .map((doc) => {
      const latest = doc.versions[doc.versions.length - 1];
      return { planId: doc.planId, latestVersion: latest.version, name: latest.name, effectiveFrom: latest.effectiveFrom };
    })
    .sort((a, b) => a.planId.localeCompare(b.planId));
}

/** A person's plan assignments, each with the early endings known so far. */
export function assignmentsOf(model: ReadModel<CommissionFactsDocument>, userId: string): AssignmentFactsDocument['assignments'] {
  const doc = model.get(factsKey('assignment', userId));
  return doc?.kind === 'assignment' ? doc.assignments : [];
}

/** Everyone put on a plan, with the periods. */
export function assignmentsOnPlan(model: ReadModel<CommissionFactsDocument>, planId: string): AssignmentFactsDocument['assignments'] {
  return entriesWithPrefix(model, factsKey('assignment', ''))
    .flatMap(([, doc]) => (doc.kind === 'assignment' ? doc.assignments.filter((a) => a.planId === planId) : []))
    .sort((a, b) => a.userId.localeCompare(b.userId) || a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/** A person's quota attainment in a quarter and the attainment tier reached. */
export function quotaAttainment(model: ReadModel<CommissionFactsDocument>, query: { userId: string; period: string }): Attainment {
  periodBounds(query.period);
  const facts = personCommissionFacts(model, query.userId);
  return attainmentOf(facts, creditedWins(facts, query.userId).wins, query.userId, query.period);
}
