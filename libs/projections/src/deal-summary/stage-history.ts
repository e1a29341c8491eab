import { DealStatus, PipelineCatalog, PipelineRef, stageById } from '@deals/domain';
import { DealSummary, StageEntryVia, StageStay } from './deal-summary';

/** Name and win probability of a stage, from the deal's own pipeline version. */
export function stageFacts(
  catalog: PipelineCatalog, pipeline: PipelineRef, stageId: string, status: DealStatus,
): { stageName: string; probability: number } {
  const definition = catalog.get(pipeline.id, pipeline.version);
  const stage = definition && stageById(definition, stageId);
  // A pipeline this binary does not know: the status still says whether the deal was won.
  return stage ? { stageName: stage.name, probability: stage.probability } : { stageName: stageId, probability: status === 'won' ? 1 : 0 };
}

/** The summary with the current stay closed at `at` and a new one opened in `stageId`. */
export function enterStage(
  catalog: PipelineCatalog, doc: DealSummary, stageId: string | undefined, at: string, via: StageEntryVia,
): DealSummary {
  if (stageId === undefined) return doc;
  const history: StageStay[] = doc.stageHistory.map((stay, index) =>
    index === doc.stageHistory.length - 1 && stay.leftAt === undefined ? { ...stay, leftAt: at } : stay);
  history.push({ stageId, enteredAt: at, via });
  return {
    ...doc, ...stageFacts(catalog, doc.pipeline, stageId, doc.status),
    stageId, stageEnteredAt: at, stageHistory: history,
  };
}
