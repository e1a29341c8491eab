import { PasswordLinkPurpose, TokenScope } from './credential.events';

export interface PasswordLink {
  readonly linkId: string;
  readonly purpose: PasswordLinkPurpose;
  readonly tokenHash: string;
  readonly expiresAt: string;
}

export interface AccessToken {
  readonly tokenId: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly expiresAt: string;
  readonly revokedAt?: string;
  readonly revokedBy?: string;
}

export interface CredentialState {
  readonly userId: string;
  /** The argon2id hash; absent until the person sets a password through a link. */
  readonly passwordHash?: string;
  /** The one link that can still be used (the latest issued, unless spent). */
  readonly link?: PasswordLink;
  /** Open sessions by id (SHA-256 of the token) with when each expires; expired ones are dropped as new ones start. */
  readonly sessions: Readonly<Record<string, string>>;
  /** Personal access tokens by id, revoked ones included (they are listed as revoked). */
  readonly tokens: Readonly<Record<string, AccessToken>>;
  /** Identities at OpenID providers, by `externalIdentityKey(issuer, subject)`. */
  readonly identities: Readonly<Record<string, ExternalIdentity>>;
}

export interface ExternalIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly linkedAt: string;
}

/** One key for an identity at a provider: a subject is unique only within its issuer. */
export const externalIdentityKey = (issuer: string, subject: string): string => JSON.stringify([issuer, subject]);

export const initialCredentialState = (): CredentialState => ({ userId: '', sessions: {}, tokens: {}, identities: {} });

export type AccessTokenStatus = 'active' | 'expired' | 'revoked';

export const accessTokenStatus = (token: AccessToken, now: string): AccessTokenStatus =>
  token.revokedAt !== undefined ? 'revoked' : Date.parse(token.expiresAt) <= Date.parse(now) ? 'expired' : 'active';

/** The session's expiry if it is open at `now`. */
export function openSession(state: CredentialState, sessionId: string, now: string): string | undefined {
  const expiresAt = state.sessions[sessionId];
  return expiresAt !== undefined && Date.parse(expiresAt) > Date.parse(now) ? expiresAt : undefined;
}
