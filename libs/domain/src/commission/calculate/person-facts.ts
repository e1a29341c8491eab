import { mayCredit } from './credit';
import { CommissionFacts } from './facts';

/**
 * The facts one person's statements, reconstructions and estimate depend on, so they need not
 * copy or read every deal: every plan version; the person's assignments and adjustments; the
 * deals that may credit them (`mayCredit`) or that their adjustments name, with every deal of
 * the same id, because a reconstruction finds a line's deal by id; every period close and reopening.
 * Order is kept.
 *
 * Why no answer changes: a deal that cannot credit the person gives them no win, note or
 * estimate line (each needs their share in the split in force), and attainment and SPIF
 * progress count only their own wins; the plan in force is found among their own assignments,
 * and only their own adjustments become lines.
 */
export function factsForPerson(facts: CommissionFacts, userId: string): CommissionFacts {
  const adjustments = facts.adjustments.filter((adjustment) => adjustment.userId === userId);
  const dealIds = new Set<string>();
  for (const deal of facts.deals) if (mayCredit(deal, userId)) dealIds.add(deal.dealId);
  for (const adjustment of adjustments) if (adjustment.dealId !== undefined) dealIds.add(adjustment.dealId);
  return {
    deals: facts.deals.filter((deal) => dealIds.has(deal.dealId)),
    planVersions: facts.planVersions,
    assignments: facts.assignments.filter((assignment) => assignment.userId === userId),
    adjustments,
    periods: facts.periods,
  };
}
