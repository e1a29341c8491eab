import { accountTeamsProjection } from './account-teams/account-teams.projection';
import { auditProjection } from './audit/audit.projection';
import { defaultPipelineCatalog, PipelineCatalog } from '@deals/domain';
import { createCommissionFactsProjection } from './commission/commission-facts.projection';
import { createDealSummaryProjection } from './deal-summary/deal-summary.projection';
import { Projection } from './projection';

/** Every read model, reading stage names and probabilities from `catalog` (the API passes its published versions). */
export function projectionsFor(catalog: PipelineCatalog): readonly Projection<unknown>[] {
  return [
    createDealSummaryProjection(catalog), auditProjection, createCommissionFactsProjection(catalog), accountTeamsProjection,
  ] as Projection<unknown>[];
}

/** Every read model the engine keeps: the API serves them, the CLI rebuilds them, the benchmark measures them. */
export const PROJECTIONS: readonly Projection<unknown>[] = projectionsFor(defaultPipelineCatalog);
