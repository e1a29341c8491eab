import { ssoErrorText } from './sso-errors';

describe('the sign-in page\'s words for a refused single sign-on', () => {
  it('says what happened and what to do, for known codes and others', () => {
    expect(ssoErrorText('AUTH.SSO_USER_UNKNOWN')).toBe('You are signed in at the provider, but not registered here. Ask an admin to register you.');
    expect(ssoErrorText('AUTH.SSO_SOMETHING_NEW')).toBe('Signing in with the provider failed (AUTH.SSO_SOMETHING_NEW). Please try again.');
  });
});
