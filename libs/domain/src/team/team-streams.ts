/** A person's default deal team lives in `default-team-<userId>`. */
export const DEFAULT_TEAM_STREAM_PREFIX = 'default-team-';

/** An account's team lives in `account-team-<account key>`. */
export const ACCOUNT_TEAM_STREAM_PREFIX = 'account-team-';

export const defaultTeamStreamId = (userId: string): string => `${DEFAULT_TEAM_STREAM_PREFIX}${userId}`;

/**
 * Deals name their account by `account.name`, as typed: "Acme GmbH", " acme  gmbh" and "ACME GMBH"
 * are one account. The key is the name trimmed, with inner blanks collapsed and lower-cased,
 * percent-encoded so that it is safe in a stream name.
 */
export function accountKey(accountName: string): string {
  // A lone surrogate cannot be percent-encoded; it stands for the replacement character.
  const wellFormed = accountName.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
  return encodeURIComponent(wellFormed.trim().replace(/\s+/gu, ' ').toLowerCase());
}

export const accountTeamStreamId = (accountName: string): string => `${ACCOUNT_TEAM_STREAM_PREFIX}${accountKey(accountName)}`;
