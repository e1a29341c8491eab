import { DomainError } from '../shared/domain-error';

export const TeamErrors = {
  memberDuplicate: (index: number, userId: string, role: string) =>
    new DomainError('TEAM.MEMBER_DUPLICATE', 'invalid', `members[${index}]: ${userId} is already listed as ${role}; each person holds each role once.`,
      { index, userId, role }),
  memberIneligible: (index: number, userId: string, problem: string) =>
    new DomainError('TEAM.MEMBER_INELIGIBLE', 'invalid', `members[${index}]: ${userId} cannot be on a team: ${problem}.`, { index, userId, problem }),
  accessUnknown: (field: string, access: unknown, allowed: readonly string[]) =>
    new DomainError('TEAM.ACCESS_UNKNOWN', 'invalid', `${field} ${JSON.stringify(access)} is not one of: ${allowed.join(', ')}.`,
      { field, access, allowed }),
  modeUnknown: (mode: unknown, allowed: readonly string[]) =>
    new DomainError('TEAM.MODE_UNKNOWN', 'invalid', `mode ${JSON.stringify(mode)} is not one of: ${allowed.join(', ')}.`, { mode, allowed }),
};
