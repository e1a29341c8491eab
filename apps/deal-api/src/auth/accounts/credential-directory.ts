import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import {
  AccessToken, accessTokenStatus, AccessTokenStatus, createCredentialDecider, CREDENTIAL_CATEGORY, CredentialEvent, CredentialState, externalIdentityKey,
  openSession,
} from '@deals/domain';
import { EVENT_STORE, EventStore, RecordedEvent, StreamFamilyFollower } from '@deals/event-store';
import { Subject } from 'rxjs';

const PREFIX = `${CREDENTIAL_CATEGORY}-`;
// Folding needs no policy: only `decide` asks whether the user is active.
const credentials = createCredentialDecider({ isActiveUser: () => true });

/**
 * Every person's credentials in memory (password hash, the open link, sessions), kept current
 * from the `credential-*` streams like the user directory: a sign-out or a new password on any
 * API instance ends the session on all of them once its event arrives.
 */
@Injectable()
export class CredentialDirectory implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('CredentialDirectory');
  private readonly byUser = new Map<string, CredentialState>();
  /** Session id → user id, for the cookie lookup. */
  private readonly sessions = new Map<string, string>();
  /** Access token hash → its person and id, for the bearer lookup. */
  private readonly tokens = new Map<string, { userId: string; tokenId: string }>();
  /** An identity at an OpenID provider → the person it is linked to. */
  private readonly identities = new Map<string, string>();
  private readonly follower = new StreamFamilyFollower(PREFIX, (event) => this.fold(event));
  /** Changes are told once the stored credentials are read (nothing listens before). */
  private started = false;
  /** The person whose credentials just changed (a session ended, a token revoked, a new password). */
  readonly changes$ = new Subject<string>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onModuleInit(): Promise<void> {
    await this.follower.start(this.store, (error) =>
      this.logger.warn(`credential events subscription failed, resuming: ${error instanceof Error ? error.message : String(error)}`));
    this.started = true;
  }

  onApplicationShutdown(): Promise<void> {
    return this.follower.stop();
  }

  of(userId: string): CredentialState | undefined {
    return this.byUser.get(userId);
  }

  /** The user and expiry of an open session; undefined when unknown, ended or expired. */
  session(sessionId: string, now: string): { userId: string; expiresAt: string } | undefined {
    const userId = this.sessions.get(sessionId);
    const state = userId === undefined ? undefined : this.byUser.get(userId);
    const expiresAt = state && openSession(state, sessionId, now);
    return expiresAt === undefined ? undefined : { userId: userId!, expiresAt };
  }

  /** The person and the token a personal access token's hash names, with its status now; undefined when unknown. */
  accessToken(hash: string, now: string): { userId: string; token: AccessToken; status: AccessTokenStatus } | undefined {
    const found = this.tokens.get(hash);
    const token = found && this.byUser.get(found.userId)?.tokens[found.tokenId];
    return found && token ? { userId: found.userId, token, status: accessTokenStatus(token, now) } : undefined;
  }

  /** Whether the session or personal token a request came with still lets it in. */
  stillValid(userId: string, credential: { sessionId?: string; personalTokenId?: string }, now: string): boolean {
    const state = this.byUser.get(userId);
    if (credential.sessionId !== undefined && !(state && openSession(state, credential.sessionId, now))) return false;
    if (credential.personalTokenId !== undefined) {
      const token = state?.tokens[credential.personalTokenId];
      if (!token || accessTokenStatus(token, now) !== 'active') return false;
    }
    return true;
  }

  /** The person linked to this identity at an OpenID provider, if any. */
  linkedUser(issuer: string, subject: string): string | undefined {
    return this.identities.get(externalIdentityKey(issuer, subject));
  }

  /** Resolves once every credential event up to `position` is applied here. */
  waitFor(position: number): Promise<void> {
    return this.follower.waitFor(position);
  }

  private fold(event: RecordedEvent): void {
    const userId = event.streamId.slice(PREFIX.length);
    const before = this.byUser.get(userId) ?? credentials.initialState();
    const after = credentials.evolve(before, { type: event.type, data: event.data } as CredentialEvent);
    this.byUser.set(userId, after);
    for (const id of Object.keys(before.sessions)) if (!(id in after.sessions)) this.sessions.delete(id);
    for (const id of Object.keys(after.sessions)) this.sessions.set(id, userId);
    for (const token of Object.values(after.tokens)) this.tokens.set(token.tokenHash, { userId, tokenId: token.tokenId });
    for (const key of Object.keys(after.identities)) this.identities.set(key, userId);
    if (this.started) this.changes$.next(userId);
  }
}
