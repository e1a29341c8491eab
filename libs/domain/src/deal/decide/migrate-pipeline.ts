import { migrationFinding } from '../../pipeline/migration-finding';
import { PipelineCatalog } from '../../pipeline/pipeline-catalog';
import { PipelineErrors } from '../../pipeline/pipeline.errors';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { DealContext } from './deal-context';
import { requireOpen } from './guards';

/** Puts an open deal on a newer version of its pipeline, in the stage `migrationFinding` gives; on it already: nothing. */
export function migratePipeline(command: DealCommandOf<'MigrateDealPipeline'>, context: DealContext, catalog: PipelineCatalog): DealEvent[] {
  requireOpen(context, command.type);
  const { id, version } = context.state.pipeline;
  const { toVersion } = command.data;
  if (toVersion === version) return [];
  if (!Number.isSafeInteger(toVersion) || toVersion < version) {
    throw DealErrors.invalidTransition(`The deal is on version ${version} of '${id}'; it can only move to a newer version.`,
      { pipelineId: id, fromVersion: version, toVersion });
  }
  const to = catalog.get(id, toVersion);
  if (!to) throw PipelineErrors.unknown(id, toVersion);
  const { stageId, finding } = migrationFinding(context.state.stageId, context.state.facts, to);
  return [{
    type: 'DealPipelineMigrated',
    data: { pipelineId: id, fromVersion: version, toVersion, fromStageId: context.state.stageId, stageId, finding },
  }];
}
