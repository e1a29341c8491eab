import { auditProjection, commissionFactsProjection, dealSummaryProjection, Projection } from '@deals/projections';

/** The API's read models, in the same files: what the CLI rebuilds, the API then serves. */
export const PROJECTIONS = [dealSummaryProjection, auditProjection, commissionFactsProjection] as readonly Projection<unknown>[];

/** Events per transaction for the CLI's long runs; larger than the API's live batches. */
export const CLI_BATCH_SIZE = 2000;
