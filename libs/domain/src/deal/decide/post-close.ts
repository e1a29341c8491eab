import { postCloseStages } from '../../pipeline/pipeline-navigation';
import { copyEvidence, optionalEvidence, requireEvidence } from '../../shared/evidence-check';
import { requireText } from '../../shared/required';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { DealContext } from './deal-context';
import { requireAfterStageEntered } from './guards';
import { isOnTeam, teamMemberAdded } from './team-members';

/** Won, not reversed, in a pipeline that tracks post-close: the common ground of every step. */
function requireLiveWin(context: DealContext, command: string): void {
  const { state } = context;
  if (state.status !== 'won') {
    throw DealErrors.invalidTransition(`${command}: the deal must be closed won first; it is ${state.status}.`,
      { command, status: state.status, required: 'DealClosedWon' });
  }
  if (state.reversed) {
    throw DealErrors.invalidTransition(`${command}: the win was reversed, so there is nothing to implement.`,
      { command, reversed: true });
  }
  if (postCloseStages(context.pipeline).length === 0) {
    throw DealErrors.invalidTransition(`${command}: pipeline '${context.pipeline.id}' does not track post-close stages.`,
      { command, pipelineId: context.pipeline.id });
  }
}

/** The account executive stays accountable; implementation and customer success join the team. */
export function handToImplementation(command: DealCommandOf<'HandToImplementation'>, context: DealContext): DealEvent[] {
  requireLiveWin(context, command.type);
  if (context.state.implementation.handedOff) {
    throw DealErrors.invalidTransition('The deal has already been handed to implementation.', { command: command.type, already: 'DealHandedToImplementation' });
  }
  const implementationLeadId = requireText(command.data.implementationLeadId, 'implementationLeadId');
  const customerSuccessManagerId = requireText(command.data.customerSuccessManagerId, 'customerSuccessManagerId');
  const evidence = optionalEvidence(command.data.evidence);
  requireAfterStageEntered(context);
  const joining = [
    { userId: implementationLeadId, role: 'implementation-lead' as const },
    { userId: customerSuccessManagerId, role: 'customer-success-manager' as const },
  ].filter((member) => !isOnTeam(context.state, member.userId, member.role));
  return [
    { type: 'DealHandedToImplementation', data: { implementationLeadId, customerSuccessManagerId, ...evidence } },
    ...joining.map((member) => teamMemberAdded(member.userId, member.role)),
  ];
}

export function startImplementation(command: DealCommandOf<'StartImplementation'>, context: DealContext): DealEvent[] {
  requireLiveWin(context, command.type);
  const { implementation } = context.state;
  if (!implementation.handedOff) {
    throw DealErrors.invalidTransition('Implementation can start only after the deal is handed to implementation.',
      { command: command.type, required: 'DealHandedToImplementation' });
  }
  if (implementation.started) {
    throw DealErrors.invalidTransition('Implementation has already started.', { command: command.type, already: 'ImplementationStarted' });
  }
  const evidence = optionalEvidence(command.data.evidence);
  requireAfterStageEntered(context);
  return [{ type: 'ImplementationStarted', data: { ...evidence } }];
}

export function goLive(command: DealCommandOf<'GoLive'>, context: DealContext): DealEvent[] {
  requireLiveWin(context, command.type);
  const { implementation } = context.state;
  if (!implementation.started) {
    throw DealErrors.invalidTransition('The customer can go live only after implementation has started.',
      { command: command.type, required: 'ImplementationStarted' });
  }
  if (implementation.live) {
    throw DealErrors.invalidTransition('The customer is already live.', { command: command.type, already: 'DealWentLive' });
  }
  const evidence = copyEvidence(requireEvidence(command.data.evidence));
  requireAfterStageEntered(context);
  return [{ type: 'DealWentLive', data: { evidence } }];
}
