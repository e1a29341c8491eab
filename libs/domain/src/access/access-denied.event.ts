import { DomainEvent } from '../shared/message';
import { AccessDenial } from './access-decision';

/** Denials are kept one stream per day (UTC), so a day's denials are one read. */
export const ACCESS_DENIALS_CATEGORY = 'access-denials';

export const accessDenialStreamId = (at: string) => `${ACCESS_DENIALS_CATEGORY}-${at.slice(0, 10)}`;

export type AccessDeniedEvent = DomainEvent<'AccessDenied', {
  actorId: string;
  roles: readonly string[];
  /** The missing permission, e.g. `deal:ChangeAmount`. */
  action: string;
  /** What it was asked on, e.g. `deal/<id>`. */
  resource: string;
  /** The explanation given to the caller. */
  reason: string;
  /** The stable reason code (see DenialReason). */
  reasonCode: string;
}>;

export function accessDenied(actor: { id: string; roles: readonly string[] }, denial: AccessDenial): AccessDeniedEvent {
  return {
    type: 'AccessDenied',
    data: {
      actorId: actor.id,
      roles: [...actor.roles],
      action: denial.permission,
      resource: denial.resource,
      reason: denial.explanation,
      reasonCode: denial.reason,
    },
  };
}
