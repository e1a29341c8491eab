import { DomainError } from '@deals/domain';

const HOW = 'Send Authorization: Bearer <token>; get one with `npm run token -- <userId>`';
const SIGN_IN = 'Sign in again (POST /auth/sign-in)';

/** 401s: the body names the problem, never the token. */
export const AuthErrors = {
  tokenRequired: () => new DomainError('AUTH.TOKEN_REQUIRED', 'unauthenticated', `No bearer token and no session cookie. ${HOW}, or sign in (POST /auth/sign-in).`),
  tokenInvalid: (problem: string, details: Record<string, unknown> = {}) =>
    new DomainError('AUTH.TOKEN_INVALID', 'unauthenticated', `The bearer token is not valid: ${problem}. ${HOW}.`, { problem, ...details }),
  userUnknown: () =>
    new DomainError('AUTH.USER_UNKNOWN', 'unauthenticated', 'The bearer token names no registered user.'),
  userDeactivated: () =>
    new DomainError('AUTH.USER_DEACTIVATED', 'unauthenticated', 'The bearer token names a deactivated user; an admin can reactivate them.'),
  tokenExpired: (expiredAt: string) =>
    new DomainError('AUTH.TOKEN_EXPIRED', 'unauthenticated', `The bearer token expired at ${expiredAt}. ${HOW}.`, { expiredAt }),
  tokenRevoked: () =>
    new DomainError('AUTH.TOKEN_REVOKED', 'unauthenticated', 'The personal access token was revoked, or never existed.'),
  scopeInsufficient: (scopes: readonly string[]) =>
    new DomainError('AUTH.TOKEN_SCOPE', 'forbidden', `The personal access token's scopes (${scopes.join(', ')}) do not allow changes; it needs the write scope.`,
      { scopes, needed: 'write' }),
  sessionInvalid: () =>
    new DomainError('AUTH.SESSION_INVALID', 'unauthenticated', `The session cookie names no open session: it ended (signed out, new password) or expired. ${SIGN_IN}.`),
  csrfRejected: (problem: string) =>
    new DomainError('AUTH.CSRF_REJECTED', 'forbidden', `A request that changes something with the session cookie needs the session's X-CSRF-Token header: ${problem}.`, { problem }),
  signInFailed: () =>
    new DomainError('AUTH.SIGN_IN_FAILED', 'unauthenticated', 'The user id or the password is wrong.'),
  signInLocked: (retryAfterSeconds: number) =>
    new DomainError('AUTH.SIGN_IN_LOCKED', 'throttled',
      `Too many failed sign-ins: signing in is locked for this user id or address; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { retryAfterSeconds }),
};
