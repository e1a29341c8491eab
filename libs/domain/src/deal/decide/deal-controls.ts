import { ControlLimits, DEFAULT_CONTROL_LIMITS } from '../../controls/control-limits';
import { DealDeskPolicy, DEFAULT_DEAL_DESK_POLICY } from '../../controls/deal-desk-policy';
import { DealTeamRole } from '../deal-team';

/** The limits and lookups the controls on a deal need; without a directory, everyone may receive credit. */
export interface DealControls {
  readonly limits: ControlLimits;
  /** Why a person cannot receive credit (unregistered, deactivated, no selling role), or undefined when they can. */
  readonly creditIneligibility?: (userId: string) => string | undefined;
  /** When agreed terms wait for a manager's approval before the close (deal-desk.ts); absent: the defaults. */
  readonly dealDesk?: DealDeskPolicy;
}

export const DEFAULT_DEAL_CONTROLS: DealControls = { limits: DEFAULT_CONTROL_LIMITS, dealDesk: DEFAULT_DEAL_DESK_POLICY };

/** Team roles that earn credit; the others (support, implementation, customer success) do not. */
export const CREDIT_ROLES: readonly DealTeamRole[] = [
  'account-executive', 'sales-development-rep', 'sales-engineer', 'executive-sponsor', 'marketing-rep',
];
