import { DomainEvent } from '../../shared/message';
import { SignInMethod } from './credential.events';

/** Sign-in activity is kept one stream per day (UTC), like the refusal log, so a period is a few reads. */
export const ACCOUNT_ACTIVITY_CATEGORY = 'account-activity';
export const accountActivityStreamId = (at: string) => `${ACCOUNT_ACTIVITY_CATEGORY}-${at.slice(0, 10)}`;

export type AccountActivityKind =
  | 'signed-in'
  | 'sign-in-failed'
  | 'locked-out'
  | 'signed-out'
  | 'invitation-issued'
  | 'reset-issued'
  | 'password-set'
  | 'token-created'
  | 'token-revoked'
  /** Single sign-on: a person's identity at the provider was linked to them, they were registered on first sign-in, or their roles followed the provider's groups. */
  | 'identity-linked'
  | 'user-provisioned'
  | 'roles-synced';

/**
 * One audit record of an account: who (`userId`, as typed for a failed sign-in), who did it
 * (`actorId`: an admin issuing a link, the person otherwise), from which address, and what.
 * Never a password, a token or a hash; `sessionRef` is the first 12 hex digits of a session id,
 * enough to pair a sign-in with its sign-out.
 */
export type AccountActivityEvent = DomainEvent<'AccountActivity', {
  kind: AccountActivityKind;
  userId: string;
  actorId: string;
  address?: string;
  /**
   * Why a sign-in failed: `unknown-user`, `wrong-password`, `no-password`, `deactivated`; with
   * single sign-on also `flow-missing`, `state-mismatch`, `nonce-mismatch`, `code-rejected`,
   * `provider-error`, `provider-unreachable`, `claim-invalid`, `no-role`; for `locked-out`: `user-id` or `address`.
   */
  reason?: string;
  sessionRef?: string;
  linkId?: string;
  tokenId?: string;
  expiresAt?: string;
  /** How a sign-in (or its failure) was attempted; absent on records before single sign-on: a password. */
  method?: SignInMethod;
  /** For `user-provisioned` and `roles-synced`: the roles the provider's groups mapped to. */
  roles?: readonly string[];
}>;
