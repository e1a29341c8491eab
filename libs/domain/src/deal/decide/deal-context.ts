import { PipelineDefinition } from '../../pipeline/pipeline-definition';
import { Actor } from '../../shared/message';
import { DealState } from '../deal.state';
import { DealControls } from './deal-controls';

/** What every rule on an existing deal gets: its state, its pipeline version, and resolved time. */
export interface DealContext {
  readonly state: DealState;
  readonly pipeline: PipelineDefinition;
  /** Business time of the command, already checked against now and the deal's opening. */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly controls: DealControls;
}
