import { Injectable } from '@nestjs/common';
import { CredentialDirectory } from '../auth/accounts/credential-directory';
import { tokenHash } from '../auth/accounts/secret-token';
import { LiveUserDirectory } from '../auth/live-user-directory';
import { ActorRequest, ResolvedActor } from './actor';
import { AuthErrors } from './auth.errors';

/** A personal access token as it appears after `Bearer `: a fixed prefix, then 256 random bits. */
export const PERSONAL_TOKEN = /^deals_pat_[A-Za-z0-9_-]{43}$/;
export const PERSONAL_TOKEN_PREFIX = 'deals_pat_';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads a personal access token (or a service account's): looked up by its hash in the
 * credential directory, so a revocation answered by this process is refused from the next
 * request on. A `read` token may only read; rights are its person's registered roles now.
 */
@Injectable()
export class PersonalTokenResolver {
  constructor(
    private readonly credentials: CredentialDirectory,
    private readonly users: LiveUserDirectory,
  ) {}

  resolve(request: ActorRequest, token: string): ResolvedActor {
    const found = this.credentials.accessToken(tokenHash(token), new Date().toISOString());
    if (!found || found.status === 'revoked') throw AuthErrors.tokenRevoked();
    if (found.status === 'expired') throw AuthErrors.tokenExpired(found.token.expiresAt);
    if (!found.token.scopes.includes('write') && !READ_METHODS.has(request.method.toUpperCase())) {
      throw AuthErrors.scopeInsufficient(found.token.scopes);
    }
    const user = this.users.find(found.userId);
    if (!user) throw AuthErrors.userUnknown();
    if (!user.active) throw AuthErrors.userDeactivated();
    return {
      actor: { id: user.userId, roles: [...user.roles] },
      expiresAt: Date.parse(found.token.expiresAt),
      tokenRoles: [],
      personalTokenId: found.token.tokenId,
    };
  }
}
