/** What the sign-in page says when the provider's sign-in was refused (the API's AUTH.SSO_* codes). */
const WORDS: Record<string, string> = {
  'AUTH.SSO_FLOW_MISSING': 'The sign-in with the provider took too long or was started in another browser. Please try again.',
  'AUTH.SSO_STATE_MISMATCH': 'The provider\'s answer did not belong to the sign-in started here, so it was refused. Please try again.',
  'AUTH.SSO_NONCE_MISMATCH': 'The provider\'s answer was not issued for this sign-in, so it was refused. Please try again.',
  'AUTH.SSO_CODE_REJECTED': 'The provider refused the sign-in (it was used already or expired). Please try again.',
  'AUTH.SSO_TOKEN_INVALID': 'The provider\'s answer could not be verified. Please try again, or ask an admin.',
  'AUTH.SSO_PROVIDER_ERROR': 'The provider did not sign you in (cancelled or refused).',
  'AUTH.SSO_PROVIDER_UNREACHABLE': 'The sign-in provider cannot be reached just now. Try again shortly, or sign in with a password.',
  'AUTH.SSO_USER_UNKNOWN': 'You are signed in at the provider, but not registered here. Ask an admin to register you.',
  'AUTH.SSO_USER_DEACTIVATED': 'Your account here is deactivated. Ask an admin to reactivate it.',
  'AUTH.SSO_NO_ROLE': 'None of your groups at the provider gives you a role here. Ask an admin to add you to the right group.',
  'AUTH.SSO_CLAIM_INVALID': 'The provider did not say who you are in a way this site accepts (for example an unverified e-mail address). Ask an admin.',
  'AUTH.SSO_IDENTITY_CONFLICT': 'Your user here is linked to another account at the provider. Ask an admin.',
  'AUTH.SSO_DISABLED': 'Single sign-on is not set up here. Sign in with your password.',
};

export const ssoErrorText = (code: string): string => WORDS[code] ?? `Signing in with the provider failed (${code}). Please try again.`;
