import { accountTeamsProjection } from './account-teams/account-teams.projection';
import { auditProjection } from './audit/audit.projection';
import { commissionFactsProjection } from './commission/commission-facts.projection';
import { dealSummaryProjection } from './deal-summary/deal-summary.projection';
import { Projection } from './projection';

/** Every read model the engine keeps: the API serves them, the CLI rebuilds them, the benchmark measures them. */
export const PROJECTIONS: readonly Projection<unknown>[] = [
  dealSummaryProjection, auditProjection, commissionFactsProjection, accountTeamsProjection,
] as Projection<unknown>[];
