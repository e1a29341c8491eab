import { DealSummary, PendingChangeSummary } from '../deal-summary/deal-summary';
import { ReadModel } from '../projection';

/** A change waiting for approval, with the deal it is on. */
export interface PendingApproval extends PendingChangeSummary {
  readonly dealId: string;
  readonly dealName: string;
  readonly ownerId: string;
  readonly currency: string;
}

/** Every change waiting for approval on the deals given, oldest proposal first. */
export function pendingApprovals(model: ReadModel<DealSummary>, keep: (deal: DealSummary, change: PendingChangeSummary) => boolean = () => true): PendingApproval[] {
  const out: PendingApproval[] = [];
  for (const [, deal] of model) {
    for (const change of deal.pendingChanges ?? []) {
      if (keep(deal, change)) out.push({ dealId: deal.dealId, dealName: deal.name, ownerId: deal.ownerId, currency: deal.currency, ...change });
    }
  }
  return out.sort((a, b) => (a.proposedAt < b.proposedAt ? -1 : a.proposedAt > b.proposedAt ? 1 : a.proposalId < b.proposalId ? -1 : 1));
}
