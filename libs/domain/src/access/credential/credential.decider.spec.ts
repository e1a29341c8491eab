import { deciderSpec } from '../../testing/decider-spec';
import { Actor, Command } from '../../shared/message';
import { CredentialCommand } from './credential.commands';
import { createCredentialDecider } from './credential.decider';
import { CredentialEvent } from './credential.events';
import { openSession } from './credential.state';
import { checkPassword } from './password-rules';

const active = new Set(['ana.ae']);
const { given } = deciderSpec(createCredentialDecider({ isActiveUser: (userId) => active.has(userId) }));
const admin: Actor = { id: 'adam.admin', roles: ['admin'] };
const ana: Actor = { id: 'ana.ae', roles: ['rep'] };
const NOW = '2026-03-01T10:00:00.000Z';
const hex = (c: string) => c.repeat(64);
const cmd = <C extends CredentialCommand>(type: C['type'], data: C['data'], actor: Actor = admin, now = NOW) =>
  ({ type, data, metadata: { commandId: 'c', actor, now } }) as Command as CredentialCommand;

const invited: CredentialEvent = {
  type: 'PasswordLinkIssued', data: { userId: 'ana.ae', linkId: 'l1', purpose: 'invitation', tokenHash: hex('a'), expiresAt: '2026-03-04T10:00:00.000Z' },
};
const passwordSet: CredentialEvent = { type: 'PasswordSet', data: { userId: 'ana.ae', linkId: 'l1', purpose: 'invitation', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA' } };
const session = (id: string, startedAt: string, expiresAt: string): CredentialEvent =>
  ({ type: 'SessionStarted', data: { userId: 'ana.ae', sessionId: hex(id), startedAt, expiresAt } });

describe('credential decider', () => {
  it('issues a link to an active user; an invitation only while they have no password', () => {
    given([]).when(cmd('IssuePasswordLink', invited.data as never)).then([invited]);
    given([invited, passwordSet]).when(cmd('IssuePasswordLink', { ...invited.data, linkId: 'l2' } as never)).thenThrows('ACCOUNT.PASSWORD_ALREADY_SET');
    given([invited, passwordSet]).when(cmd('IssuePasswordLink', { ...invited.data, linkId: 'l2', purpose: 'reset' } as never)).then([
      { type: 'PasswordLinkIssued', data: { ...invited.data, linkId: 'l2', purpose: 'reset' } as never },
    ]);
    given([]).when(cmd('IssuePasswordLink', { ...invited.data, userId: 'ghost' } as never)).thenThrows('ACCOUNT.USER_INACTIVE');
  });

  it('sets the password with the link\'s token before it expires, which spends the link and ends every session', () => {
    const state = given([invited]).when(cmd('SetPassword', { userId: 'ana.ae', tokenHash: hex('a'), passwordHash: 'h' }, ana)).then([
      { type: 'PasswordSet', data: { userId: 'ana.ae', linkId: 'l1', purpose: 'invitation', passwordHash: 'h' } },
    ]);
    expect(state.link).toBeUndefined();
    given([invited, passwordSet, session('1', NOW, '2026-03-01T22:00:00.000Z')])
      .when(cmd('SetPassword', { userId: 'ana.ae', tokenHash: hex('a'), passwordHash: 'h' }, ana)).thenThrows('ACCOUNT.LINK_INVALID');
    const reset: CredentialEvent = { type: 'PasswordLinkIssued', data: { ...invited.data, linkId: 'l2', purpose: 'reset', tokenHash: hex('b') } as never };
    const after = given([invited, passwordSet, session('1', NOW, '2026-03-01T22:00:00.000Z'), reset])
      .when(cmd('SetPassword', { userId: 'ana.ae', tokenHash: hex('b'), passwordHash: 'h2' }, ana))
      .then([{ type: 'PasswordSet', data: { userId: 'ana.ae', linkId: 'l2', purpose: 'reset', passwordHash: 'h2' } }]);
    expect(after.sessions).toEqual({});
  });

  it('refuses a wrong token, an expired link and a link replaced by a newer one', () => {
    given([invited]).when(cmd('SetPassword', { userId: 'ana.ae', tokenHash: hex('f'), passwordHash: 'h' }, ana)).thenThrows('ACCOUNT.LINK_INVALID');
    given([invited]).when(cmd('SetPassword', { userId: 'ana.ae', tokenHash: hex('a'), passwordHash: 'h' }, ana, '2026-03-04T10:00:00.000Z'))
      .thenThrows('ACCOUNT.LINK_EXPIRED');
    const newer: CredentialEvent = { type: 'PasswordLinkIssued', data: { ...invited.data, linkId: 'l2', tokenHash: hex('b') } as never };
    given([invited, newer]).when(cmd('SetPassword', { userId: 'ana.ae', tokenHash: hex('a'), passwordHash: 'h' }, ana)).thenThrows('ACCOUNT.LINK_INVALID');
  });

  it('starts sessions only with a password, drops expired ones as new ones start, and ends one once', () => {
    given([invited]).when(cmd('StartSession', { userId: 'ana.ae', sessionId: hex('1'), expiresAt: '2026-03-01T22:00:00.000Z' }, ana))
      .thenThrows('ACCOUNT.NO_PASSWORD');
    const state = given([invited, passwordSet, session('1', '2026-02-01T00:00:00.000Z', '2026-02-01T12:00:00.000Z')])
      .when(cmd('StartSession', { userId: 'ana.ae', sessionId: hex('2'), expiresAt: '2026-03-01T22:00:00.000Z' }, ana))
      .then([session('2', NOW, '2026-03-01T22:00:00.000Z')]);
    expect(Object.keys(state.sessions)).toEqual([hex('2')]);
    expect(openSession(state, hex('2'), '2026-03-01T21:59:59.000Z')).toBe('2026-03-01T22:00:00.000Z');
    expect(openSession(state, hex('2'), '2026-03-01T22:00:00.000Z')).toBeUndefined();
    const history = [invited, passwordSet, session('2', NOW, '2026-03-01T22:00:00.000Z')];
    given(history).when(cmd('EndSession', { userId: 'ana.ae', sessionId: hex('2') }, ana)).then([
      { type: 'SessionEnded', data: { userId: 'ana.ae', sessionId: hex('2'), reason: 'signed-out' } },
    ]);
    given([...history, { type: 'SessionEnded', data: { userId: 'ana.ae', sessionId: hex('2'), reason: 'signed-out' } }])
      .when(cmd('EndSession', { userId: 'ana.ae', sessionId: hex('2') }, ana)).then([]);
  });
});

describe('single sign-on', () => {
  const link = { userId: 'ana.ae', issuer: 'https://login.example.com/', subject: 'u-42', claim: 'email', value: 'ana@example.com' };
  const linked: CredentialEvent = { type: 'ExternalIdentityLinked', data: { ...link, linkedAt: NOW } };
  it('starts a session the provider vouched for without a password, and says so on the event', () => {
    given([]).when(cmd('StartSession', { userId: 'ana.ae', sessionId: hex('1'), expiresAt: '2026-03-01T22:00:00.000Z', method: 'oidc' }, ana))
      .then([{ type: 'SessionStarted', data: { userId: 'ana.ae', sessionId: hex('1'), startedAt: NOW, expiresAt: '2026-03-01T22:00:00.000Z', method: 'oidc' } }]);
    given([]).when(cmd('StartSession', { userId: 'ana.ae', sessionId: hex('1'), expiresAt: '2026-03-01T22:00:00.000Z', method: 'password' }, ana))
      .thenThrows('ACCOUNT.NO_PASSWORD');
    given([]).when(cmd('StartSession', { userId: 'ghost', sessionId: hex('1'), expiresAt: '2026-03-01T22:00:00.000Z', method: 'oidc' }, ana))
      .thenThrows('ACCOUNT.USER_INACTIVE');
  });
  it('links an identity at a provider once; the same subject at another issuer is another identity', () => {
    const state = given([]).when(cmd('LinkExternalIdentity', link)).then([linked]);
    expect(Object.values(state.identities)).toEqual([{ issuer: link.issuer, subject: 'u-42', linkedAt: NOW }]);
    given([linked]).when(cmd('LinkExternalIdentity', { ...link, value: 'other@example.com' })).then([]);
    given([linked]).when(cmd('LinkExternalIdentity', { ...link, issuer: 'https://other.example.com/' }))
      .then([{ type: 'ExternalIdentityLinked', data: { ...link, issuer: 'https://other.example.com/', linkedAt: NOW } }]);
    given([]).when(cmd('LinkExternalIdentity', { ...link, subject: ' ' })).thenThrows('FIELD.REQUIRED');
  });
});

describe('personal access tokens', () => {
  const create = (tokenId: string, scopes: readonly string[] = ['read'], actor: Actor = ana) =>
    cmd('CreateAccessToken', { userId: 'ana.ae', tokenId, name: ' Sync ', tokenHash: hex('c'), scopes, expiresAt: '2026-06-01T00:00:00.000Z' }, actor);
  const created = (tokenId: string): CredentialEvent => ({
    type: 'AccessTokenCreated',
    data: { userId: 'ana.ae', tokenId, name: 'Sync', tokenHash: hex('c'), scopes: ['read'], createdAt: NOW, createdBy: 'ana.ae', expiresAt: '2026-06-01T00:00:00.000Z' },
  });

  it('creates a token with known, distinct scopes, keeps it across a new password, and revokes it once', () => {
    given([]).when(create('t1')).then([created('t1')]);
    given([]).when(create('t1', [])).thenThrows('ACCOUNT.TOKEN_SCOPES_INVALID');
    given([]).when(create('t1', ['read', 'read'])).thenThrows('ACCOUNT.TOKEN_SCOPES_INVALID');
    given([]).when(create('t1', ['admin'])).thenThrows('ACCOUNT.TOKEN_SCOPES_INVALID');
    const state = given([created('t1'), invited, passwordSet]).when(cmd('RevokeAccessToken', { userId: 'ana.ae', tokenId: 't1' }, admin)).then([
      { type: 'AccessTokenRevoked', data: { userId: 'ana.ae', tokenId: 't1', revokedAt: NOW, revokedBy: 'adam.admin' } },
    ]);
    expect(state.tokens.t1).toMatchObject({ name: 'Sync', revokedAt: NOW, revokedBy: 'adam.admin' });
    expect(state.passwordHash).toBe(passwordSet.data.passwordHash);
    given([created('t1')]).when(cmd('RevokeAccessToken', { userId: 'ana.ae', tokenId: 'nope' }, ana)).thenThrows('ACCOUNT.TOKEN_NOT_FOUND');
  });

  it('holds at most MAX_ACTIVE_TOKENS active tokens', () => {
    const many = Array.from({ length: 20 }, (_, i) => created(`t${i}`));
    given(many).when(create('t20')).thenThrows('ACCOUNT.TOKEN_LIMIT');
    given([...many, { type: 'AccessTokenRevoked', data: { userId: 'ana.ae', tokenId: 't0', revokedAt: NOW, revokedBy: 'ana.ae' } }])
      .when(create('t20')).then([created('t20')]);
  });
});

describe('password rules', () => {
  it('asks for length, not composition', () => {
    expect(() => checkPassword('correct horse battery', 'ana.ae')).not.toThrow();
    expect(() => checkPassword('short', 'ana.ae')).toThrow(expect.objectContaining({ code: 'ACCOUNT.PASSWORD_WEAK' }));
    expect(() => checkPassword('my name is ANA.AE ok', 'ana.ae')).toThrow(expect.objectContaining({ code: 'ACCOUNT.PASSWORD_WEAK' }));
    expect(() => checkPassword('aaaaaaaaaaaaaaaa', 'ana.ae')).toThrow(expect.objectContaining({ code: 'ACCOUNT.PASSWORD_WEAK' }));
  });
});
