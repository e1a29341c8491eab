import { EVENT_STORE, EventStore } from '@deals/event-store';
import { oidcSettingsFromEnv } from '../../config/oidc-settings';
import { ADMIN, createTestApp, MANAGER, TestApp } from '../../testing/test-app';
import { CookieJar, freePort, startOidcProvider, TestProvider, throughProvider } from '../../../test/support/oidc-provider';

// Single sign-on against a real OpenID provider (oidc-provider 8 in a child process on loopback),
// through its own login form over HTTP: two engines, one registering unknown people on first
// sign-in and one refusing them, each with a real store.

jest.setTimeout(60_000);

const CLIENT = { clientId: 'deal-engine', clientSecret: 'test-client-secret-3e9a6c1f' };
const ACCOUNTS = {
  sofia: { email: 'sofia@example.com', email_verified: true, name: 'Sofia Sales', groups: ['everyone', 'sales-managers'] },
  nina: { email: 'nina@example.com', email_verified: true, name: 'Nina New', groups: ['sales-reps'] },
  gus: { email: 'gus@example.com', email_verified: true, name: 'Gus Guest', groups: ['everyone'] },
};
const ROLE_MAP = 'sales-managers:manager,sales-reps:rep,finance:finance';
const actorOf = (event: { metadata: Readonly<Record<string, unknown>> }) => (event.metadata.actor as { id: string }).id;

interface Engine {
  readonly t: TestApp;
  readonly url: string;
}

