import { DealTeamRole } from './deal-team';

/** Basis points: 10,000 = 100%. */
export const FULL_SHARE_BP = 10_000;

/** One person's credit on a deal. Revenue shares total exactly 100%; overlay shares are extra credit. */
export interface CreditShare {
  readonly userId: string;
  readonly role: DealTeamRole;
  readonly shareBp: number;
}
