import { defaultPipelineCatalog, PipelineCatalog } from '../pipeline/pipeline-catalog';
import { Decider } from '../shared/decider';
import { DealCommand } from './deal.commands';
import { createDealDecide } from './deal.decide';
import { DealControls } from './decide/deal-controls';
import { DealEvent } from './deal.events';
import { createDealEvolve } from './deal.evolve';
import { DealState, initialDealState } from './deal.state';

export type DealDecider = Decider<DealState, DealCommand, DealEvent>;

/** The deal aggregate as three pure functions, bound to the pipeline versions it may follow. */
export function createDealDecider(catalog: PipelineCatalog = defaultPipelineCatalog, controls?: DealControls): DealDecider {
  return {
    decide: createDealDecide(catalog, controls),
    evolve: createDealEvolve(catalog),
    initialState: initialDealState,
  };
}
