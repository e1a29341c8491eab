import { createHash } from 'node:crypto';
import { CriterionFinding, migrationFinding, PipelineErrors } from '@deals/domain';
import { canonicalJson, EventStore } from '@deals/event-store';
import { readDeal } from '../../deals/queries/load-deal';
import { LivePipelineCatalog } from '../live-pipeline-catalog';
import { pipelineNotFound } from '../pipeline-params';
import { openDealsOn } from './open-deals';

export interface DealMigrationRow {
  readonly dealId: string;
  readonly name: string;
  readonly fromVersion: number;
  readonly fromStageId: string;
  /** The stage the deal would be in under the new version. */
  readonly stageId: string;
  readonly placement: 'kept' | 'first-unmet';
  readonly criteria: readonly CriterionFinding[];
}

export interface MigrationPlan {
  readonly pipelineId: string;
  readonly toVersion: number;
  readonly deals: readonly DealMigrationRow[];
  /** sha256 of the plan's canonical JSON: pass it to the migration to move exactly what was reviewed. */
  readonly digest: string;
}

/**
 * Every open deal on an older version of the pipeline, each read from its stream now, with the
 * stage it would be in under `toVersion` and each criterion up to that stage met or missing.
 */
export async function migrationPlan(store: EventStore, catalog: LivePipelineCatalog, pipelineId: string, toVersion: number): Promise<MigrationPlan> {
  if (catalog.versionsOf(pipelineId).length === 0) throw pipelineNotFound(pipelineId);
  const to = catalog.version(pipelineId, toVersion)?.definition;
  if (!to) throw PipelineErrors.unknown(pipelineId, toVersion);
  const deals: DealMigrationRow[] = [];
  for (const { dealId, version } of await openDealsOn(store, pipelineId)) {
    if (version >= toVersion) continue;
    const { state } = await readDeal(store, dealId, catalog);
    // The stream is the truth: a deal closed or moved since the scan's page is left out.
    if (!state.exists || state.status !== 'open' || state.pipeline.id !== pipelineId || state.pipeline.version >= toVersion) continue;
    const { stageId, finding } = migrationFinding(state.stageId, state.facts, to);
    deals.push({
      dealId, name: state.name, fromVersion: state.pipeline.version, fromStageId: state.stageId, stageId,
      placement: finding.placement, criteria: finding.criteria,
    });
  }
  deals.sort((a, b) => a.dealId.localeCompare(b.dealId));
  const digest = createHash('sha256').update(canonicalJson({ pipelineId, toVersion, deals })).digest('hex');
  return { pipelineId, toVersion, deals, digest };
}
