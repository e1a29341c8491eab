import { ApprovalReason, DealDeskReason } from '@deals/domain';
import { DealSummary, PendingChangeSummary } from '../deal-summary/deal-summary';
import { ReadModel } from '../projection';

/**
 * Something waiting for approval on a deal: a proposed change (`kind: 'change'`, reviewed at
 * /deals/:dealId/changes/:proposalId), or terms waiting for the deal desk (`kind: 'deal-desk'`,
 * decided at /deals/:dealId/deal-desk/:proposalId; `type` is AgreeTerms and `data` the figures
 * the request was made on).
 */
export interface PendingApproval extends Omit<PendingChangeSummary, 'reasons'> {
  readonly kind: 'change' | 'deal-desk';
  readonly reasons: readonly (ApprovalReason | DealDeskReason)[];
  readonly dealId: string;
  readonly dealName: string;
  readonly ownerId: string;
  readonly currency: string;
}

/** Everything waiting for approval on the deals given, oldest first. */
export function pendingApprovals(model: ReadModel<DealSummary>, keep: (deal: DealSummary, item: PendingApproval) => boolean = () => true): PendingApproval[] {
  const out: PendingApproval[] = [];
  for (const [, deal] of model) {
    const onDeal = { dealId: deal.dealId, dealName: deal.name, ownerId: deal.ownerId, currency: deal.currency };
    const items: PendingApproval[] = (deal.pendingChanges ?? []).map((change) => ({ kind: 'change', ...onDeal, ...change }));
    const desk = deal.dealDesk;
    if (desk?.status === 'pending') {
      const { priceMinor, referenceMinor, discountBp, paymentTerms, paymentTermsDays, limits } = desk;
      items.push({
        kind: 'deal-desk', ...onDeal, proposalId: desk.requestId, type: 'AgreeTerms',
        data: { priceMinor, referenceMinor, discountBp, paymentTerms, ...(paymentTermsDays === undefined ? {} : { paymentTermsDays }), limits },
        proposedBy: desk.requestedBy, proposedAt: desk.requestedAt, occurredAt: desk.requestedAt, reasons: desk.reasons,
      });
    }
    out.push(...items.filter((item) => keep(deal, item)));
  }
  return out.sort((a, b) => (a.proposedAt < b.proposedAt ? -1 : a.proposedAt > b.proposedAt ? 1 : a.proposalId < b.proposalId ? -1 : 1));
}
