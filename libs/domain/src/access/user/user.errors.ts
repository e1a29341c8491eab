import { DomainError } from '../../shared/domain-error';

export const UserErrors = {
  idInvalid: (field: string, value: unknown) =>
    new DomainError('USER.ID_INVALID', 'invalid', `${field} must be 1-100 of A-Z a-z 0-9 . _ @ -; got ${JSON.stringify(value)}.`,
      { field, value }),
  alreadyExists: (userId: string) =>
    new DomainError('USER.ALREADY_EXISTS', 'conflict', `User ${userId} is already registered.`, { userId }),
  notFound: (userId: string) =>
    new DomainError('USER.NOT_FOUND', 'not_found', `No registered user ${userId}.`, { userId }),
  rolesInvalid: (roles: unknown, allowed: readonly string[]) =>
    new DomainError('USER.ROLES_INVALID', 'invalid',
      `roles must be a non-empty list of distinct organisation roles (${allowed.join(', ')}); got ${JSON.stringify(roles)}.`,
      { roles, allowed }),
  alreadyInactive: (userId: string) =>
    new DomainError('USER.ALREADY_DEACTIVATED', 'conflict', `User ${userId} is already deactivated.`, { userId }),
  notInactive: (userId: string) =>
    new DomainError('USER.NOT_DEACTIVATED', 'conflict', `User ${userId} is active.`, { userId }),
  selfManaged: (userId: string) =>
    new DomainError('USER.MANAGER_INVALID', 'invalid', `${userId} cannot be their own manager.`, { userId }),
};
