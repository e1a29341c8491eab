import { DomainError } from '@deals/domain';

const AGAIN = 'Start again from the sign-in page.';

/** Refusals of single sign-on; `reason` is what the account audit records. */
export class SsoError extends DomainError {
  constructor(code: string, kind: DomainError['kind'], message: string, readonly reason: string, details: Record<string, unknown> = {}) {
    super(code, kind, message, details);
  }
}

export const SsoErrors = {
  disabled: () => new DomainError('AUTH.SSO_DISABLED', 'not_found', 'Single sign-on is not configured on this server (OIDC_ISSUER); sign in with a password.'),
  flowMissing: () =>
    new SsoError('AUTH.SSO_FLOW_MISSING', 'invalid', `No sign-in with the provider was started in this browser, or it took longer than 10 minutes. ${AGAIN}`, 'flow-missing'),
  stateMismatch: () =>
    new SsoError('AUTH.SSO_STATE_MISMATCH', 'unauthenticated', `The provider's answer does not belong to the sign-in started in this browser (state). ${AGAIN}`, 'state-mismatch'),
  nonceMismatch: () =>
    new SsoError('AUTH.SSO_NONCE_MISMATCH', 'unauthenticated', `The provider's ID token was not issued for this sign-in (nonce). ${AGAIN}`, 'nonce-mismatch'),
  codeRejected: (problem: string) =>
    new SsoError('AUTH.SSO_CODE_REJECTED', 'unauthenticated', `The provider refused the sign-in code: it was used already, expired or not issued for this sign-in. ${AGAIN}`,
      'code-rejected', { problem }),
  tokenInvalid: (problem: string) =>
    new SsoError('AUTH.SSO_TOKEN_INVALID', 'unauthenticated', `The provider's answer could not be verified: ${problem}. ${AGAIN}`, 'token-invalid', { problem }),
  providerError: (error: string, description?: string) =>
    new SsoError('AUTH.SSO_PROVIDER_ERROR', 'invalid', `The provider did not sign you in: ${description ?? error}.`, 'provider-error', { error }),
  providerUnreachable: () =>
    new SsoError('AUTH.SSO_PROVIDER_UNREACHABLE', 'unavailable', 'The sign-in provider cannot be reached just now; try again shortly, or sign in with a password.',
      'provider-unreachable'),
  claimInvalid: (claim: string) =>
    new SsoError('AUTH.SSO_CLAIM_INVALID', 'forbidden', `The provider's "${claim}" claim is missing, unverified or not a user id this engine accepts; ask an admin.`,
      'claim-invalid', { claim }),
  userUnknown: (userId: string) =>
    new SsoError('AUTH.SSO_USER_UNKNOWN', 'forbidden', `${userId} is not registered here; an admin registers people (POST /users) before they sign in.`, 'unknown-user',
      { userId }),
  userDeactivated: (userId: string) =>
    new SsoError('AUTH.SSO_USER_DEACTIVATED', 'forbidden', `${userId} is deactivated here; an admin can reactivate them.`, 'deactivated', { userId }),
  identityConflict: (userId: string) =>
    new SsoError('AUTH.SSO_IDENTITY_CONFLICT', 'forbidden', `${userId} is linked to another account at this provider already; ask an admin.`, 'identity-conflict',
      { userId }),
  noRole: (userId: string, groups: readonly string[]) =>
    new SsoError('AUTH.SSO_NO_ROLE', 'forbidden', `None of ${userId}'s groups at the provider gives a role here; ask an admin to add you to a mapped group.`, 'no-role',
      { userId, groups }),
};

/** The codes the callback can answer, with the words the sign-in page shows. */
export const SSO_CALLBACK_CODES = {
  400: ['AUTH.SSO_FLOW_MISSING', 'AUTH.SSO_PROVIDER_ERROR'],
  401: ['AUTH.SSO_STATE_MISMATCH', 'AUTH.SSO_NONCE_MISMATCH', 'AUTH.SSO_CODE_REJECTED', 'AUTH.SSO_TOKEN_INVALID'],
  403: ['AUTH.SSO_USER_UNKNOWN', 'AUTH.SSO_USER_DEACTIVATED', 'AUTH.SSO_NO_ROLE', 'AUTH.SSO_CLAIM_INVALID', 'AUTH.SSO_IDENTITY_CONFLICT'],
  404: ['AUTH.SSO_DISABLED'],
  503: ['AUTH.SSO_PROVIDER_UNREACHABLE'],
};
