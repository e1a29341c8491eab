import { PipelineCatalog, postCloseStages, StageDefinition, wonStage } from '@deals/domain';
import { DealSummary } from '../deal-summary/deal-summary';
import { StuckThresholds } from '../pipeline/stuck-deals.query';

/** The next post-close step a won deal is waiting for. */
export type PostCloseWaitingFor = 'hand-off' | 'implementation-start' | 'go-live';

export interface PostCloseWait {
  readonly waitingFor: PostCloseWaitingFor;
  /** When the previous step happened: the close, the hand-off, the implementation start. */
  readonly since: string;
  /** The stage the deal sits in while it waits. */
  readonly stageId: string;
  /** Null when neither the options nor the pipeline give one: such a wait is never stuck. */
  readonly stuckAfterDays: number | null;
}

/**
 * What a won deal waits for, from its post-close facts; undefined once live. The threshold is the
 * `stuckAfterDays` of the stage the deal sits in while waiting (hand-off → start: the hand-off
 * stage's, 5 days by default; start → live: the implementation stage's, 30 days). The won stage
 * has none in the default pipeline, so the wait for the hand-off borrows the hand-off stage's:
 * customer success is expected to pick a deal up as fast as it then starts it. `thresholds`,
 * keyed by stage id (e.g. `closed-won`), override both.
 */
export function postCloseWait(
  catalog: PipelineCatalog, doc: DealSummary, thresholds: StuckThresholds = {},
): PostCloseWait | undefined {
  const definition = catalog.get(doc.pipeline.id, doc.pipeline.version);
  const won = definition && wonStage(definition);
  const steps: readonly (StageDefinition | undefined)[] = definition ? postCloseStages(definition) : [];
  const threshold = (stage: StageDefinition | undefined, fallback?: StageDefinition) =>
    (stage && thresholds[stage.id]) ?? stage?.stuckAfterDays ?? fallback?.stuckAfterDays ?? null;
  const { handedOffAt, implementationStartedAt, liveAt } = doc.postClose;
  if (doc.closedAt === undefined) return undefined;
  if (handedOffAt === undefined) {
    return { waitingFor: 'hand-off', since: doc.closedAt, stageId: won?.id ?? doc.stageId, stuckAfterDays: threshold(won, steps[0]) };
  }
  if (implementationStartedAt === undefined) {
    return { waitingFor: 'implementation-start', since: handedOffAt, stageId: steps[0]?.id ?? doc.stageId, stuckAfterDays: threshold(steps[0]) };
  }
  if (liveAt === undefined) {
    return { waitingFor: 'go-live', since: implementationStartedAt, stageId: steps[1]?.id ?? doc.stageId, stuckAfterDays: threshold(steps[1]) };
  }
  return undefined;
}
