import { DomainEvent } from '../../shared/message';

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
  | 'token-revoked';

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
  /** Why a sign-in failed: `unknown-user`, `wrong-password`, `no-password`, `deactivated`; for `locked-out`: `user-id` or `address`. */
  reason?: string;
  sessionRef?: string;
  linkId?: string;
  tokenId?: string;
  expiresAt?: string;
}>;
