import { Decider } from '../../shared/decider';
import { requireUserId } from '../user/user.decider';
import { CredentialCommand } from './credential.commands';
import { CredentialErrors } from './credential.errors';
import { requireText } from '../../shared/required';
import { CredentialEvent, PASSWORD_LINK_PURPOSES, TOKEN_SCOPES, TokenScope } from './credential.events';
import { accessTokenStatus, CredentialState, externalIdentityKey, initialCredentialState } from './credential.state';

export type CredentialDecider = Decider<CredentialState, CredentialCommand, CredentialEvent>;

export interface CredentialPolicy {
  /** Only registered, active people get links, passwords and sessions. */
  readonly isActiveUser: (userId: string) => boolean;
}

const HASH = /^[0-9a-f]{64}$/;
/** Active personal access tokens one person may hold. */
export const MAX_ACTIVE_TOKENS = 20;

function requireScopes(scopes: unknown): TokenScope[] {
  const list = Array.isArray(scopes) ? (scopes as unknown[]) : [];
  const known = list.every((scope) => (TOKEN_SCOPES as readonly unknown[]).includes(scope));
  if (list.length === 0 || !known || new Set(list).size !== list.length) throw CredentialErrors.tokenScopesInvalid(scopes, TOKEN_SCOPES);
  return list as TokenScope[];
}

function requireHash(value: string, field: string): string {
  if (!HASH.test(value)) throw new Error(`${field} must be a SHA-256 hex digest`);
  return value;
}

function decide(policy: CredentialPolicy, command: CredentialCommand, state: CredentialState): CredentialEvent[] {
  const userId = requireUserId(command.data.userId, 'userId');
  const now = command.metadata.now;
  const winding = command.type === 'EndSession' || command.type === 'RevokeAccessToken';
  if (!winding && !policy.isActiveUser(userId)) throw CredentialErrors.userInactive(userId);
  switch (command.type) {
    case 'IssuePasswordLink': {
      const { linkId, purpose, tokenHash, expiresAt } = command.data;
      if (!PASSWORD_LINK_PURPOSES.includes(purpose)) throw new Error(`unknown link purpose ${String(purpose)}`);
      if (purpose === 'invitation' && state.passwordHash !== undefined) throw CredentialErrors.passwordAlreadySet(userId);
      return [{ type: 'PasswordLinkIssued', data: { userId, linkId, purpose, tokenHash: requireHash(tokenHash, 'tokenHash'), expiresAt } }];
    }
    case 'SetPassword': {
      const { link } = state;
      if (link === undefined || link.tokenHash !== command.data.tokenHash) throw CredentialErrors.linkInvalid();
      if (Date.parse(link.expiresAt) <= Date.parse(now)) throw CredentialErrors.linkExpired(link.expiresAt);
      return [{ type: 'PasswordSet', data: { userId, linkId: link.linkId, purpose: link.purpose, passwordHash: command.data.passwordHash } }];
    }
    case 'StartSession': {
      // Single sign-on vouches for the person itself (the app checked the provider's ID token); a password session needs a password.
      const { sessionId, expiresAt, method = 'password' } = command.data;
      if (method === 'password' && state.passwordHash === undefined) throw CredentialErrors.noPassword(userId);
      const data = { userId, sessionId: requireHash(sessionId, 'sessionId'), startedAt: now, expiresAt };
      return [{ type: 'SessionStarted', data: method === 'password' ? data : { ...data, method } }];
    }
    case 'LinkExternalIdentity': {
      const issuer = requireText(command.data.issuer, 'issuer');
      const subject = requireText(command.data.subject, 'subject');
      if (state.identities[externalIdentityKey(issuer, subject)] !== undefined) return [];
      const { claim, value } = command.data;
      return [{ type: 'ExternalIdentityLinked', data: { userId, issuer, subject, claim: requireText(claim, 'claim'), value: requireText(value, 'value'), linkedAt: now } }];
    }
    case 'EndSession':
      return state.sessions[command.data.sessionId] === undefined
        ? []
        : [{ type: 'SessionEnded', data: { userId, sessionId: command.data.sessionId, reason: 'signed-out' } }];
    case 'CreateAccessToken': {
      const { tokenId, tokenHash, expiresAt } = command.data;
      const name = requireText(command.data.name, 'name').trim();
      const scopes = requireScopes(command.data.scopes);
      const active = Object.values(state.tokens).filter((token) => accessTokenStatus(token, now) === 'active').length;
      if (active >= MAX_ACTIVE_TOKENS) throw CredentialErrors.tooManyTokens(userId, MAX_ACTIVE_TOKENS);
      return [{
        type: 'AccessTokenCreated',
        data: { userId, tokenId, name, tokenHash: requireHash(tokenHash, 'tokenHash'), scopes, createdAt: now, createdBy: command.metadata.actor.id, expiresAt },
      }];
    }
    case 'RevokeAccessToken': {
      const token = state.tokens[command.data.tokenId];
      if (token === undefined) throw CredentialErrors.tokenNotFound(userId, command.data.tokenId);
      if (token.revokedAt !== undefined) return [];
      return [{ type: 'AccessTokenRevoked', data: { userId, tokenId: token.tokenId, revokedAt: now, revokedBy: command.metadata.actor.id } }];
    }
  }
}

function evolve(state: CredentialState, event: CredentialEvent): CredentialState {
  switch (event.type) {
    case 'PasswordLinkIssued': {
      const { userId, linkId, purpose, tokenHash, expiresAt } = event.data;
      return { ...state, userId, link: { linkId, purpose, tokenHash, expiresAt } };
    }
    case 'PasswordSet': {
      // A new password spends the link and ends every session.
      const { link: _spent, ...rest } = state;
      return { ...rest, userId: event.data.userId, passwordHash: event.data.passwordHash, sessions: {} };
    }
    case 'SessionStarted': {
      const { sessionId, startedAt, expiresAt } = event.data;
      const open = Object.entries(state.sessions).filter(([, until]) => Date.parse(until) > Date.parse(startedAt));
      return { ...state, userId: event.data.userId, sessions: { ...Object.fromEntries(open), [sessionId]: expiresAt } };
    }
    case 'SessionEnded': {
      const { [event.data.sessionId]: _ended, ...sessions } = state.sessions;
      return { ...state, sessions };
    }
    case 'AccessTokenCreated': {
      const { userId, tokenId, ...token } = event.data;
      return { ...state, userId, tokens: { ...state.tokens, [tokenId]: { tokenId, ...token } } };
    }
    case 'AccessTokenRevoked': {
      const token = state.tokens[event.data.tokenId];
      if (token === undefined) return state;
      const { revokedAt, revokedBy } = event.data;
      return { ...state, tokens: { ...state.tokens, [token.tokenId]: { ...token, revokedAt, revokedBy } } };
    }
    case 'ExternalIdentityLinked': {
      const { userId, issuer, subject, linkedAt } = event.data;
      return { ...state, userId, identities: { ...state.identities, [externalIdentityKey(issuer, subject)]: { issuer, subject, linkedAt } } };
    }
    default:
      return state;
  }
}

/** A person's password, their one-time link, their dashboard sessions and their personal access tokens. */
export function createCredentialDecider(policy: CredentialPolicy): CredentialDecider {
  return { decide: (command, state) => decide(policy, command, state), evolve, initialState: initialCredentialState };
}
