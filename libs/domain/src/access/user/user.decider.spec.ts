import { deciderSpec } from '../../testing/decider-spec';
import { Command } from '../../shared/message';
import { createUserDecider } from './user.decider';
import { UserCommand } from './user.commands';
import { UserEvent } from './user.events';
import { authorizeUserCommand } from './user-access';

const { given } = deciderSpec(createUserDecider());
const admin = { id: 'adam', roles: ['admin'] };
const cmd = <C extends UserCommand>(type: C['type'], data: C['data']) =>
  ({ type, data, metadata: { commandId: 'c', actor: admin, now: '2026-03-01T00:00:00Z' } }) as Command as UserCommand;
const registered: UserEvent = { type: 'UserRegistered', data: { userId: 'ana.ae', name: 'Ana', roles: ['rep'], managerId: 'maria.manager' } };

describe('user decider', () => {
  it('registers a user with roles and a manager', () => {
    given([]).when(cmd('RegisterUser', { userId: 'ana.ae', name: ' Ana ', roles: ['rep'], managerId: 'maria.manager' })).then([
      { type: 'UserRegistered', data: { userId: 'ana.ae', name: 'Ana', roles: ['rep'], managerId: 'maria.manager' } },
    ]);
  });

  it('refuses a second registration, bad ids, unknown or no roles, and self-management', () => {
    given([registered]).when(cmd('RegisterUser', { userId: 'ana.ae', name: 'Ana', roles: ['rep'] })).thenThrows('USER.ALREADY_EXISTS');
    given([]).when(cmd('RegisterUser', { userId: 'ana ae', name: 'Ana', roles: ['rep'] })).thenThrows('USER.ID_INVALID');
    given([]).when(cmd('RegisterUser', { userId: 'a', name: 'A', roles: ['wizard'] })).thenThrows('USER.ROLES_INVALID');
    given([]).when(cmd('RegisterUser', { userId: 'a', name: 'A', roles: [] })).thenThrows('USER.ROLES_INVALID');
    given([]).when(cmd('RegisterUser', { userId: 'a', name: 'A', roles: ['rep', 'rep'] })).thenThrows('USER.ROLES_INVALID');
    given([]).when(cmd('RegisterUser', { userId: 'a', name: ' ', roles: ['rep'] })).thenThrows('FIELD.REQUIRED');
    given([]).when(cmd('RegisterUser', { userId: 'a', name: 'A', roles: ['rep'], managerId: 'a' })).thenThrows('USER.MANAGER_INVALID');
  });

  it('changes roles, and does nothing when they are the same', () => {
    const state = given([registered]).when(cmd('ChangeUserRoles', { userId: 'ana.ae', roles: ['rep', 'manager'] })).then([
      { type: 'UserRolesChanged', data: { roles: ['rep', 'manager'] } },
    ]);
    expect(state).toMatchObject({ roles: ['rep', 'manager'], managerId: 'maria.manager' });
    given([registered]).when(cmd('ChangeUserRoles', { userId: 'ana.ae', roles: ['rep'] })).then([]);
    given([]).when(cmd('ChangeUserRoles', { userId: 'nobody', roles: ['rep'] })).thenThrows('USER.NOT_FOUND');
  });

  it('lets only admins register people or change roles', () => {
    expect(authorizeUserCommand('RegisterUser', admin, 'x').allowed).toBe(true);
    expect(authorizeUserCommand('ChangeUserRoles', { id: 'maria', roles: ['manager'] }, 'x')).toMatchObject({
      allowed: false, permission: 'user:ChangeUserRoles', allowedRoles: ['admin'],
    });
  });
});
