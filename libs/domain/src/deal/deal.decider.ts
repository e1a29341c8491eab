import { defaultPipelineCatalog, PipelineCatalog } from '../pipeline/pipeline-catalog';
import { Decider } from '../shared/decider';
import { DealCommand } from './deal.commands';
import { createDealDecide } from './deal.decide';
import { DealControls } from './decide/deal-controls';
import { DealEvent } from './deal.events';
import { createDealEvolve } from './deal.evolve';
import { DealState, initialDealState } from './deal.state';
import { StandingTeams } from '../team/team-at-open';

export type DealDecider = Decider<DealState, DealCommand, DealEvent>;

/**
 * The deal aggregate as three pure functions, bound to the pipeline versions it may follow. The
 * standing teams (the owner's default team, the account's team) are read before an OpenDeal.
 */
export function createDealDecider(catalog: PipelineCatalog = defaultPipelineCatalog, controls?: DealControls, standing?: StandingTeams): DealDecider {
  return {
    decide: createDealDecide(catalog, controls, standing),
    evolve: createDealEvolve(catalog),
    initialState: initialDealState,
  };
}
