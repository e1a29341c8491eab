import { commissionPlanDecider } from '../commission/plan/commission-plan.decider';
import { createPlanAssignmentDecider } from '../commission/assignment/plan-assignment.decider';
import { createDisputeDecider, DisputePolicy } from '../commission/dispute/dispute.decider';
import { commissionPeriodDecider } from '../commission/period/commission-period.decider';
import { createDealDecider, DealDecider } from '../deal/deal.decider';
import { Command, DomainEvent } from '../shared/message';
import { Decider } from '../shared/decider';
import { authorizedDecider } from './authorized-decider';
import { authorize } from './authorize';
import { pipelineVersionDecider, PipelineVersionDecider } from '../pipeline/version/pipeline-version.decider';
import { authorizeCommissionCommand } from './commission-access';
import { authorizeDealCommand, dealCommandSubject } from './deal-command-access';
import { authorizeTeamCommand } from './team-access';
import { createTeamDecider, TeamDecider, TeamPolicy } from '../team/team.decider';
import { Relations, reportsTo } from './relations';
import { createUserDecider, UserDecider } from './user/user.decider';
import { authorizeUserCommand } from './user/user-access';
import { CommissionCommand } from '../commission/commission.commands';
import { CommissionAggregate } from '../commission/commission-streams';

/** The deal decider behind the access table, for one deal (its id names the resource in a refusal). */
export function authorizedDealDecider(relations: Relations, dealId: string, inner: DealDecider = createDealDecider()): DealDecider {
  return authorizedDecider(inner, (command, state) =>
    authorizeDealCommand(command.type, command.metadata.actor, state, relations, dealId, dealCommandSubject(command)));
}

/** Pipeline versions behind the access table: sales-ops and admins publish. */
export function authorizedPipelineDecider(relations: Relations): PipelineVersionDecider {
  return authorizedDecider(pipelineVersionDecider, (command) =>
    authorize(`pipeline:${command.type}`, command.metadata.actor, { kind: 'organisation' }, relations));
}

/** The user decider behind the access table: admins only, never on themselves. */
export function authorizedUserDecider(inner: UserDecider = createUserDecider()): UserDecider {
  return authorizedDecider(inner, (command) => authorizeUserCommand(command.type, command.metadata.actor, command.data.userId));
}

/** A rep's default team or an account's team behind the access table. */
export function authorizedTeamDecider(relations: Relations, policy?: TeamPolicy): TeamDecider {
  return authorizedDecider(createTeamDecider(policy), (command) => authorizeTeamCommand(command, relations));
}

type AnyDecider = Decider<unknown, Command, DomainEvent>;

/**
 * Plans, assignments, disputes and periods behind the access table; a manager's reach follows the
 * reporting lines. `disputePolicy` carries what the dispute rules read beyond the dispute (credit on the deal,
 * plan currencies, closed periods, the second-approval threshold).
 */
export function authorizedCommissionDecider(
  relations: Relations, aggregate: CommissionAggregate, disputePolicy: Omit<DisputePolicy, 'isManagerOf'> = {},
): Decider<unknown, CommissionCommand, DomainEvent> {
  const inner = (aggregate === 'plan'
    ? commissionPlanDecider
    : aggregate === 'assignment'
      ? createPlanAssignmentDecider({ isRegistered: (userId) => relations.isRegistered?.(userId) ?? true })
      : aggregate === 'period'
        ? commissionPeriodDecider
        : createDisputeDecider({ ...disputePolicy, isManagerOf: (actor, userId) => reportsTo(relations, userId, actor.id) })) as unknown as AnyDecider;
  return authorizedDecider(inner as Decider<unknown, CommissionCommand, DomainEvent>, (command) => authorizeCommissionCommand(command, relations));
}
