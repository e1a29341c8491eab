import { OrganisationRole } from '../deal/deal-access';

/** Why access was refused; stable codes clients and auditors can branch on. */
export type DenialReason =
  | 'role' // none of the actor's organisation roles grants the permission
  | 'not-on-deal' // the role grants it only on deals the actor owns or works on
  | 'not-owner' // the role grants it only on deals the actor owns
  | 'not-report' // the role grants it only on the actor's and their reports' deals or people
  | 'not-won' // implementation acts on won deals only
  | 'other-person' // the role grants it only for the actor themselves
  | 'support-rep' // a support rep may not change commercial terms
  | 'team-access' // the deal team gives the caller less than this (read only, or buyer facts only)
  | 'self'; // nobody may do this to or for themselves

export interface AccessDenial {
  /** The permission that was missing, e.g. `deal:ChangeAmount`. */
  readonly permission: string;
  /** What it was asked on, e.g. `deal/<id>`, `person/<id>`, `report/pipeline`. */
  readonly resource: string;
  readonly reason: DenialReason;
  /** A sentence for people. */
  readonly explanation: string;
  /** Organisation roles that hold the permission at all. */
  readonly allowedRoles: readonly OrganisationRole[];
}

export type AccessDecision = { readonly allowed: true } | ({ readonly allowed: false } & AccessDenial);

export const ALLOWED: AccessDecision = { allowed: true };

export function denied(denial: AccessDenial): AccessDecision {
  return { allowed: false, ...denial };
}
