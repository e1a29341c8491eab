import { CommissionCommand } from '../commission/commission.commands';
import { AccessDecision } from './access-decision';
import { authorize } from './authorize';
import { Relations } from './relations';

/** Plans, assignments and resolutions are finance's; a dispute is raised by the person paid or their managers. */
export function authorizeCommissionCommand(command: CommissionCommand, relations: Relations): AccessDecision {
  const { actor } = command.metadata;
  const operation = `commission:${command.type}` as const;
  switch (command.type) {
    case 'AssignPlan':
    case 'EndPlanAssignment':
    case 'RaiseDispute':
      return authorize(operation, actor, { kind: 'person', personId: String(command.data.userId) }, relations);
    default:
      return authorize(operation, actor, { kind: 'organisation' }, relations);
  }
}
