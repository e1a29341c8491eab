import { OrganisationRole } from '../../deal/deal-access';
import { DomainEvent } from '../../shared/message';

/** A user's stream is `user-<userId>`. */
export const USER_CATEGORY = 'user';
export const userStreamId = (userId: string) => `${USER_CATEGORY}-${userId}`;

export type UserEvent =
  | DomainEvent<'UserRegistered', { userId: string; name: string; roles: readonly OrganisationRole[]; managerId?: string }>
  | DomainEvent<'UserRolesChanged', { roles: readonly OrganisationRole[] }>;
