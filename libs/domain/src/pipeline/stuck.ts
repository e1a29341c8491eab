import { daysBetween } from '../shared/time';
import { StageDefinition } from './pipeline-definition';

/** True once a deal has sat in `stage` longer than the stage's `stuckAfterDays`. */
export function isStageStuck(stage: StageDefinition, stageEnteredAt: string, now: string): boolean {
  return stage.stuckAfterDays !== undefined && daysBetween(stageEnteredAt, now) > stage.stuckAfterDays;
}
