import { DealState, StageProgress } from '@deals/domain';

/** A deal's current state as the API shows it. */
export interface DealView {
  readonly dealId: string;
  /** Set when the view is as of a past recorded time. */
  readonly asOf?: string;
  readonly revision: number;
  readonly position: number;
  readonly state: DealState;
  readonly stage: StageProgress;
}