describe('single sign-on with a real OpenID provider (HTTP, real SQLite)', () => {
  let provider: TestProvider;
  let plain: Engine;
  let provisioning: Engine;
  const since = new Date(Date.now() - 60_000).toISOString();
  const answers: string[] = [];

  async function engine(port: number, issuer: string, extra: NodeJS.ProcessEnv): Promise<Engine> {
    const publicUrl = `http://127.0.0.1:${port}`;
    const oidc = oidcSettingsFromEnv({
      OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.clientId, OIDC_CLIENT_SECRET: CLIENT.clientSecret, PUBLIC_URL: publicUrl,
      OIDC_SCOPES: 'openid email profile groups', OIDC_ROLE_MAP: ROLE_MAP, OIDC_PROVIDER_NAME: 'Test IdP', ...extra,
    });
    const t = await createTestApp(':memory:', { accounts: { publicUrl }, oidc });
    await t.app.listen(port, '127.0.0.1');
    return { t, url: publicUrl };
  }

  beforeAll(async () => {
    const ports = [await freePort(), await freePort()];
    provider = await startOidcProvider({ ...CLIENT, redirectUris: ports.map((p) => `http://127.0.0.1:${p}/auth/oidc/callback`), accounts: ACCOUNTS });
    plain = await engine(ports[0], provider.issuer, {});
    provisioning = await engine(ports[1], provider.issuer, { OIDC_PROVISION: 'true', OIDC_PROVISION_MANAGER: MANAGER.id });
    await plain.t.registerUser({ id: 'sofia@example.com', roles: ['rep'], name: 'Sofia' });
  });

  afterAll(async () => {
    await plain?.t.close();
    await provisioning?.t.close();
    await provider?.stop();
  });

  /** The button: the engine sends the browser to the provider and binds the flow to it with a cookie. */
  async function start(e: Engine, jar = new CookieJar()) {
    const res = await fetch(`${e.url}/auth/oidc/start`, { redirect: 'manual', headers: { cookie: jar.header() } });
    expect(res.status).toBe(303);
    jar.take(res);
    return { jar, authorizationUrl: res.headers.get('location')!, setCookie: res.headers.getSetCookie() };
  }

  /** The browser arriving back at the engine with the provider's answer. */
  async function arrive(e: Engine, callback: URL, jar: CookieJar, accept = 'application/json') {
    expect(callback.origin).toBe(e.url);
    const res = await fetch(callback, { redirect: 'manual', headers: { cookie: jar.header(), accept } });
    jar.take(res);
    const text = await res.text();
    answers.push(text, JSON.stringify([...res.headers]));
    return { status: res.status, location: res.headers.get('location'), headers: Object.fromEntries(res.headers), body: text.startsWith('{') ? JSON.parse(text) : text };
  }

  async function signIn(e: Engine, login: keyof typeof ACCOUNTS) {
    const flow = await start(e);
    const callback = await throughProvider(flow.authorizationUrl, login);
    return { ...flow, callback, answer: await arrive(e, callback, flow.jar) };
  }

  const withSession = (e: Engine, jar: CookieJar) => ({
    get: (path: string) => fetch(`${e.url}${path}`, { headers: { cookie: jar.header(), accept: 'application/json' } }),
  });

  async function failures(e: Engine) {
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await e.t.as(ADMIN).get(`/audit/accounts?from=${since}&to=${to}&limit=1000`).expect(200);
    return (res.body.items as { kind: string; reason?: string; method?: string; userId: string }[]).filter((i) => i.kind === 'sign-in-failed' && i.method === 'oidc');
  }

  it('tells the sign-in page which provider to offer; an engine without OIDC_* settings offers none and refuses the flow', async () => {
    expect(await (await fetch(`${plain.url}/auth/methods`)).json()).toEqual({ password: true, sso: { name: 'Test IdP', startUrl: '/auth/oidc/start' } });
    const off = await createTestApp(':memory:');
    try {
      expect((await off.withHeaders({}).get('/auth/methods').expect(200)).body).toEqual({ password: true, sso: null });
      const start = await off.withHeaders({}).get('/auth/oidc/start').expect(404);
      expect(start.body.error).toBe('AUTH.SSO_DISABLED');
    } finally {
      await off.close();
    }
  });

  it('asks for the code with PKCE (S256), state and nonce, kept in a sealed HttpOnly cookie for /auth/oidc only', async () => {
    const { authorizationUrl, setCookie } = await start(plain);
    const asked = new URL(authorizationUrl);
    expect(asked.origin).toBe(provider.issuer);
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      response_type: 'code', client_id: CLIENT.clientId, redirect_uri: `${plain.url}/auth/oidc/callback`, scope: 'openid email profile groups',
      code_challenge_method: 'S256', code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), state: expect.any(String), nonce: expect.any(String),
    });
    const cookie = setCookie.find((c) => c.startsWith('deals_oidc='))!;
    expect(cookie.toLowerCase()).toEqual(expect.stringContaining('httponly'));
    expect(cookie.toLowerCase()).toEqual(expect.stringContaining('samesite=lax'));
    expect(cookie).toContain('Path=/auth/oidc');
    expect(cookie).toContain('Max-Age=600');
    expect(cookie).not.toContain(asked.searchParams.get('state')!);
    expect(cookie).not.toContain(asked.searchParams.get('nonce')!);
  });

  it('signs in a registered person found by their e-mail claim: roles follow their groups, the session cookie works, all recorded as events by sso:oidc', async () => {
    const { answer, jar } = await signIn(plain, 'sofia');
    expect(answer.status).toBe(303);
    expect(answer.location).toBe('/app/');
    // The callback's address holds the code: not cached, not passed on as a Referer.
    expect(answer.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    expect(jar.get('deals_session')).toEqual(expect.any(String));
    expect(jar.get('deals_oidc')).toBeUndefined();

    const me = await withSession(plain, jar).get('/users/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ userId: 'sofia@example.com', roles: ['manager'] });
    const session = await (await withSession(plain, jar).get('/auth/session')).json();
    expect(session).toMatchObject({ userId: 'sofia@example.com', via: 'session', csrfToken: expect.any(String) });

    // A second sign-in finds her by the link, with nothing left to change.
    const again = await signIn(plain, 'sofia');
    expect(again.answer.status).toBe(303);

    const store = plain.t.app.get<EventStore>(EVENT_STORE);
    const user = await store.readStream('user-sofia@example.com');
    expect(user.map((e) => [e.type, actorOf(e)])).toEqual([['UserRegistered', 'test.setup'], ['UserRolesChanged', 'sso:oidc']]);
    const credential = await store.readStream('credential-sofia@example.com');
    const linked = credential.filter((e) => e.type === 'ExternalIdentityLinked');
    expect(linked.map((e) => [e.data, actorOf(e)])).toEqual([[
      { userId: 'sofia@example.com', issuer: `${provider.issuer}`, subject: 'sofia', claim: 'email', value: 'sofia@example.com', linkedAt: expect.any(String) },
      'sso:oidc',
    ]]);
    expect(credential.filter((e) => e.type === 'SessionStarted').map((e) => (e.data as { method?: string }).method)).toEqual(['oidc', 'oidc']);

    const to = new Date(Date.now() + 60_000).toISOString();
    const audit = await plain.t.as(ADMIN).get(`/audit/accounts?from=${since}&to=${to}&userId=sofia@example.com&limit=100`).expect(200);
    const kinds = (audit.body.items as { kind: string; method?: string }[]).map((i) => `${i.kind}/${i.method}`).reverse();
    expect(kinds).toEqual(['roles-synced/oidc', 'identity-linked/oidc', 'signed-in/oidc', 'signed-in/oidc']);
  });

  it('registers an unknown person on first sign-in with the mapped roles and the default manager, when provisioning is on', async () => {
    const { answer, jar } = await signIn(provisioning, 'nina');
    expect(answer.status).toBe(303);
    expect(await (await withSession(provisioning, jar).get('/users/me')).json()).toMatchObject({
      userId: 'nina@example.com', name: 'Nina New', roles: ['rep'], managerId: MANAGER.id,
    });
    const store = provisioning.t.app.get<EventStore>(EVENT_STORE);
    const registered = (await store.readStream('user-nina@example.com'))[0];
    expect([registered.type, registered.data, actorOf(registered)]).toEqual([
      'UserRegistered', { userId: 'nina@example.com', name: 'Nina New', roles: ['rep'], managerId: MANAGER.id }, 'sso:oidc',
    ]);
  });

  it('refuses an unknown person without provisioning, and a person whose groups give no role', async () => {
    const unknown = await signIn(plain, 'nina');
    expect(unknown.answer.status).toBe(403);
    expect(unknown.answer.body).toMatchObject({ error: 'AUTH.SSO_USER_UNKNOWN', details: { userId: 'nina@example.com' } });
    expect(unknown.jar.get('deals_session')).toBeUndefined();

    const roleless = await signIn(provisioning, 'gus');
    expect(roleless.answer.status).toBe(403);
    expect(roleless.answer.body.error).toBe('AUTH.SSO_NO_ROLE');
    expect(await provisioning.t.app.get<EventStore>(EVENT_STORE).readStream('user-gus@example.com')).toEqual([]);
  });

  it('refuses a callback whose state is not the one bound to this browser, and one with no flow; a browser lands on the sign-in page', async () => {
    const victim = await start(plain);
    const attacker = await start(plain);
    const attackersAnswer = await throughProvider(attacker.authorizationUrl, 'sofia');
    const swapped = await arrive(plain, attackersAnswer, victim.jar);
    expect(swapped.status).toBe(401);
    expect(swapped.body.error).toBe('AUTH.SSO_STATE_MISMATCH');
    expect(victim.jar.get('deals_session')).toBeUndefined();

    const noFlow = await arrive(plain, attackersAnswer, new CookieJar());
    expect(noFlow.status).toBe(400);
    expect(noFlow.body.error).toBe('AUTH.SSO_FLOW_MISSING');

    const browser = await arrive(plain, attackersAnswer, new CookieJar(), 'text/html,application/xhtml+xml');
    expect(browser.status).toBe(303);
    expect(browser.location).toBe('/app/#/?sso-error=AUTH.SSO_FLOW_MISSING');
  });

  it('refuses an ID token issued for another nonce', async () => {
    const flow = await start(plain);
    const tampered = new URL(flow.authorizationUrl);
    tampered.searchParams.set('nonce', 'a-nonce-this-browser-never-got');
    const callback = await throughProvider(tampered.href, 'sofia');
    const answer = await arrive(plain, callback, flow.jar);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('AUTH.SSO_NONCE_MISMATCH');
    expect(flow.jar.get('deals_session')).toBeUndefined();
  });

  it('refuses a code used once already, even with the flow cookie kept', async () => {
    const flow = await start(plain);
    const kept = flow.jar.get('deals_oidc')!;
    const callback = await throughProvider(flow.authorizationUrl, 'sofia');
    expect((await arrive(plain, callback, flow.jar)).status).toBe(303);
    const replay = new CookieJar();
    replay.set('deals_oidc', kept);
    const again = await arrive(plain, callback, replay);
    expect(again.status).toBe(401);
    expect(again.body.error).toBe('AUTH.SSO_CODE_REJECTED');
    expect(replay.get('deals_session')).toBeUndefined();
  });

  it('refuses when the person cancels at the provider', async () => {
    const flow = await start(plain);
    const callback = await throughProvider(flow.authorizationUrl, 'sofia', { cancel: true });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const answer = await arrive(plain, callback, flow.jar);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('AUTH.SSO_PROVIDER_ERROR');
  });

  it('records every refusal in the account audit as a failed single sign-on, and never answers the client secret', async () => {
    const reasons = (await failures(plain)).map((f) => f.reason).sort();
    expect(reasons).toEqual(['code-rejected', 'flow-missing', 'flow-missing', 'nonce-mismatch', 'provider-error', 'state-mismatch', 'unknown-user']);
    expect((await failures(plain)).find((f) => f.reason === 'unknown-user')?.userId).toBe('nina@example.com');
    expect((await failures(provisioning)).map((f) => f.reason)).toEqual(['no-role']);
    expect(answers.join('\n')).not.toContain(CLIENT.clientSecret);
  });
});
