import { Inject, Injectable } from '@nestjs/common';
import { resolveAuthSecret } from '@deals/access-tokens';
import { CredentialDirectory } from '../auth/accounts/credential-directory';
import { csrfTokenOf, sameSecret, tokenHash } from '../auth/accounts/secret-token';
import { CSRF_HEADER } from '../auth/accounts/session-cookie';
import { LiveUserDirectory } from '../auth/live-user-directory';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { ActorRequest, ResolvedActor } from './actor';
import { AuthErrors } from './auth.errors';

/** Methods that change nothing: they need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads the dashboard's session cookie: the session must be open (not signed out, not expired,
 * not ended by a new password), and a request that may change something must carry the
 * session's CSRF token in `X-CSRF-Token` (a page of another site can make the browser send the
 * cookie, but cannot read the token). Rights come from the user directory, as for bearer tokens.
 */
@Injectable()
export class SessionActorResolver {
  private readonly csrfKey: string;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly credentials: CredentialDirectory,
    private readonly users: LiveUserDirectory,
  ) {
    this.csrfKey = `csrf:${resolveAuthSecret(config)}`;
  }

  csrfTokenOf(sessionToken: string): string {
    return csrfTokenOf(this.csrfKey, sessionToken);
  }

  resolve(request: ActorRequest, sessionToken: string): ResolvedActor {
    const sessionId = tokenHash(sessionToken);
    const session = this.credentials.session(sessionId, new Date().toISOString());
    if (!session) throw AuthErrors.sessionInvalid();
    if (!SAFE_METHODS.has(request.method.toUpperCase())) {
      const sent = request.headers[CSRF_HEADER];
      const token = Array.isArray(sent) ? sent[0] : sent;
      if (!token) throw AuthErrors.csrfRejected('the header is missing');
      if (!sameSecret(token, this.csrfTokenOf(sessionToken))) throw AuthErrors.csrfRejected('the token does not belong to this session');
    }
    const user = this.users.find(session.userId);
    if (!user) throw AuthErrors.userUnknown();
    if (!user.active) throw AuthErrors.userDeactivated();
    return { actor: { id: user.userId, roles: [...user.roles] }, expiresAt: Date.parse(session.expiresAt), tokenRoles: [], sessionId };
  }
}
