import { Command } from '../../shared/message';

export type UserCommand =
  | Command<'RegisterUser', { userId: string; name: string; roles: readonly string[]; managerId?: string }>
  | Command<'ChangeUserRoles', { userId: string; roles: readonly string[] }>
  | Command<'DeactivateUser', { userId: string; reason: string }>
  | Command<'ReactivateUser', { userId: string; reason: string }>;

export type UserCommandType = UserCommand['type'];
