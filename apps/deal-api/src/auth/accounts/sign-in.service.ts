import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { SignInMethod, SignInThrottle, ThrottleAnswer, UserState } from '@deals/domain';
import { AuthErrors } from '../../request-context/auth.errors';
import { accountSettingsOf, AccountSettings } from '../../config/account-settings';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { LiveUserDirectory } from '../live-user-directory';
import { AccountActivityLog } from './account-activity.log';
import { CredentialCommandHandler } from './credential-command.handler';
import { CredentialDirectory } from './credential-directory';
import { PasswordHasher } from './password-hasher';
import { newSecretToken, tokenHash } from './secret-token';

export interface SignedIn {
  readonly user: UserState;
  /** The session's token, for the cookie only: never stored, never logged. */
  readonly token: string;
  readonly expiresAt: Date;
}

/** What a sign-in records as the session's reference in the audit: enough to pair it with its sign-out. */
export const sessionRef = (sessionId: string) => sessionId.slice(0, 12);

/**
 * Signing in with a user id and a password. Every failure answers the same (unknown user, no
 * password yet, wrong password, deactivated) and costs the same (an unknown user's attempt is
 * verified against a dummy hash). Failures are counted per user id as typed and per address; too
 * many in the window lock that id or address for a while (429), checked before the password is.
 * The counts are this process's; at start they are taken up again from the account audit.
 */
@Injectable()
export class SignInService implements OnModuleInit {
  private readonly settings: AccountSettings;
  private readonly accounts: SignInThrottle;
  private readonly addresses: SignInThrottle;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly users: LiveUserDirectory,
    private readonly credentials: CredentialDirectory,
    private readonly commands: CredentialCommandHandler,
    private readonly hasher: PasswordHasher,
    private readonly activity: AccountActivityLog,
  ) {
    this.settings = accountSettingsOf(config);
    const window = { windowSeconds: this.settings.lockoutWindowMinutes * 60, lockSeconds: this.settings.lockoutMinutes * 60 };
    this.accounts = new SignInThrottle({ ...window, maxFailures: this.settings.lockoutAttempts });
    this.addresses = new SignInThrottle({ ...window, maxFailures: this.settings.addressAttempts });
  }

  /** Failures and lockouts of the last window and lock survive a restart: replayed from the audit. */
  async onModuleInit(): Promise<void> {
    const now = Date.now();
    const back = (this.settings.lockoutWindowMinutes + this.settings.lockoutMinutes) * 60_000;
    for (const { at, activity } of await this.activity.since(now - back, now)) {
      // Single sign-on neither counts towards the lockout nor clears it.
      if (activity.method === 'oidc') continue;
      if (activity.kind === 'sign-in-failed') {
        this.accounts.fail(activity.userId.toLowerCase(), at);
        if (activity.address !== undefined) this.addresses.fail(activity.address, at);
      } else if (activity.kind === 'signed-in') {
        this.accounts.succeed(activity.userId.toLowerCase());
      }
    }
  }

  async signIn(login: string, password: string, address: string): Promise<SignedIn> {
    const accountKey = login.toLowerCase();
    const started = Date.now();
    const locked = firstLocked(this.accounts.check(accountKey, started), this.addresses.check(address, started));
    // Attempts while locked are not recorded one by one (a flood would fill the store): the lockout was.
    if (locked) throw AuthErrors.signInLocked(locked.retryAfterSeconds);
    const user = this.users.find(login);
    const passwordHash = user ? this.credentials.of(user.userId)?.passwordHash : undefined;
    const matches = await this.hasher.verify(passwordHash, password);
    const reason = !user ? 'unknown-user' : passwordHash === undefined ? 'no-password' : !matches ? 'wrong-password' : !user.active ? 'deactivated' : undefined;
    if (reason !== undefined || !user) {
      const now = Date.now();
      const byAccount = this.accounts.fail(accountKey, now);
      const byAddress = this.addresses.fail(address, now);
      await this.activity.record({ kind: 'sign-in-failed', userId: login, actorId: login, address, reason, method: 'password' });
      const lockedNow = firstLocked(byAccount, byAddress);
      if (lockedNow) {
        if (lockedNow.startedNow) {
          await this.activity.record({ kind: 'locked-out', userId: login, actorId: login, address, reason: byAccount.locked ? 'user-id' : 'address' });
        }
        throw AuthErrors.signInLocked(lockedNow.retryAfterSeconds);
      }
      throw AuthErrors.signInFailed();
    }
    this.accounts.succeed(accountKey);
    return this.startSession(user, address, 'password');
  }

  /** The dashboard's session for a person whose identity was proven (password here, or single sign-on), recorded in the audit with the method. */
  async startSession(user: UserState, address: string, method: SignInMethod): Promise<SignedIn> {
    const token = newSecretToken();
    const sessionId = tokenHash(token);
    const expiresAt = new Date(Date.now() + this.settings.sessionHours * 3_600_000);
    await this.commands.handle({ id: user.userId, roles: [...user.roles] }, 'StartSession', {
      userId: user.userId, sessionId, expiresAt: expiresAt.toISOString(), ...(method === 'password' ? {} : { method }),
    });
    await this.activity.record({ kind: 'signed-in', userId: user.userId, actorId: user.userId, address, sessionRef: sessionRef(sessionId), method });
    return { user, token, expiresAt };
  }

  async signOut(userId: string, sessionId: string, address: string): Promise<boolean> {
    const result = await this.commands.handle({ id: userId, roles: [] }, 'EndSession', { userId, sessionId });
    if (result.events.length > 0) await this.activity.record({ kind: 'signed-out', userId, actorId: userId, address, sessionRef: sessionRef(sessionId) });
    return result.events.length > 0;
  }
}

function firstLocked(...answers: ThrottleAnswer[]): Extract<ThrottleAnswer, { locked: true }> | undefined {
  return answers.find((answer): answer is Extract<ThrottleAnswer, { locked: true }> => answer.locked);
}
