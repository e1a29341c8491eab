import { OrganisationRole } from '../../deal/deal-access';
import { DomainEvent } from '../../shared/message';

/** A user's stream is `user-<userId>`. */
export const USER_CATEGORY = 'user';
export const userStreamId = (userId: string) => `${USER_CATEGORY}-${userId}`;

export type UserEvent =
  | DomainEvent<'UserRegistered', { userId: string; name: string; roles: readonly OrganisationRole[]; managerId?: string }>
  | DomainEvent<'UserRolesChanged', { roles: readonly OrganisationRole[] }>
  /** The person may no longer sign in or act; their tokens stop working at once. */
  | DomainEvent<'UserDeactivated', { reason: string }>
  | DomainEvent<'UserReactivated', { reason: string }>;
