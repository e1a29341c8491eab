import request from 'supertest';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { ADMIN, createTestApp, MANAGER, REP, TestActor, TestApp } from '../../testing/test-app';

const PASSWORD = 'correct horse battery staple';
const ARGON2 = '$argon2id$';

/** The cookie's value and attributes from a Set-Cookie header. */
function sessionCookieOf(res: request.Response): { value: string; attributes: string[]; header: string } {
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('deals_session='));
  if (!header) throw new Error(`no session cookie in ${JSON.stringify(res.headers)}`);
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  return { value: pair.slice('deals_session='.length), attributes: attributes.map((a) => a.toLowerCase()), header };
}

/** Only Date is faked: the store's and the server's timers keep running. */
function clockAt(iso: string): void {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
  });
}

describe('accounts: invitations, passwords, sessions, CSRF and lockout (real SQLite, HTTP)', () => {
  let t: TestApp;
  let server: Parameters<typeof request>[0];
  const seen: string[] = [];
  const keep = (res: request.Response) => {
    seen.push(JSON.stringify(res.body), JSON.stringify(res.headers));
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp(':memory:', { accounts: { lockoutAttempts: 3, addressAttempts: 1000 } });
    server = t.app.getHttpServer();
  });
  afterAll(() => t.close());
  afterEach(() => jest.useRealTimers());

  const invite = async (actor: TestActor, userId: string, kind: 'invitation' | 'password-reset' = 'invitation') =>
    keep(await t.as(actor).post(`/users/${userId}/${kind}`, {}));
  const setPassword = async (userId: string, token: string, password = PASSWORD) =>
    keep(await request(server).post('/auth/password').send({ userId, token, password }));
  const signIn = async (userId: string, password = PASSWORD, headers: Record<string, string> = {}) =>
    keep(await request(server).post('/auth/sign-in').set(headers).send({ userId, password }));
  const withCookie = (cookie: string, headers: Record<string, string> = {}) => ({
    get: (path: string) => request(server).get(path).set({ Cookie: `deals_session=${cookie}`, ...headers }),
    post: (path: string, body: object = {}) => request(server).post(path).set({ Cookie: `deals_session=${cookie}`, ...headers }).send(body),
  });

  async function registered(userId: string, roles: string[] = ['rep']): Promise<TestActor> {
    const actor = { id: userId, roles };
    await t.registerUser(actor);
    return actor;
  }

  async function withPassword(userId: string): Promise<void> {
    await registered(userId);
    const link = await invite(ADMIN, userId);
    expect(link.status).toBe(201);
    expect((await setPassword(userId, link.body.token)).status).toBe(200);
  }

  it('an admin invites a person with a one-time link; they set a password and sign in with it', async () => {
    await registered('ivy.invited');
    expect((await t.as(MANAGER).post('/users/ivy.invited/invitation', {})).status).toBe(403);
    const link = await invite(ADMIN, 'ivy.invited');
    expect(link.status).toBe(201);
    expect(link.headers['cache-control']).toBe('no-store');
    expect(link.body).toMatchObject({ userId: 'ivy.invited', purpose: 'invitation', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(link.body.url).toMatch(new RegExp(`/app/#/set-password\\?user=ivy\\.invited&token=${link.body.token}$`));
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);

    expect((await signIn('ivy.invited')).status).toBe(401);
    const weak = await setPassword('ivy.invited', link.body.token, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.error).toBe('ACCOUNT.PASSWORD_WEAK');
    expect((await setPassword('ivy.invited', link.body.token)).body).toEqual({ userId: 'ivy.invited', purpose: 'invitation' });

    const used = await setPassword('ivy.invited', link.body.token, 'another good passphrase');
    expect(used.status).toBe(400);
    expect(used.body.error).toBe('ACCOUNT.LINK_INVALID');
    const again = await invite(ADMIN, 'ivy.invited');
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('ACCOUNT.PASSWORD_ALREADY_SET');

    const signedIn = await signIn('ivy.invited');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ userId: 'ivy.invited', roles: ['rep'], via: 'session', csrfToken: expect.any(String) });
    const cookie = sessionCookieOf(signedIn);
    const me = await withCookie(cookie.value).get('/users/me').expect(200);
    expect(me.body.userId).toBe('ivy.invited');
  });

  it('refuses an expired link, and a link replaced by a newer one', async () => {
    await registered('eve.expired');
    const first = await invite(ADMIN, 'eve.expired');
    const second = await invite(ADMIN, 'eve.expired');
    expect((await setPassword('eve.expired', first.body.token)).body.error).toBe('ACCOUNT.LINK_INVALID');
    clockAt(new Date(Date.parse(second.body.expiresAt) + 1000).toISOString());
    const expired = await setPassword('eve.expired', second.body.token);
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({ error: 'ACCOUNT.LINK_EXPIRED', details: { expiredAt: second.body.expiresAt } });
    jest.useRealTimers();
    expect((await setPassword('eve.expired', second.body.token)).status).toBe(200);
  });

  it('flags the session cookie HttpOnly, SameSite=Lax, for the whole origin, expiring with the session; not Secure over plain HTTP', async () => {
    await withPassword('carl.cookie');
    const res = await signIn('carl.cookie');
    const { attributes } = sessionCookieOf(res);
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(attributes.some((a) => a.startsWith('expires='))).toBe(true);
    expect(attributes).not.toContain('secure');
    // X-Forwarded-Proto is not trusted unless TRUST_PROXY says the API sits behind a proxy.
    expect(sessionCookieOf(await signIn('carl.cookie', PASSWORD, { 'X-Forwarded-Proto': 'https' })).attributes).not.toContain('secure');
  });

  it('marks the cookie Secure when a trusted proxy says the request came over https', async () => {
    const proxied = await createTestApp(':memory:', { accounts: { trustProxy: true } });
    try {
      await proxied.registerUser({ id: 'pia.proxy', roles: ['rep'] });
      const link = await proxied.as(ADMIN).post('/users/pia.proxy/invitation', {}).expect(201);
      expect(link.body.url.startsWith('https://')).toBe(false);
      await request(proxied.app.getHttpServer()).post('/auth/password').send({ userId: 'pia.proxy', token: link.body.token, password: PASSWORD }).expect(200);
      const res = await request(proxied.app.getHttpServer()).post('/auth/sign-in').set('X-Forwarded-Proto', 'https').send({ userId: 'pia.proxy', password: PASSWORD }).expect(200);
      expect(sessionCookieOf(res).attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax']));
    } finally {
      await proxied.close();
    }
  });

  it('refuses a state-changing request made with the cookie unless it carries the session\'s CSRF token', async () => {
    await withPassword('cora.csrf');
    const signedIn = await signIn('cora.csrf');
    const cookie = sessionCookieOf(signedIn).value;
    const body = { userId: 'cora.csrf', period: '2026-Q1', lineId: 'l', claim: 'Missing' };
    const missing = await withCookie(cookie).post('/commission/disputes', body);
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ error: 'AUTH.CSRF_REJECTED', details: { problem: 'the header is missing' } });
    const other = await signIn('cora.csrf');
    const wrong = await withCookie(cookie, { 'X-CSRF-Token': other.body.csrfToken }).post('/commission/disputes', body);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe('AUTH.CSRF_REJECTED');
    expect((await withCookie(cookie).get('/users/me')).status).toBe(200);
    const allowed = await withCookie(cookie, { 'X-CSRF-Token': signedIn.body.csrfToken }).post('/commission/disputes', body);
    expect(allowed.status).toBe(201);
    // A bearer token is not sent by a browser on its own: no CSRF token needed.
    await t.as({ id: 'cora.csrf', roles: ['rep'] }).post('/commission/disputes', { ...body, lineId: 'l2' }).expect(201);
    // The CSRF token comes back with the session after a reload.
    const session = await withCookie(cookie).get('/auth/session').expect(200);
    expect(session.body).toMatchObject({ userId: 'cora.csrf', via: 'session', csrfToken: signedIn.body.csrfToken });
  });

  it('signs out on the server: the cookie stops working at once, and sessions expire', async () => {
    await withPassword('sid.signout');
    const signedIn = await signIn('sid.signout');
    const cookie = sessionCookieOf(signedIn).value;
    const out = await withCookie(cookie, { 'X-CSRF-Token': signedIn.body.csrfToken }).post('/auth/sign-out');
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signedOut: true });
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).some((c) => c.startsWith('deals_session=;'))).toBe(true);
    const after = await withCookie(cookie).get('/users/me');
    expect(after.status).toBe(401);
    expect(after.body.error).toBe('AUTH.SESSION_INVALID');

    const later = await signIn('sid.signout');
    clockAt(new Date(Date.parse(later.body.expiresAt) + 1000).toISOString());
    expect((await withCookie(sessionCookieOf(later).value).get('/users/me')).body.error).toBe('AUTH.SESSION_INVALID');
  });

  it('ends every session when a new password is set through a reset link', async () => {
    await withPassword('rita.reset');
    const before = sessionCookieOf(await signIn('rita.reset')).value;
    const reset = await invite(ADMIN, 'rita.reset', 'password-reset');
    expect(reset.body.purpose).toBe('reset');
    expect((await signIn('rita.reset')).status).toBe(200);
    await setPassword('rita.reset', reset.body.token, 'a brand new passphrase').then((res) => expect(res.status).toBe(200));
    expect((await withCookie(before).get('/users/me')).body.error).toBe('AUTH.SESSION_INVALID');
    expect((await signIn('rita.reset')).status).toBe(401);
    expect((await signIn('rita.reset', 'a brand new passphrase')).status).toBe(200);
  });

  it('locks a user id after repeated failures with 429, the same for an unknown user, and lets nobody in meanwhile', async () => {
    await withPassword('lou.locked');
    const known: request.Response[] = [];
    const unknown: request.Response[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await signIn('lou.locked', 'not the password at all'));
      unknown.push(await signIn('nobody.here', 'not the password at all'));
    }
    expect(known.map((r) => r.status)).toEqual([401, 401, 429]);
    expect(unknown.map((r) => r.status)).toEqual([401, 401, 429]);
    expect(known[0].body).toEqual(unknown[0].body);
    expect(known[0].body).toMatchObject({ error: 'AUTH.SIGN_IN_FAILED', message: 'The user id or the password is wrong.' });
    const locked = await signIn('lou.locked');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ statusCode: 429, error: 'AUTH.SIGN_IN_LOCKED', details: { retryAfterSeconds: expect.any(Number) } });
    expect(locked.body.message).toContain('Too many failed sign-ins');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect({ ...locked.body, details: {} }).toEqual({ ...(await signIn('nobody.here')).body, details: {} });
    // The lock is per user id: someone else signs in.
    expect((await signIn('rita.reset', 'a brand new passphrase')).status).toBe(200);
    clockAt(new Date(Date.now() + 16 * 60_000).toISOString());
    expect((await signIn('lou.locked')).status).toBe(200);
  });

  it('records sign-ins, failures, lockouts, sign-outs, links and passwords for admins to read, never a secret', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    expect((await t.as(REP).get(`/audit/accounts?from=${from}&to=${to}`)).status).toBe(403);
    const audit = keep(await t.as(ADMIN).get(`/audit/accounts?from=${from}&to=${to}&limit=1000`).expect(200));
    const kinds = new Set(audit.body.items.map((i: { kind: string }) => i.kind));
    expect([...kinds].sort()).toEqual(['invitation-issued', 'locked-out', 'password-set', 'reset-issued', 'sign-in-failed', 'signed-in', 'signed-out']);
    expect(audit.body.items).toContainEqual(expect.objectContaining({ kind: 'sign-in-failed', userId: 'nobody.here', reason: 'unknown-user' }));
    expect(audit.body.items).toContainEqual(expect.objectContaining({ kind: 'invitation-issued', userId: 'ivy.invited', actorId: ADMIN.id }));
    const ivy = keep(await t.as(ADMIN).get(`/audit/accounts?from=${from}&to=${to}&userId=ivy.invited`).expect(200));
    expect(ivy.body.items.every((i: { userId: string }) => i.userId === 'ivy.invited')).toBe(true);
  });

  it('never answers a password hash, and keeps only hashes in the store', async () => {
    expect(seen.join('\n')).not.toContain(ARGON2);
    expect(seen.join('\n')).not.toContain(PASSWORD);
    const { events } = await t.app.get<EventStore>(EVENT_STORE).readAll();
    const stored = JSON.stringify(events);
    expect(stored).toContain(ARGON2);
    expect(stored).not.toContain(PASSWORD);
    const tokens = seen.flatMap((s) => [...s.matchAll(/"token":"([A-Za-z0-9_-]{43})"/g)].map((m) => m[1]));
    expect(tokens.length).toBeGreaterThan(3);
    for (const token of tokens) expect(stored).not.toContain(token);
    const activity = events.filter((e) => e.streamId.startsWith('account-activity-'));
    expect(JSON.stringify(activity)).not.toMatch(/argon2|"tokenHash"|"passwordHash"/);
  });
});
