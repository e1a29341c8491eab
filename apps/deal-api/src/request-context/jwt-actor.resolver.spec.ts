import { signAccessToken, tokenSigner } from '@deals/access-tokens';
import { createJwtService } from '../auth/access-token';
import { LiveUserDirectory } from '../auth/live-user-directory';
import { JwtActorResolver, VERIFIED_TOKENS_CACHED } from './jwt-actor.resolver';

const SECRET = 'jwt-actor-resolver-spec-secret-0123456789abcdef';

/** The users a resolver looks up on every request; only `find` is used. */
function directory(users: Record<string, { roles: string[]; active: boolean }>): LiveUserDirectory {
  return { find: (id: string) => (users[id] ? { userId: id, ...users[id] } : undefined) } as unknown as LiveUserDirectory;
}

describe('JwtActorResolver: verified tokens kept until they expire', () => {
  const signer = tokenSigner(SECRET);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  afterEach(() => jest.useRealTimers());

  it('refuses a cached token once it has expired', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-06T10:00:00.000Z') });
    const resolver = new JwtActorResolver(createJwtService(SECRET), directory({ 'ana.ae': { roles: ['rep'], active: true } }));
    const token = signAccessToken(signer, { id: 'ana.ae', roles: ['rep'] }, 60);
    expect(resolver.resolve(bearer(token)).actor).toEqual({ id: 'ana.ae', roles: ['rep'] });
    expect(resolver.resolve(bearer(token)).actor.id).toBe('ana.ae');
    jest.setSystemTime(Date.parse('2026-12-06T10:01:00.000Z'));
    expect(() => resolver.resolve(bearer(token))).toThrow(expect.objectContaining({ code: 'AUTH.TOKEN_EXPIRED' }));
  });

  it('looks the user up on every request: a cached token of a deactivated or demoted user says so', () => {
    const users = { 'ana.ae': { roles: ['rep'], active: true } };
    const resolver = new JwtActorResolver(createJwtService(SECRET), directory(users));
    const token = signAccessToken(signer, { id: 'ana.ae', roles: ['rep'] });
    expect(resolver.resolve(bearer(token)).actor.roles).toEqual(['rep']);
    users['ana.ae'].roles = ['sales-ops'];
    expect(resolver.resolve(bearer(token)).actor.roles).toEqual(['sales-ops']);
    users['ana.ae'].active = false;
    expect(() => resolver.resolve(bearer(token))).toThrow(expect.objectContaining({ code: 'AUTH.USER_DEACTIVATED' }));
  });

  it('does not take a token with another signature for a cached one', () => {
    const resolver = new JwtActorResolver(createJwtService(SECRET), directory({ 'ana.ae': { roles: ['rep'], active: true } }));
    const token = signAccessToken(signer, { id: 'ana.ae', roles: ['rep'] });
    resolver.resolve(bearer(token));
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    expect(() => resolver.resolve(bearer(forged))).toThrow(expect.objectContaining({ code: 'AUTH.TOKEN_INVALID' }));
  });

  it('keeps at most VERIFIED_TOKENS_CACHED tokens', () => {
    const resolver = new JwtActorResolver(createJwtService(SECRET), directory({ 'ana.ae': { roles: ['rep'], active: true } }));
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < VERIFIED_TOKENS_CACHED + 5; i++) resolver.resolve(bearer(signer.sign({ sub: 'ana.ae', roles: [], iat: now - i, exp: now + 3600 })));
    expect((resolver as unknown as { verified: Map<string, unknown> }).verified.size).toBe(VERIFIED_TOKENS_CACHED);
  });
});
