import { ORGANISATION_ROLES, OrganisationRole } from '../../deal/deal-access';
import { Decider } from '../../shared/decider';
import { requireText } from '../../shared/required';
import { UserCommand } from './user.commands';
import { UserErrors } from './user.errors';
import { UserEvent } from './user.events';
import { initialUserState, UserState } from './user.state';

/** The same shape as an actor id in a token's `sub`. */
export const USER_ID = /^[A-Za-z0-9._@-]{1,100}$/;

export type UserDecider = Decider<UserState, UserCommand, UserEvent>;

export function requireUserId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !USER_ID.test(value)) throw UserErrors.idInvalid(field, value);
  return value;
}

export function requireRoles(roles: unknown): OrganisationRole[] {
  const list = Array.isArray(roles) ? (roles as unknown[]) : [];
  const known = list.every((role) => (ORGANISATION_ROLES as readonly unknown[]).includes(role));
  if (list.length === 0 || !known || new Set(list).size !== list.length) throw UserErrors.rolesInvalid(roles, ORGANISATION_ROLES);
  return list as OrganisationRole[];
}

function decide(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'RegisterUser': {
      const { data } = command;
      const userId = requireUserId(data.userId, 'userId');
      if (state.exists) throw UserErrors.alreadyExists(userId);
      const name = requireText(data.name, 'name').trim();
      const roles = requireRoles(data.roles);
      if (data.managerId === undefined) return [{ type: 'UserRegistered', data: { userId, name, roles } }];
      const managerId = requireUserId(data.managerId, 'managerId');
      if (managerId === userId) throw UserErrors.selfManaged(userId);
      return [{ type: 'UserRegistered', data: { userId, name, roles, managerId } }];
    }
    case 'ChangeUserRoles': {
      if (!state.exists) throw UserErrors.notFound(command.data.userId);
      const roles = requireRoles(command.data.roles);
      const same = roles.length === state.roles.length && roles.every((role) => state.roles.includes(role));
      return same ? [] : [{ type: 'UserRolesChanged', data: { roles } }];
    }
    case 'DeactivateUser': {
      if (!state.exists) throw UserErrors.notFound(command.data.userId);
      if (!state.active) throw UserErrors.alreadyInactive(state.userId);
      return [{ type: 'UserDeactivated', data: { reason: requireText(command.data.reason, 'reason').trim() } }];
    }
    case 'ReactivateUser': {
      if (!state.exists) throw UserErrors.notFound(command.data.userId);
      if (state.active) throw UserErrors.notInactive(state.userId);
      return [{ type: 'UserReactivated', data: { reason: requireText(command.data.reason, 'reason').trim() } }];
    }
  }
}

function evolve(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, name, roles, managerId } = event.data;
      return { exists: true, active: true, userId, name, roles, ...(managerId === undefined ? {} : { managerId }) };
    }
    case 'UserRolesChanged':
      return { ...state, roles: event.data.roles };
    case 'UserDeactivated':
      return { ...state, active: false };
    case 'UserReactivated':
      return { ...state, active: true };
    default:
      return state;
  }
}

/** A user of the engine: who they are, their organisation roles and their manager. */
export function createUserDecider(): UserDecider {
  return { decide, evolve, initialState: initialUserState };
}
