import { ControlLimits, DEFAULT_CONTROL_LIMITS, DEFAULT_DEAL_DESK_POLICY, DealControls, DealDeskPolicy } from '@deals/domain';
import { UserDirectory } from '@deals/projections';

/** Organisation roles that sell, and so may receive credit on a deal. */
export const CREDIT_ELIGIBLE_ROLES = ['rep', 'manager'] as const;

/** The controls on deal commands: the configured limits and deal desk, and who may receive credit as the user directory knows it now. */
export function dealControls(
  directory: Pick<UserDirectory, 'find'>, limits: ControlLimits = DEFAULT_CONTROL_LIMITS, dealDesk: DealDeskPolicy = DEFAULT_DEAL_DESK_POLICY,
): DealControls {
  return {
    limits,
    dealDesk,
    creditIneligibility: (userId) => {
      const user = directory.find(userId);
      if (!user) return 'not a registered user';
      if (!user.active) return 'deactivated';
      if (!user.roles.some((role) => (CREDIT_ELIGIBLE_ROLES as readonly string[]).includes(role))) {
        return `holds no selling role (${CREDIT_ELIGIBLE_ROLES.join(' or ')})`;
      }
      return undefined;
    },
  };
}
