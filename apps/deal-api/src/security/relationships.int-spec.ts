import { JwtService } from '@nestjs/jwt';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { SseClient } from '../testing/sse-client';
import {
  ADMIN, createTestApp, email, FINANCE, MANAGER, openAcme, OPS, OTHER_MANAGER, OTHER_REP, REP, TestActor, TestApp,
} from '../testing/test-app';
import { headOf, winDeal, writtenSince } from './testing/security-harness';

const SUPPORT: TestActor = { id: 'sam.support', roles: ['rep'] };

/** The findings of the review, each as it was reported: the status, the code, and that nothing was written. */
describe('trust at the door: rights by relationship, current rights, refusals (real SQLite, HTTP)', () => {
  let t: TestApp;
  let store: EventStore;
  beforeAll(async () => {
    t = await createTestApp();
    store = t.app.get(EVENT_STORE);
    await t.registerUser({ ...SUPPORT, managerId: MANAGER.id });
  });
  afterAll(() => t.close());

  async function refused(res: { status: number; body: { error: string; details: { permission: string } } }, permission: string, before: number) {
    expect({ status: res.status, error: res.body.error, permission: res.body.details?.permission }).toEqual({ status: 403, error: 'AUTH.PERMISSION_DENIED', permission });
    expect(await writtenSince(t, before)).toEqual([]);
  }

  it('a support rep cannot lift his own restriction: no self-granted team role, no removing the owner, no amount', async () => {
    const dealId = await openAcme(t, REP);
    await t.as(REP).post(`/deals/${dealId}/team`, { userId: SUPPORT.id, role: 'support-rep' }).expect(201);
    const before = await headOf(t);
    const promote = await t.as(SUPPORT).post(`/deals/${dealId}/team`, { userId: SUPPORT.id, role: 'account-executive' });
    await refused(promote, 'deal:AddTeamMember', before);
    await refused(await t.as(SUPPORT).delete(`/deals/${dealId}/team/${REP.id}/account-executive`), 'deal:RemoveTeamMember', before);
    await refused(await t.as(SUPPORT).post(`/deals/${dealId}/amount`, { expectedAmount: '1.00', reason: 'x' }), 'deal:ChangeAmount', before);
    const splits = { revenue: [{ userId: SUPPORT.id, role: 'support-rep', shareBp: 10_000 }] };
    await refused(await t.as(SUPPORT).post(`/deals/${dealId}/splits`, splits), 'deal:SetCreditSplits', before);
    // Even an admin does not put himself on a team.
    const self = await t.as(ADMIN).post(`/deals/${dealId}/team`, { userId: ADMIN.id, role: 'executive-sponsor' });
    await refused(self, 'deal:AddTeamMember', before);
    expect(self.body.details.reason).toBe('self');
  });

  it('a manager with no relation to a deal writes nothing to it, and the refusal reveals none of its figures', async () => {
    const dealId = await openAcme(t, REP);
    await winDeal(t, dealId, REP, MANAGER);
    let before = await headOf(t);
    await refused(await t.as(OTHER_MANAGER).get(`/deals/${dealId}`), 'deal:read', before);
    await refused(await t.as(OTHER_MANAGER).post(`/deals/${dealId}/splits`, { revenue: [{ userId: OTHER_MANAGER.id, role: 'account-executive', shareBp: 10_000 }] }), 'deal:SetCreditSplits', before);
    await refused(await t.as(OTHER_MANAGER).post(`/deals/${dealId}/reversal`, { reason: 'Order cancelled' }), 'deal:ReverseWonDeal', before);
    const open = await openAcme(t, REP);
    before = await headOf(t);
    const mismatch = await t.as(OTHER_MANAGER).post(`/deals/${open}/amount`, { expectedAmount: '1.00', reason: 'x', lineItems: [{ productCode: 'A', amount: '5.00', quantity: 1 }] });
    await refused(mismatch, 'deal:ChangeAmount', before);
    const advance = await t.as(OTHER_MANAGER).post(`/deals/${open}/stage/advance`, {});
    await refused(advance, 'deal:AdvanceStage', before);
    for (const res of [mismatch, advance]) {
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/100000|60000|40000|criteri|Acme/);
    }
    // Her own manager may.
    await t.as(MANAGER).post(`/deals/${dealId}/reversal`, { reason: 'Order cancelled' }).expect(201);
  });

  it('rights do not outlive their grant: a demoted admin\'s token, an unregistered user\'s, a token for a century', async () => {
    const former: TestActor = { id: 'ada.admin', roles: ['admin'] };
    await t.registerUser(former);
    const token = { Authorization: `Bearer ${t.tokenFor(former)}` };
    await t.as(ADMIN).post(`/users/${former.id}/roles`, { roles: ['rep'] }).expect(201);
    const before = await headOf(t);
    await refused(await t.withHeaders(token).post('/users', { userId: 'sneaky.admin', name: 'S', roles: ['admin'] }), 'user:RegisterUser', before);
    await refused(await t.withHeaders(token).post(`/users/${former.id}/roles`, { roles: ['admin'] }), 'user:ChangeUserRoles', before);
    expect((await t.withHeaders(token).get('/users/me').expect(200)).body).toMatchObject({ roles: ['rep'], tokenRoles: ['admin'] });

    const ghost = await t.as({ id: 'never.registered', roles: ['admin'] }).get('/users/me').expect(401);
    expect(ghost.body.error).toBe('AUTH.USER_UNKNOWN');
    const iat = Math.floor(Date.now() / 1000);
    const century = t.app.get(JwtService).sign({ sub: ADMIN.id, roles: ['admin'], iat, exp: iat + 100 * 365 * 86_400 });
    const long = await t.withHeaders({ Authorization: `Bearer ${century}` }).get('/users/me').expect(401);
    expect(long.body).toMatchObject({ error: 'AUTH.TOKEN_INVALID', details: { maxLifetimeSeconds: 43_200 } });
    const future = t.app.get(JwtService).sign({ sub: ADMIN.id, iat: iat + 3600, exp: iat + 7200 });
    expect((await t.withHeaders({ Authorization: `Bearer ${future}` }).get('/users/me').expect(401)).body.error).toBe('AUTH.TOKEN_INVALID');
    const noIat = t.app.get(JwtService).sign({ sub: ADMIN.id, exp: iat + 60 }, { noTimestamp: true });
    expect((await t.withHeaders({ Authorization: `Bearer ${noIat}` }).get('/users/me').expect(401)).body.error).toBe('AUTH.TOKEN_INVALID');
  });

  it('a deactivated user is refused at once and comes back when reactivated; nobody deactivates themselves', async () => {
    const leaver: TestActor = { id: 'leo.leaver', roles: ['rep'] };
    await t.registerUser(leaver);
    const token = { Authorization: `Bearer ${t.tokenFor(leaver)}` };
    await t.withHeaders(token).get('/users/me').expect(200);
    await t.as(ADMIN).post(`/users/${leaver.id}/deactivate`, { reason: 'Left the company' }).expect(201);
    expect((await t.withHeaders(token).get('/users/me').expect(401)).body.error).toBe('AUTH.USER_DEACTIVATED');
    expect((await t.as(ADMIN).post(`/users/${leaver.id}/deactivate`, { reason: 'Again' }).expect(409)).body.error).toBe('USER.ALREADY_DEACTIVATED');
    await t.as(ADMIN).post(`/users/${leaver.id}/reactivate`, { reason: 'Rehired' }).expect(201);
    await t.withHeaders(token).get('/users/me').expect(200);
    const before = await headOf(t);
    await refused(await t.as(ADMIN).post(`/users/${ADMIN.id}/deactivate`, { reason: 'x' }), 'user:DeactivateUser', before);
  });

  it('a replay after Last-Event-ID holds only what the subscriber may read now', async () => {
    const base = await t.listen();
    const dealId = await openAcme(t, REP);
    await t.as(REP).post(`/deals/${dealId}/team`, { userId: OTHER_REP.id, role: 'sales-engineer' }).expect(201);
    await t.as(REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<r@x>') }).expect(201);
    await t.as(REP).delete(`/deals/${dealId}/team/${OTHER_REP.id}/sales-engineer`).expect(200);
    const marker = await openAcme(t, OTHER_REP);
    const feed = new SseClient();
    try {
      await feed.connect(`${base}/live/projections?projections=deal-summary`, { ...t.headersOf(OTHER_REP), 'Last-Event-ID': '0' });
      await feed.waitUntil((messages) => messages.some((m) => m.data.includes(marker)));
      const keys = feed.messages.filter((m) => m.event === 'deal-summary').map((m) => JSON.parse(m.data).key);
      expect(keys).toContain(marker);
      expect(keys).not.toContain(dealId);
    } finally {
      feed.close();
    }
  });

  it('refusals are counted per actor, permission and minute, not stored one by one, and can be read back', async () => {
    const dealId = await openAcme(t, REP);
    const day = new Date().toISOString().slice(0, 10);
    const recordsBefore = (await store.readStream(`access-denials-${day}`)).length;
    const from = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 1000; i++) await t.as(OTHER_REP).get(`/deals/${dealId}`).expect(403);
    const to = new Date(Date.now() + 60_000).toISOString();
    const log = await t.as(OPS).get(`/audit/access-denials?from=${from}&to=${to}&actorId=${OTHER_REP.id}`).expect(200);
    const read = log.body.items.filter((row: { permission: string }) => row.permission === 'deal:read');
    expect(read.reduce((n: number, row: { count: number }) => n + row.count, 0)).toBe(1000);
    expect(read[0]).toMatchObject({ actorId: OTHER_REP.id, reasonCode: 'not-on-deal', resources: [`deal/${dealId}`] });
    // The first of each minute is written at once, the rest of that minute as one count: a few records, not 1,000.
    const records = (await store.readStream(`access-denials-${new Date().toISOString().slice(0, 10)}`)).length - recordsBefore;
    expect(records).toBeLessThanOrEqual(6);
    // Her own refusals are in her audit; another rep may not read them, the log is for sales-ops, finance and admin.
    const own = await t.as(OTHER_REP).get(`/audit/people/${OTHER_REP.id}/access-denials?from=${from}&to=${to}`).expect(200);
    expect(own.body.refusals).toBeGreaterThanOrEqual(1000);
    await t.as(REP).get(`/audit/people/${OTHER_REP.id}/access-denials?from=${from}&to=${to}`).expect(403);
    await t.as(FINANCE).get(`/audit/access-denials?from=${from}&to=${to}`).expect(200);
    await t.as(MANAGER).get(`/audit/access-denials?from=${from}&to=${to}`).expect(403);
    expect((await t.as(OPS).get(`/audit/access-denials?from=${to}&to=${from}`).expect(400)).body.error).toBe('AUDIT.PERIOD_INVALID');
  }, 60_000); // a thousand refused requests: seconds on a loaded two-core machine

  it('operator endpoints refuse through the same path, and the refusal is recorded', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    for (const [actor, path] of [[REP, '/projections'], [MANAGER, '/projections/deal-summary/dead-letters'], [FINANCE, '/projections']] as const) {
      const res = await t.as(actor).get(path).expect(403);
      expect(res.body.error).toBe('AUTH.PERMISSION_DENIED');
    }
    const verify = await t.as(REP).get('/integrity/verify').expect(403);
    expect(verify.body).toMatchObject({ error: 'AUTH.PERMISSION_DENIED', details: { permission: 'integrity:verify' } });
    const rebuild = await t.as(FINANCE).post('/projections/audit/rebuild').expect(403);
    expect(rebuild.body.details.permission).toBe('projections:rebuild');
    const to = new Date(Date.now() + 60_000).toISOString();
    const log = await t.as(ADMIN).get(`/audit/access-denials?from=${from}&to=${to}`).expect(200);
    const permissions = log.body.items.map((row: { permission: string; actorId: string }) => `${row.actorId} ${row.permission}`);
    expect(permissions).toEqual(expect.arrayContaining([
      `${REP.id} projections:status`, `${MANAGER.id} projections:dead-letters`, `${REP.id} integrity:verify`, `${FINANCE.id} projections:rebuild`,
    ]));
    await t.as(OPS).get('/projections').expect(200);
  });
});
