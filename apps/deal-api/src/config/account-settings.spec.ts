import { accountSettingsFromEnv, accountSettingsOf, DEFAULT_ACCOUNT_SETTINGS } from './account-settings';
import { apiConfigFromEnv } from './api-config';

describe('account settings from the environment', () => {
  it('takes the defaults, and each variable that is set', () => {
    expect(accountSettingsOf({ accounts: accountSettingsFromEnv({}) })).toEqual(DEFAULT_ACCOUNT_SETTINGS);
    expect(accountSettingsFromEnv({
      AUTH_SESSION_HOURS: '8', AUTH_LINK_HOURS: '24', AUTH_LOCKOUT_ATTEMPTS: '10', AUTH_LOCKOUT_ADDRESS_ATTEMPTS: '100',
      AUTH_LOCKOUT_WINDOW_MINUTES: '30', AUTH_LOCKOUT_MINUTES: '60', TRUST_PROXY: 'true', PUBLIC_URL: 'https://deals.example.com/app/',
    })).toEqual({
      sessionHours: 8, linkHours: 24, lockoutAttempts: 10, addressAttempts: 100, lockoutWindowMinutes: 30, lockoutMinutes: 60,
      trustProxy: true, publicUrl: 'https://deals.example.com',
    });
  });

  it('refuses values that make no sense', () => {
    expect(() => accountSettingsFromEnv({ AUTH_LOCKOUT_ATTEMPTS: '0' })).toThrow('AUTH_LOCKOUT_ATTEMPTS must be a positive integer');
    expect(() => accountSettingsFromEnv({ TRUST_PROXY: 'yes' })).toThrow('TRUST_PROXY must be true or false');
    expect(() => accountSettingsFromEnv({ PUBLIC_URL: 'ftp://x' })).toThrow('PUBLIC_URL must be an http(s) URL');
  });

  it('gives demo users passwords except in production', () => {
    expect(apiConfigFromEnv({ DEMO_DATA: 'true' }).demoPasswords).toBe(true);
    expect(apiConfigFromEnv({ DEMO_DATA: 'true', NODE_ENV: 'production' }).demoPasswords).toBe(false);
  });
});
