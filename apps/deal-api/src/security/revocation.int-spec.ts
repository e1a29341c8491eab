import { SseClient } from '../testing/sse-client';
import { ADMIN, createTestApp, OPS, openAcme, REP, TestActor, TestApp } from '../testing/test-app';

const closedReason = (feed: SseClient) => {
  const closed = feed.messages.find((m) => m.event === 'closed');
  return closed === undefined ? undefined : (JSON.parse(closed.data) as { reason: string }).reason;
};

/** Rights that change while someone holds a token and an open live feed (real HTTP). */
describe('revocation', () => {
  let t: TestApp;
  let base: string;
  const feeds: SseClient[] = [];
  const feed = () => {
    const f = new SseClient();
    feeds.push(f);
    return f;
  };

  beforeAll(async () => {
    t = await createTestApp();
    base = await t.listen();
  });
  afterEach(() => feeds.splice(0).forEach((f) => f.close()));
  afterAll(() => t.close());

  it('a demoted user\'s next request is refused and their open feed closes; others\' feeds go on', async () => {
    const ops: TestActor = { id: 'otto.ops', roles: ['sales-ops'] };
    await t.registerUser(ops);
    const headers = t.headersOf(ops);
    const theirs = feed();
    await theirs.connect(`${base}/live/projections?projections=audit`, headers);
    const bystander = feed();
    await bystander.connect(`${base}/live/projections?projections=audit`, t.headersOf(OPS));
    await openAcme(t);
    await theirs.waitUntil((m) => m.some((x) => x.event === 'audit'));

    await t.as(ADMIN).post(`/users/${ops.id}/roles`, { roles: ['rep'] }).expect(201);
    await theirs.waitForEnd();
    expect(closedReason(theirs)).toBe('rights-changed');
    const refused = await t.withHeaders(headers).get('/projections').expect(403);
    expect(refused.body.details).toMatchObject({ permission: 'projections:status', actorRoles: ['rep'] });
    // Reconnecting with the same token is judged on the new rights.
    const again = await t.withHeaders(headers).get('/live/projections?projections=audit').expect(403);
    expect(again.body.details.permission).toBe('live:every-projection');

    const seen = bystander.messages.length;
    await openAcme(t);
    await bystander.waitUntil((m) => m.length > seen);
    expect(bystander.ended).toBe(false);
  });

  it('a deactivated user\'s feed closes and their token stops working', async () => {
    const rep: TestActor = { id: 'rita.rep', roles: ['rep'] };
    await t.registerUser(rep);
    const headers = t.headersOf(rep);
    const theirs = feed();
    await theirs.connect(`${base}/live/projections`, headers);
    await t.as(ADMIN).post(`/users/${rep.id}/deactivate`, { reason: 'Left' }).expect(201);
    await theirs.waitForEnd();
    expect(closedReason(theirs)).toBe('rights-changed');
    expect((await t.withHeaders(headers).get('/live/projections').expect(401)).body.error).toBe('AUTH.USER_DEACTIVATED');
  });

  it('a feed closes when its token expires, while /users/me already refuses the token', async () => {
    const short = { Authorization: `Bearer ${t.tokenFor(REP, 2)}` };
    const theirs = feed();
    await theirs.connect(`${base}/live/projections`, short);
    await theirs.waitForEnd(15_000);
    expect(closedReason(theirs)).toBe('token-expired');
    expect((await t.withHeaders(short).get('/users/me').expect(401)).body.error).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('a feed opened with a personal token closes when the token is revoked; a feed of the same person on another credential goes on', async () => {
    const rep: TestActor = { id: 'paul.pat', roles: ['rep'] };
    await t.registerUser(rep);
    const { token, tokenId } = (await t.as(rep).post(`/users/${rep.id}/tokens`, { name: 'Wallboard', scopes: ['read'] }).expect(201)).body;
    const withToken = feed();
    await withToken.connect(`${base}/live/projections`, { Authorization: `Bearer ${token}` });
    const withJwt = feed();
    await withJwt.connect(`${base}/live/projections`, t.headersOf(rep));

    await t.as(rep).delete(`/users/${rep.id}/tokens/${tokenId}`).expect(200);
    await withToken.waitForEnd();
    expect(closedReason(withToken)).toBe('credential-ended');
    expect(withJwt.ended).toBe(false);
  });

  it('a feed opened in a dashboard session closes when the session signs out', async () => {
    const rep: TestActor = { id: 'sam.session', roles: ['rep'] };
    await t.registerUser(rep);
    const { token } = (await t.as(ADMIN).post(`/users/${rep.id}/invitation`, {}).expect(201)).body;
    await t.withHeaders({}).post('/auth/password', { userId: rep.id, token, password: 'a long enough passphrase 1' }).expect(200);
    const signedIn = await t.withHeaders({}).post('/auth/sign-in', { userId: rep.id, password: 'a long enough passphrase 1' }).expect(200);
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    const theirs = feed();
    await theirs.connect(`${base}/live/projections`, { Cookie: cookie });

    await t.withHeaders({ Cookie: cookie, 'X-CSRF-Token': signedIn.body.csrfToken }).post('/auth/sign-out', {}).expect(200);
    await theirs.waitForEnd();
    expect(closedReason(theirs)).toBe('credential-ended');
  });
});
