import { ControlLimits, DEFAULT_CONTROL_LIMITS } from '../../controls/control-limits';
import { DealTeamRole } from '../deal-team';

/** The limits and lookups the controls on a deal need; without a directory, everyone may receive credit. */
export interface DealControls {
  readonly limits: ControlLimits;
  /** Why a person cannot receive credit (unregistered, deactivated, no selling role), or undefined when they can. */
  readonly creditIneligibility?: (userId: string) => string | undefined;
}

export const DEFAULT_DEAL_CONTROLS: DealControls = { limits: DEFAULT_CONTROL_LIMITS };

/** Team roles that earn credit; the others (support, implementation, customer success) do not. */
export const CREDIT_ROLES: readonly DealTeamRole[] = [
  'account-executive', 'sales-development-rep', 'sales-engineer', 'executive-sponsor', 'marketing-rep',
];
