import { DomainError } from '@deals/domain';

const HOW = 'Send Authorization: Bearer <token>; get one with `npm run token -- <userId>`';

/** 401s: the body names the problem, never the token. */
export const AuthErrors = {
  tokenRequired: () => new DomainError('AUTH.TOKEN_REQUIRED', 'unauthenticated', `No bearer token. ${HOW}.`),
  tokenInvalid: (problem: string, details: Record<string, unknown> = {}) =>
    new DomainError('AUTH.TOKEN_INVALID', 'unauthenticated', `The bearer token is not valid: ${problem}. ${HOW}.`, { problem, ...details }),
  userUnknown: () =>
    new DomainError('AUTH.USER_UNKNOWN', 'unauthenticated', 'The bearer token names no registered user.'),
  userDeactivated: () =>
    new DomainError('AUTH.USER_DEACTIVATED', 'unauthenticated', 'The bearer token names a deactivated user; an admin can reactivate them.'),
  tokenExpired: (expiredAt: string) =>
    new DomainError('AUTH.TOKEN_EXPIRED', 'unauthenticated', `The bearer token expired at ${expiredAt}. ${HOW}.`, { expiredAt }),
};
