import { DomainEvent } from '../../shared/message';

/**
 * A person's sign-in credentials live in their own stream, `credential-<userId>`, apart from
 * `user-<userId>` (who they are and their roles). It holds hashes only: the argon2id hash of the
 * password, and SHA-256 hashes of the one-time link tokens and session tokens — never a token
 * or a password. Personal access tokens live here too, by the same rule.
 */
export const CREDENTIAL_CATEGORY = 'credential';
export const credentialStreamId = (userId: string) => `${CREDENTIAL_CATEGORY}-${userId}`;

/** An invitation (first password) or a reset (a new one): the same kind of one-time link. */
export type PasswordLinkPurpose = 'invitation' | 'reset';
export const PASSWORD_LINK_PURPOSES: readonly PasswordLinkPurpose[] = ['invitation', 'reset'];

/** What a personal access token may do: `read` (GET only), `write` (everything its person may). */
export type TokenScope = 'read' | 'write';
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'write'];
/** How a person proved who they are for a session: their password, or single sign-on (OpenID Connect). */
export type SignInMethod = 'password' | 'oidc';

export type CredentialEvent =
  /** A one-time link to set a password; it replaces any earlier unused link of the person. */
  | DomainEvent<'PasswordLinkIssued', { userId: string; linkId: string; purpose: PasswordLinkPurpose; tokenHash: string; expiresAt: string }>
  /** The link is spent, and every session of the person ends. `passwordHash` is an argon2id PHC string. */
  | DomainEvent<'PasswordSet', { userId: string; linkId: string; purpose: PasswordLinkPurpose; passwordHash: string }>
  /** A dashboard session; `sessionId` is the SHA-256 of the cookie's token; `method` absent means a password (sessions before SSO). */
  | DomainEvent<'SessionStarted', { userId: string; sessionId: string; startedAt: string; expiresAt: string; method?: SignInMethod }>
  | DomainEvent<'SessionEnded', { userId: string; sessionId: string; reason: 'signed-out' }>
  /** A personal access token (or a service account's); `tokenHash` is the SHA-256 of the token, shown once. */
  | DomainEvent<'AccessTokenCreated', {
    userId: string; tokenId: string; name: string; tokenHash: string; scopes: readonly TokenScope[]; createdAt: string; createdBy: string; expiresAt: string;
  }>
  | DomainEvent<'AccessTokenRevoked', { userId: string; tokenId: string; revokedAt: string; revokedBy: string }>
  /**
   * The person is the one an OpenID provider knows as `subject` at `issuer`; later sign-ins find
   * them by this pair. `claim`/`value` say which claim matched them when it was linked.
   */
  | DomainEvent<'ExternalIdentityLinked', { userId: string; issuer: string; subject: string; claim: string; value: string; linkedAt: string }>;
