import { DomainError } from '../../shared/domain-error';

const NEW_LINK = 'Ask an admin for a new link.';

export const CredentialErrors = {
  linkInvalid: () =>
    new DomainError('ACCOUNT.LINK_INVALID', 'invalid', `This link is not valid: it was used already, replaced by a newer one, or never issued. ${NEW_LINK}`),
  linkExpired: (expiredAt: string) =>
    new DomainError('ACCOUNT.LINK_EXPIRED', 'invalid', `This link expired at ${expiredAt}. ${NEW_LINK}`, { expiredAt }),
  passwordAlreadySet: (userId: string) =>
    new DomainError('ACCOUNT.PASSWORD_ALREADY_SET', 'conflict', `${userId} has a password already; issue a password reset instead of an invitation.`, { userId }),
  userInactive: (userId: string) =>
    new DomainError('ACCOUNT.USER_INACTIVE', 'conflict', `${userId} is not an active registered user.`, { userId }),
  noPassword: (userId: string) =>
    new DomainError('ACCOUNT.NO_PASSWORD', 'conflict', `${userId} has no password yet.`, { userId }),
  tokenNotFound: (userId: string, tokenId: string) =>
    new DomainError('ACCOUNT.TOKEN_NOT_FOUND', 'not_found', `${userId} has no access token ${tokenId}.`, { userId, tokenId }),
  tokenScopesInvalid: (scopes: unknown, allowed: readonly string[]) =>
    new DomainError('ACCOUNT.TOKEN_SCOPES_INVALID', 'invalid', `scopes must be a non-empty list of distinct scopes (${allowed.join(', ')}); got ${JSON.stringify(scopes)}.`,
      { scopes, allowed }),
  tooManyTokens: (userId: string, max: number) =>
    new DomainError('ACCOUNT.TOKEN_LIMIT', 'conflict', `${userId} has ${max} active access tokens already; revoke one first.`, { userId, max }),
  passwordWeak: (problem: string, minLength: number) =>
    new DomainError('ACCOUNT.PASSWORD_WEAK', 'invalid', `The password is not acceptable: ${problem}.`, { problem, minLength }),
};
