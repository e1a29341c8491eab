import { EVENT_STORE, EventStore } from '@deals/event-store';
import { ADMIN, createTestApp, INTEGRATION, MANAGER, REP, TestApp } from '../../testing/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('personal access tokens and service accounts (real SQLite, HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a person creates a token, shown once; it acts as them with their current rights; revoked, it is refused at once', async () => {
    const created = await t.as(REP).post(`/users/${REP.id}/tokens`, { name: 'My script', scopes: ['read', 'write'] }).expect(201);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.body).toMatchObject({
      userId: REP.id, name: 'My script', scopes: ['read', 'write'], status: 'active', createdBy: REP.id, token: expect.stringMatching(/^deals_pat_[A-Za-z0-9_-]{43}$/),
    });
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    const token = created.body.token as string;
    expect((await t.withHeaders(bearer(token)).get('/users/me').expect(200)).body.userId).toBe(REP.id);
    await t.withHeaders(bearer(token)).post('/commission/disputes', { userId: REP.id, period: '2026-Q1', lineId: 'l', claim: 'Missing' }).expect(201);
    expect((await t.withHeaders(bearer(token)).get('/audit/access-denials?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z')).status).toBe(403);

    const listed = await t.as(REP).get(`/users/${REP.id}/tokens`).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ tokenId: created.body.tokenId, name: 'My script', status: 'active' })]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect((await t.as(MANAGER).get(`/users/${REP.id}/tokens`)).status).toBe(403);

    const revoked = await t.withHeaders(bearer(token)).delete(`/users/${REP.id}/tokens/${created.body.tokenId}`).expect(200);
    expect(revoked.body).toEqual({ userId: REP.id, tokenId: created.body.tokenId, revoked: true });
    const refused = await t.withHeaders(bearer(token)).get('/users/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('AUTH.TOKEN_REVOKED');
    expect((await t.as(REP).get(`/users/${REP.id}/tokens`).expect(200)).body.items[0]).toMatchObject({ status: 'revoked', revokedBy: REP.id });
    expect((await t.as(REP).delete(`/users/${REP.id}/tokens/${created.body.tokenId}`).expect(200)).body.revoked).toBe(false);
  });

  it('a read-scoped token only reads, and no token creates tokens', async () => {
    const { token } = (await t.as(REP).post(`/users/${REP.id}/tokens`, { name: 'Dashboard export', scopes: ['read'], expiresInDays: 7 }).expect(201)).body;
    await t.withHeaders(bearer(token)).get(`/users/me`).expect(200);
    const write = await t.withHeaders(bearer(token)).post('/commission/disputes', { userId: REP.id, period: '2026-Q1', lineId: 'l', claim: 'Missing' });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ error: 'AUTH.TOKEN_SCOPE', details: { scopes: ['read'], needed: 'write' } });
    const { token: writer } = (await t.as(REP).post(`/users/${REP.id}/tokens`, { name: 'Writer', scopes: ['write'] }).expect(201)).body;
    const chained = await t.withHeaders(bearer(writer)).post(`/users/${REP.id}/tokens`, { name: 'Another', scopes: ['write'] });
    expect(chained.status).toBe(403);
    expect(chained.body.error).toBe('AUTH.TOKEN_CANNOT_CREATE');
    const bad = await t.as(REP).post(`/users/${REP.id}/tokens`, { name: 'x', scopes: ['admin'] });
    expect(bad.status).toBe(400);
  });

  it('an admin makes tokens for a service account, which acts with the integration role; nobody else may', async () => {
    expect((await t.as(REP).post(`/users/${INTEGRATION.id}/tokens`, { name: 'Calendar sync', scopes: ['write'] })).status).toBe(403);
    const created = await t.as(ADMIN).post(`/users/${INTEGRATION.id}/tokens`, { name: 'Calendar sync', scopes: ['write'], expiresInDays: 366 }).expect(201);
    expect(created.body).toMatchObject({ userId: INTEGRATION.id, createdBy: ADMIN.id });
    const me = await t.withHeaders(bearer(created.body.token)).get('/users/me').expect(200);
    expect(me.body.roles).toEqual(['integration']);
    expect((await t.withHeaders(bearer(created.body.token)).get('/pipeline')).status).toBe(403);
    await t.as(ADMIN).delete(`/users/${INTEGRATION.id}/tokens/${created.body.tokenId}`).expect(200);
    expect((await t.withHeaders(bearer(created.body.token)).get('/users/me')).body.error).toBe('AUTH.TOKEN_REVOKED');
    expect((await t.withHeaders(bearer('deals_pat_' + 'x'.repeat(43))).get('/users/me')).body.error).toBe('AUTH.TOKEN_REVOKED');
  });

  it('keeps only token hashes in the store, and audits creation and revocation', async () => {
    const { token, tokenId } = (await t.as(REP).post(`/users/${REP.id}/tokens`, { name: 'Audit me', scopes: ['read'] }).expect(201)).body;
    const { events } = await t.app.get<EventStore>(EVENT_STORE).readAll();
    expect(JSON.stringify(events)).not.toContain(token);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const audit = await t.as(ADMIN).get(`/audit/accounts?from=${from}&to=${to}&userId=${REP.id}`).expect(200);
    expect(audit.body.items).toContainEqual(expect.objectContaining({ kind: 'token-created', tokenId, actorId: REP.id }));
    expect(audit.body.items).toContainEqual(expect.objectContaining({ kind: 'token-revoked', actorId: REP.id }));
  });
});
