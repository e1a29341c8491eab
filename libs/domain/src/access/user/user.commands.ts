import { Command } from '../../shared/message';

export type UserCommand =
  | Command<'RegisterUser', { userId: string; name: string; roles: readonly string[]; managerId?: string }>
  | Command<'ChangeUserRoles', { userId: string; roles: readonly string[] }>;

export type UserCommandType = UserCommand['type'];
