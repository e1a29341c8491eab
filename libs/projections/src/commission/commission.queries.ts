import { CommissionFacts } from '@deals/domain/commission/calculate/facts';
import { estimateOpenPipeline, PipelineEstimate } from '@deals/domain/commission/calculate/estimate';
import { reconstruct, Reconstruction } from '@deals/domain/commission/calculate/reconstruct';
import { commissionStatement } from '@deals/domain/commission/calculate/statement';
import { Statement } from '@deals/domain/commission/calculate/statement.types';
import { periodBounds } from '@deals/domain/commission/period';
import { ReadModel } from '../projection';
import { CommissionFactsDocument, DisputeDocument } from './commission-facts.document';

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
  };
}

/** A person's statement for a quarter (`2026-Q1`), as known now or at a past recorded moment. */
export function statement(model: ReadModel<CommissionFactsDocument>, query: { userId: string; period: string; asKnownAt?: string }): Statement {
  return commissionStatement(commissionFactsOf(model), query);
}

/** The statement as known at two recorded moments, and each line's difference with the events that caused it. */
export function reconstruction(
  model: ReadModel<CommissionFactsDocument>,
  query: { userId: string; period: string; lineId?: string; knownAtA: string; knownAtB: string },
): Reconstruction {
  return reconstruct(commissionFactsOf(model), query);
}

/** Estimated commission on the person's open deals (credit × rate × stage probability). */
export function openPipelineEstimate(model: ReadModel<CommissionFactsDocument>, query: { userId: string; now: string }): PipelineEstimate {
  return estimateOpenPipeline(commissionFactsOf(model), query.userId, query.now);
}

/** Disputes, oldest first, optionally one person's or in one status. */
export function disputes(
  model: ReadModel<CommissionFactsDocument>, query: { userId?: string; status?: DisputeDocument['status'] } = {},
): DisputeDocument[] {
  return [...model.values()]
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
export function disputeReview(model: ReadModel<CommissionFactsDocument>, query: { disputeId: string; now: string }):
  { dispute: DisputeDocument; reconstruction: Reconstruction } | undefined {
  const dispute = model.get(`dispute:${query.disputeId}`);
  if (dispute === undefined || dispute.kind !== 'dispute') return undefined;
  return {
    dispute,
    reconstruction: reconstruction(model, { userId: dispute.userId, period: dispute.period, knownAtA: quarterClose(dispute.period), knownAtB: query.now }),
  };
}
