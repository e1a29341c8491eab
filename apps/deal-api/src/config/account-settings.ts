/** Sessions, one-time links and sign-in throttling (docs/operations.md, "Accounts and sign-in"). */
export interface AccountSettings {
  /** How long a dashboard session lasts after sign-in (AUTH_SESSION_HOURS). */
  readonly sessionHours: number;
  /** How long an invitation or reset link can be used (AUTH_LINK_HOURS). */
  readonly linkHours: number;
  /** Failed sign-ins of one user id within the window that lock it (AUTH_LOCKOUT_ATTEMPTS). */
  readonly lockoutAttempts: number;
  /** Failed sign-ins from one address within the window that lock the address (AUTH_LOCKOUT_ADDRESS_ATTEMPTS). */
  readonly addressAttempts: number;
  /** The window failures are counted in (AUTH_LOCKOUT_WINDOW_MINUTES). */
  readonly lockoutWindowMinutes: number;
  /** How long a lockout lasts (AUTH_LOCKOUT_MINUTES). */
  readonly lockoutMinutes: number;
  /** Behind a reverse proxy: trust X-Forwarded-For and X-Forwarded-Proto (TRUST_PROXY). */
  readonly trustProxy: boolean;
  /** The dashboard's public origin for links, e.g. https://deals.example.com (PUBLIC_URL); unset: the request's own. */
  readonly publicUrl?: string;
}

export const DEFAULT_ACCOUNT_SETTINGS: AccountSettings = {
  sessionHours: 12,
  linkHours: 72,
  lockoutAttempts: 5,
  addressAttempts: 50,
  lockoutWindowMinutes: 15,
  lockoutMinutes: 15,
  trustProxy: false,
};

const NUMBERS: Record<Exclude<keyof AccountSettings, 'trustProxy' | 'publicUrl'>, string> = {
  sessionHours: 'AUTH_SESSION_HOURS',
  linkHours: 'AUTH_LINK_HOURS',
  lockoutAttempts: 'AUTH_LOCKOUT_ATTEMPTS',
  addressAttempts: 'AUTH_LOCKOUT_ADDRESS_ATTEMPTS',
  lockoutWindowMinutes: 'AUTH_LOCKOUT_WINDOW_MINUTES',
  lockoutMinutes: 'AUTH_LOCKOUT_MINUTES',
};

export function accountSettingsFromEnv(env: NodeJS.ProcessEnv): Partial<AccountSettings> {
  const settings: Partial<Record<keyof AccountSettings, unknown>> = {};
  for (const [key, name] of Object.entries(NUMBERS)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    settings[key as keyof AccountSettings] = value;
  }
  if (env.TRUST_PROXY !== undefined && env.TRUST_PROXY !== '') {
    if (env.TRUST_PROXY !== 'true' && env.TRUST_PROXY !== 'false') throw new Error(`TRUST_PROXY must be true or false, got "${env.TRUST_PROXY}"`);
    settings.trustProxy = env.TRUST_PROXY === 'true';
  }
  if (env.PUBLIC_URL) {
    const url = new URL(env.PUBLIC_URL);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL must be an http(s) URL, got "${env.PUBLIC_URL}"`);
    settings.publicUrl = url.origin;
  }
  return settings as Partial<AccountSettings>;
}

export const accountSettingsOf = (config: { readonly accounts?: Partial<AccountSettings> }): AccountSettings =>
  ({ ...DEFAULT_ACCOUNT_SETTINGS, ...config.accounts });
