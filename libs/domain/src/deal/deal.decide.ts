import { PipelineCatalog } from '../pipeline/pipeline-catalog';
import { PipelineErrors } from '../pipeline/pipeline.errors';
import { resolveOccurredAt } from '../shared/time';
import { DealCommand } from './deal.commands';
import { DealErrors } from './deal.errors';
import { DealEvent } from './deal.events';
import { DealState } from './deal.state';
import { advanceStage } from './decide/advance-stage';
import { isBuyerFactCommand, recordBuyerFact } from './decide/buyer-facts';
import { changeAmount } from './decide/change-amount';
import { recordCustomFact } from './decide/custom-facts';
import { migratePipeline } from './decide/migrate-pipeline';
import { closeLost } from './decide/close-lost';
import { closeWon } from './decide/close-won';
import { setCreditSplits } from './decide/credit-splits';
import { approvalReasons, proposeChange, reviewDealChange, withdrawDealChange } from './decide/approvals';
import { DealControls, DEFAULT_DEAL_CONTROLS } from './decide/deal-controls';
import { DealContext } from './decide/deal-context';
import { decideDealDesk } from './decide/deal-desk';
import { openDeal } from './decide/open-deal';
import { overrideStage } from './decide/override-stage';
import { goLive, handToImplementation, startImplementation } from './decide/post-close';
import { reverseWonDeal } from './decide/reverse-won-deal';
import { addTeamMember, removeTeamMember } from './decide/team-members';
import { StandingTeams } from '../team/team-at-open';

/**
 * Routes a command to its rule after the checks every command on an existing deal shares. A
 * change that needs someone else's approval (approvals.ts) is checked in full, then proposed.
 */
export function createDealDecide(
  catalog: PipelineCatalog, controls: DealControls = DEFAULT_DEAL_CONTROLS, standing: StandingTeams = {},
): (command: DealCommand, state: DealState) => DealEvent[] {
  return (command, state) => {
    if (command.type === 'OpenDeal') return openDeal(command, state, catalog, standing);
    if (!state.exists) throw DealErrors.notFound(command.type);
    const pipeline = catalog.get(state.pipeline.id, state.pipeline.version);
    if (!pipeline) throw PipelineErrors.unknown(state.pipeline.id, state.pipeline.version);
    const occurredAt = resolveOccurredAt(command.metadata,
      state.openedAt === undefined ? undefined : { at: state.openedAt, label: 'opening of the deal' });
    const context: DealContext = { state, pipeline, occurredAt, actor: command.metadata.actor, controls };

    if (command.type === 'ReviewDealChange') return reviewDealChange(command, context, route);
    if (command.type === 'WithdrawDealChange') return withdrawDealChange(command, context);
    if (command.type === 'DecideDealDesk') return decideDealDesk(command, context);
    if (command.type === 'MigrateDealPipeline') return migratePipeline(command, context, catalog);
    const events = route(command, context);
    const reasons = approvalReasons(command, context);
    return reasons.length > 0 ? proposeChange(command, context, reasons) : events;
  };
}

function route(command: DealCommand, context: DealContext): DealEvent[] {
  const { state } = context;
  if (isBuyerFactCommand(command)) return recordBuyerFact(command, context);
  switch (command.type) {
    case 'RecordBuyerFact': return recordCustomFact(command, context);
    case 'ChangeAmount': return changeAmount(command, context);
    case 'AdvanceStage': return advanceStage(command, context);
    case 'OverrideStage': return overrideStage(command, context);
    case 'CloseWon': return closeWon(command, context);
    case 'CloseLost': return closeLost(command, context);
    case 'ReverseWonDeal': return reverseWonDeal(command, context);
    case 'HandToImplementation': return handToImplementation(command, context);
    case 'StartImplementation': return startImplementation(command, context);
    case 'GoLive': return goLive(command, context);
    case 'AddTeamMember': return addTeamMember(command, state);
    case 'RemoveTeamMember': return removeTeamMember(command, state);
    case 'SetCreditSplits': return setCreditSplits(command, context);
    case 'OpenDeal':
    case 'ReviewDealChange':
    case 'WithdrawDealChange':
    case 'DecideDealDesk':
    case 'MigrateDealPipeline':
      throw DealErrors.invalidTransition(`${command.type} cannot be proposed.`, { command: command.type });
    default: {
      const unhandled: never = command;
      throw DealErrors.invalidTransition(`Unknown command ${(unhandled as DealCommand).type}.`, {});
    }
  }
}
