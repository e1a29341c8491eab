import { DomainEvent } from '../shared/message';
import { AccessDenial } from './access-decision';

/** Refusals are kept one stream per day (UTC), so a day's refusals are one read. */
export const ACCESS_DENIALS_CATEGORY = 'access-denials';

export const accessDenialStreamId = (at: string) => `${ACCESS_DENIALS_CATEGORY}-${at.slice(0, 10)}`;

/** At most this many distinct resources are named in one record (the count covers the rest). */
export const MAX_RESOURCES_NAMED = 20;

/**
 * Refusals of one permission to one actor within one minute (UTC). The first refusal of a minute
 * is recorded on its own before the 403 is sent; the rest of that minute are counted and
 * recorded together when the minute is over, so a flood of refusals writes two events a minute.
 */
export type AccessDeniedEvent = DomainEvent<'AccessDenied', {
  actorId: string;
  roles: readonly string[];
  /** The missing permission, e.g. `deal:ChangeAmount`. */
  action: string;
  /** The minute, `yyyy-mm-ddThh:mm`. Absent on records written before refusals were counted. */
  minute?: string;
  /** How many refusals this record stands for (1 when absent). */
  count?: number;
  /** The first resource refused, e.g. `deal/<id>`. */
  resource: string;
  /** Distinct resources refused in the record, at most MAX_RESOURCES_NAMED. */
  resources?: readonly string[];
  /** The explanation given to the caller (the first one). */
  reason: string;
  /** The stable reason code (see DenialReason) of the first refusal. */
  reasonCode: string;
}>;

export const minuteOf = (at: string) => at.slice(0, 16);

export function accessDenied(actor: { id: string; roles: readonly string[] }, denial: AccessDenial, at: string, count = 1, resources: readonly string[] = [denial.resource]): AccessDeniedEvent {
  return {
    type: 'AccessDenied',
    data: {
      actorId: actor.id,
      roles: [...actor.roles],
      action: denial.permission,
      minute: minuteOf(at),
      count,
      resource: denial.resource,
      resources: [...resources],
      reason: denial.explanation,
      reasonCode: denial.reason,
    },
  };
}
