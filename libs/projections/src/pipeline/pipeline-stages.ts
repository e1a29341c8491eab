import {
  defaultPipelineCatalog, PipelineCatalog, PipelineDefinition, PipelineErrors, StageDefinition, StagePhase,
  stageById,
} from '@deals/domain';
import { DealSummary } from '../deal-summary/deal-summary';

/** Every query may be given the catalog the projection was built with; the default catalog otherwise. */
export interface CatalogOption {
  readonly catalog?: PipelineCatalog;
}

export const catalogOf = (options: CatalogOption): PipelineCatalog => options.catalog ?? defaultPipelineCatalog;

/** The latest version of `pipelineId` (the catalog's default pipeline when absent); PIPELINE.UNKNOWN otherwise. */
export function resolvePipeline(catalog: PipelineCatalog, pipelineId?: string): PipelineDefinition {
  if (pipelineId === undefined) return catalog.default;
  const definition = catalog.latest(pipelineId);
  if (!definition) throw PipelineErrors.unknown(pipelineId);
  return definition;
}

/** A stage as the deal's own pipeline version defines it. */
export function dealStage(catalog: PipelineCatalog, doc: DealSummary, stageId: string): StageDefinition | undefined {
  const definition = catalog.get(doc.pipeline.id, doc.pipeline.version);
  return definition && stageById(definition, stageId);
}

export interface StageRowKey {
  readonly stageId: string;
  readonly stageName: string;
}

/**
 * Per-stage rows: the stages of `definition` with one of `phases`, in pipeline order (zero rows
 * included), then any other stage id a deal on another version of the pipeline reports, by id.
 */
export class StageRows<A> {
  private readonly rows = new Map<string, { key: StageRowKey; acc: A }>();
  private readonly extra = new Map<string, { key: StageRowKey; acc: A }>();

  constructor(definition: PipelineDefinition, private readonly phases: readonly StagePhase[], private readonly init: () => A) {
    for (const stage of definition.stages) {
      if (phases.includes(stage.phase)) this.rows.set(stage.id, { key: { stageId: stage.id, stageName: stage.name }, acc: init() });
    }
  }

  /** The accumulator of a stage, or undefined when the stage's phase is not one of the row phases. */
  at(stage: StageDefinition | undefined, stageId: string): A | undefined {
    const known = this.rows.get(stageId) ?? this.extra.get(stageId);
    if (known) return known.acc;
    if (!stage || !this.phases.includes(stage.phase)) return undefined;
    const row = { key: { stageId, stageName: stage.name }, acc: this.init() };
    this.extra.set(stageId, row);
    return row.acc;
  }

  map<R>(f: (key: StageRowKey, acc: A) => R): R[] {
    const extra = [...this.extra.values()].sort((a, b) => (a.key.stageId < b.key.stageId ? -1 : 1));
    return [...this.rows.values(), ...extra].map((row) => f(row.key, row.acc));
  }
}
