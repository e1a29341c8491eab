import { CommissionFacts } from '@deals/domain';
import { ReadModel } from '../projection';
import { CommissionFactsDocument } from './commission-facts.document';
import { personCommissionFacts, planWithVersions } from './commission.queries';

/** A deal's name by its id; undefined when the deal is not among the facts the names come from. */
export type DealNames = (dealId: string) => string | undefined;

/** A plan's name by its id: its latest version's (each version has its own). */
export type PlanNames = (planId: string) => string | undefined;

/** Deal names from commission facts; of several deals with one id, the first opened, as the calculation finds them. */
export function dealNamesOf(facts: CommissionFacts): DealNames {
  const names = new Map<string, string>();
  for (const deal of facts.deals) if (!names.has(deal.dealId)) names.set(deal.dealId, deal.name);
  return (dealId) => names.get(dealId);
}

/**
 * The names of the deals a person's answers can show: those of their commission facts (deals
 * that may credit them, or that their adjustments name), so a name never reveals a deal they
 * have no part in — a dispute may name any deal id.
 */
export function personDealNames(model: ReadModel<CommissionFactsDocument>, userId: string): DealNames {
  return dealNamesOf(personCommissionFacts(model, userId));
}

export function planNames(model: ReadModel<CommissionFactsDocument>): PlanNames {
  return (planId) => planWithVersions(model, planId)?.versions.at(-1)?.name;
}
