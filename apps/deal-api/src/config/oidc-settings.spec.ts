import { oidcSettingsFromEnv } from './oidc-settings';

const SECRET = 'not-for-logs-8d1f0c';
const GOOD = {
  OIDC_ISSUER: 'https://login.example.com/realms/sales',
  OIDC_CLIENT_ID: 'deals',
  OIDC_CLIENT_SECRET: SECRET,
  PUBLIC_URL: 'https://deals.example.com/',
  OIDC_ROLE_MAP: 'sales-managers:manager,finance:finance',
};

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    oidcSettingsFromEnv(env);
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain(SECRET);
    return message.split('\n').slice(1).map((line) => line.replace(/^ {2}- /, ''));
  }
  throw new Error('expected the settings to be refused');
};

describe('single sign-on settings', () => {
  it('are off when no OIDC_ setting is set (PUBLIC_URL alone is not SSO)', () => {
    expect(oidcSettingsFromEnv({ PUBLIC_URL: 'https://deals.example.com' })).toBeUndefined();
    expect(oidcSettingsFromEnv({ OIDC_ISSUER: ' ' })).toBeUndefined();
  });

  it('derive the redirect URI from PUBLIC_URL and take the defaults', () => {
    expect(oidcSettingsFromEnv(GOOD)).toEqual({
      issuer: 'https://login.example.com/realms/sales', clientId: 'deals', clientSecret: SECRET,
      redirectUri: 'https://deals.example.com/auth/oidc/callback', scopes: ['openid', 'email', 'profile'],
      providerName: 'login.example.com', userClaim: 'email', groupsClaim: 'groups',
      roleMap: new Map([['sales-managers', ['manager']], ['finance', ['finance']]]), provision: false,
    });
  });

  it('read the scopes, claims, name, provisioning and its manager', () => {
    const settings = oidcSettingsFromEnv({
      ...GOOD, OIDC_SCOPES: 'openid email groups', OIDC_USER_CLAIM: 'preferred_username', OIDC_GROUPS_CLAIM: 'roles',
      OIDC_PROVIDER_NAME: 'Acme SSO', OIDC_PROVISION: 'true', OIDC_PROVISION_MANAGER: 'maria.manager',
    });
    expect(settings).toMatchObject({
      scopes: ['openid', 'email', 'groups'], userClaim: 'preferred_username', groupsClaim: 'roles', providerName: 'Acme SSO',
      provision: true, provisionManagerId: 'maria.manager',
    });
  });

  it('take a plain-http issuer only on this machine', () => {
    expect(oidcSettingsFromEnv({ ...GOOD, OIDC_ISSUER: 'http://127.0.0.1:4000' })?.issuer).toBe('http://127.0.0.1:4000/');
    expect(problemsOf({ ...GOOD, OIDC_ISSUER: 'http://login.example.com' })).toEqual([
      'OIDC_ISSUER must be an https URL (plain http only on this machine), got "http://login.example.com"',
    ]);
  });

  it('list every problem at once, never the secret', () => {
    expect(problemsOf({
      OIDC_CLIENT_SECRET: SECRET, OIDC_SCOPES: 'email', OIDC_USER_CLAIM: 'e mail', OIDC_ROLE_MAP: 'sales:boss',
      OIDC_PROVISION: 'yes', OIDC_PROVISION_MANAGER: 'not a user id',
    })).toEqual([
      expect.stringMatching(/^OIDC_ISSUER is required when any OIDC_ setting is set \(set: .*OIDC_CLIENT_SECRET/),
      'OIDC_CLIENT_ID is required',
      'PUBLIC_URL is required with single sign-on: the redirect URI is PUBLIC_URL/auth/oidc/callback',
      'OIDC_SCOPES must include openid, got "email"',
      'OIDC_USER_CLAIM must be a claim name (letters, digits, _ . : -), got "e mail"',
      expect.stringContaining('OIDC_ROLE_MAP entry "sales:boss"'),
      'OIDC_PROVISION must be true or false, got "yes"',
      'OIDC_PROVISION_MANAGER must be a user id, got "not a user id"',
      'OIDC_PROVISION_MANAGER is only used with OIDC_PROVISION=true',
    ]);
  });

  it('refuse provisioning without a role map, and a missing secret', () => {
    const { OIDC_ROLE_MAP: _map, OIDC_CLIENT_SECRET: _secret, ...rest } = GOOD;
    expect(problemsOf({ ...rest, OIDC_PROVISION: 'true' })).toEqual([
      'OIDC_CLIENT_SECRET is required (the engine is a confidential client)',
      expect.stringContaining('OIDC_PROVISION=true needs OIDC_ROLE_MAP'),
    ]);
  });
});
