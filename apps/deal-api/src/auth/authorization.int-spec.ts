import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import {
  ADMIN, createTestApp, email, FINANCE, IMPLEMENTATION, INTEGRATION, MANAGER, openAcme, OPS, OTHER_MANAGER, OTHER_REP, REP,
  TestActor, TestApp,
} from '../testing/test-app';

const ev = { kind: 'email', ref: '<x@acme.example>' };

describe('authorisation over HTTP (real SQLite)', () => {
  let t: TestApp;
  let store: EventStore;
  beforeAll(async () => {
    t = await createTestApp();
    store = t.app.get(EVENT_STORE);
  });
  afterAll(() => t.close());

  async function denialsToday(): Promise<{ actorId: string; action: string; resource: string; reasonCode: string }[]> {
    const events = await store.readStream(`access-denials-${new Date().toISOString().slice(0, 10)}`);
    return events.map((e) => e.data as never);
  }

  it('answers a denial with the missing permission and the roles that allow it, and records it', async () => {
    const dealId = await openAcme(t);
    await t.registerUser({ id: 'sue.support', roles: ['rep'] });
    await t.as(REP).post(`/deals/${dealId}/team`, { userId: 'sue.support', role: 'support-rep' }).expect(201);
    const res = await t.as({ id: 'sue.support', roles: ['rep'] }).post(`/deals/${dealId}/amount`, { expectedAmount: '1.00', reason: 'x' }).expect(403);
    expect(res.body).toMatchObject({
      error: 'AUTH.PERMISSION_DENIED',
      details: { permission: 'deal:ChangeAmount', resource: `deal/${dealId}`, reason: 'support-rep', allowedRoles: ['rep', 'manager', 'admin'] },
    });
    expect(res.body.message).toContain('deal:ChangeAmount');
    expect(await denialsToday()).toContainEqual(expect.objectContaining({
      actorId: 'sue.support', action: 'deal:ChangeAmount', resource: `deal/${dealId}`, reasonCode: 'support-rep',
    }));
    const history = await t.as(REP).get(`/deals/${dealId}/events`).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).not.toContain('AmountChanged');
  });

  it('still answers 403 when the denial cannot be recorded', async () => {
    const dealId = await openAcme(t);
    const append = jest.spyOn(store, 'append').mockRejectedValueOnce(new Error('disk full'));
    try {
      const res = await t.as(OTHER_REP).post(`/deals/${dealId}/buyer-responses`, { evidence: email('<a@x>') }).expect(403);
      expect(res.body.error).toBe('AUTH.PERMISSION_DENIED');
    } finally {
      append.mockRestore();
    }
  });

  describe('reading deals', () => {
    let dealId: string;
    let wonId: string;
    beforeAll(async () => {
      dealId = await openAcme(t, REP);
      wonId = await openAcme(t, REP);
      await t.as(MANAGER).post(`/deals/${wonId}/stage/override`, { toStageId: 'terms-agreed', reason: 'Signed in the room' }).expect(201);
      await t.as(REP).post(`/deals/${wonId}/terms`, { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'May', evidence: ev }).expect(201);
      await t.as(REP).post(`/deals/${wonId}/close-won`, { signedOrder: { kind: 'signature', ref: 'o-1' } }).expect(201);
    });

    const readers: [string, TestActor, boolean][] = [
      ['the owning rep', REP, true],
      ['another rep', OTHER_REP, false],
      ['the owner\'s manager', MANAGER, true],
      ['a manager of other people', OTHER_MANAGER, false],
      ['sales-ops', OPS, true],
      ['finance', FINANCE, true],
      ['admin', ADMIN, true],
      ['implementation (open deal)', IMPLEMENTATION, false],
      ['integration', INTEGRATION, false],
    ];
    it.each(readers)('%s → %s on the deal, its events and its audit timeline', async (_, actor, allowed) => {
      for (const path of [`/deals/${dealId}`, `/deals/${dealId}/events`, `/audit/deals/${dealId}`]) {
        const res = await t.as(actor).get(path);
        expect({ path, status: res.status }).toEqual({ path, status: allowed ? 200 : 403 });
        if (!allowed) expect(res.body.details.permission).toBe('deal:read');
      }
    });

    it('lets implementation read won deals, and a rep read a deal once added to its team', async () => {
      await t.as(IMPLEMENTATION).get(`/deals/${wonId}`).expect(200);
      await t.as(OTHER_REP).get(`/deals/${dealId}`).expect(403);
      await t.as(REP).post(`/deals/${dealId}/team`, { userId: OTHER_REP.id, role: 'sales-engineer' }).expect(201);
      await t.as(OTHER_REP).get(`/deals/${dealId}/events`).expect(200);
    });

    it('records read denials too', async () => {
      await t.as(INTEGRATION).get(`/deals/${dealId}`).expect(403);
      expect(await denialsToday()).toContainEqual(expect.objectContaining({
        actorId: INTEGRATION.id, action: 'deal:read', resource: `deal/${dealId}`, reasonCode: 'role',
      }));
    });

    it('does not let an upper-case id around the check', async () => {
      await t.as(INTEGRATION).get(`/deals/${dealId.toUpperCase()}`).expect(403);
    });
  });

  describe('reading people', () => {
    beforeAll(async () => {
      await openAcme(t, REP);
      await t.registerUser({ id: 'zed.ae', roles: ['rep'], managerId: OTHER_MANAGER.id });
      await openAcme(t, { id: 'zed.ae', roles: ['rep'] });
    });

    it.each([
      ['themselves', REP, 200], ['another rep', OTHER_REP, 403], ['their manager', MANAGER, 200],
      ['another manager', OTHER_MANAGER, 403], ['sales-ops', OPS, 200], ['finance', FINANCE, 200], ['admin', ADMIN, 200],
      ['integration', INTEGRATION, 403],
    ] as const)('%s → %s on /audit/people/ana.ae', async (_, actor, status) => {
      const res = await t.as(actor).get(`/audit/people/${REP.id}`).expect(status);
      if (status === 403) expect(res.body.details.permission).toBe('person:read');
    });

    it('lets a manager read their own report and not another manager\'s', async () => {
      await t.as(OTHER_MANAGER).get('/audit/people/zed.ae').expect(200);
      await t.as(MANAGER).get('/audit/people/zed.ae').expect(403);
    });
  });

  describe('reports', () => {
    it('computes a rep\'s pipeline over the deals they own or work on, with or without a team; filters only narrow', async () => {
      const mine = await openAcme(t, REP);
      const teamless = (await t.as(REP).post('/deals', { name: 'No team', account: { name: 'Solo' }, currency: 'EUR', expectedAmount: '5000.00' }).expect(201)).body;
      await openAcme(t, OTHER_REP);
      const position = teamless.position;
      const count = (b: { result: { stages: { count: number }[] } }) => b.result.stages.reduce((n, s) => n + s.count, 0);
      const forRep = await t.as(REP).get(`/pipeline?minPosition=${position}`).expect(200);
      const forOwner = await t.as(REP).get(`/pipeline?ownerId=${REP.id}&minPosition=${position}`).expect(200);
      const forAll = await t.as(OPS).get(`/pipeline?minPosition=${position}`).expect(200);
      expect(forRep.body.result).toEqual(forOwner.body.result);
      expect(count(forAll.body)).toBeGreaterThan(count(forRep.body));
      const board = await t.as(REP).get(`/board?minPosition=${position}`).expect(200);
      const cards = board.body.result.stages.flatMap((s: { deals: { dealId: string }[] }) => s.deals.map((d) => d.dealId));
      expect(cards).toEqual(expect.arrayContaining([mine, teamless.dealId]));
      const other = await t.as(REP).get(`/pipeline?ownerId=${OTHER_REP.id}&minPosition=${position}`).expect(200);
      expect(count(other.body)).toBe(0);
      expect(count((await t.as(MANAGER).get(`/pipeline?ownerId=${OTHER_REP.id}&minPosition=${position}`).expect(200)).body)).toBeGreaterThan(0);
      const otherTeam = await t.as(OTHER_MANAGER).get(`/board?minPosition=${position}`).expect(200);
      const theirCards = otherTeam.body.result.stages.flatMap((s: { deals: { dealId: string }[] }) => s.deals.map((d) => d.dealId));
      expect(theirCards).not.toContain(mine);
    });

    it('narrows org-wide reports to the deals the caller may read, and refuses integrations every report', async () => {
      await t.as(REP).get('/post-close').expect(200);
      await t.as(REP).get('/pipeline/conversion?stageId=engaged&from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z').expect(200);
      await t.as(IMPLEMENTATION).get('/post-close').expect(200);
      expect((await t.as(INTEGRATION).get('/pipeline').expect(403)).body.details).toMatchObject({ permission: 'report:pipeline', reason: 'role' });
    });
  });

  describe('authentication', () => {
    it('answers 401 with a code naming the problem for missing, malformed, forged, expired and incomplete tokens', async () => {
      const path = '/users/me';
      expect((await t.withHeaders({}).get(path).expect(401)).body.error).toBe('AUTH.TOKEN_REQUIRED');
      expect((await t.withHeaders({ Authorization: 'Basic YWxhZGRpbjpvcGVu' }).get(path).expect(401)).body.error).toBe('AUTH.TOKEN_INVALID');
      expect((await t.withHeaders({ Authorization: 'Bearer not-a-token' }).get(path).expect(401)).body.error).toBe('AUTH.TOKEN_INVALID');
      const other = await createTestApp();
      try {
        const forged = await t.withHeaders({ Authorization: `Bearer ${other.tokenFor(ADMIN)}` }).get(path).expect(401);
        expect(forged.body).toMatchObject({ error: 'AUTH.TOKEN_INVALID', details: { problem: 'invalid signature' } });
      } finally {
        await other.close();
      }
      const expired = await t.withHeaders({ Authorization: `Bearer ${t.tokenFor(REP, -60)}` }).get(path).expect(401);
      expect(expired.body.error).toBe('AUTH.TOKEN_EXPIRED');
      expect(expired.body.details.expiredAt).toMatch(/^\d{4}-/);
      const [header, payload] = t.tokenFor(REP).split('.');
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      expect((await t.withHeaders({ Authorization: `Bearer ${unsigned}` }).get(path).expect(401)).body.error).toBe('AUTH.TOKEN_INVALID');
      expect(header).toBeTruthy();
    });

    it('never echoes the token in an error', async () => {
      const token = t.tokenFor(REP, -60);
      const res = await t.withHeaders({ Authorization: `Bearer ${token}` }).get('/users/me').expect(401);
      expect(JSON.stringify(res.body)).not.toContain(token.split('.')[2]);
    });

    it('no longer accepts the old actor headers', async () => {
      const res = await t.withHeaders({ 'X-Actor-Id': ADMIN.id, 'X-Actor-Roles': 'admin' }).get('/users/me').expect(401);
      expect(res.body.error).toBe('AUTH.TOKEN_REQUIRED');
    });
  });

  describe('users', () => {
    it('lets an admin register a user, who then reads themselves; others may not register', async () => {
      const userId = `new.${randomUUID().slice(0, 8)}`;
      const denied = await t.as(MANAGER).post('/users', { userId, name: 'New', roles: ['rep'] }).expect(403);
      expect(denied.body.details).toMatchObject({ permission: 'user:RegisterUser', allowedRoles: ['admin'] });
      const created = await t.as(ADMIN).post('/users', { userId, name: 'New Person', roles: ['rep'], managerId: MANAGER.id }).expect(201);
      expect(created.body.events.map((e: { type: string }) => e.type)).toEqual(['UserRegistered']);
      await t.as(ADMIN).post('/users', { userId, name: 'Again', roles: ['rep'] }).expect(409);
      const me = await t.as({ id: userId, roles: ['rep'] }).get('/users/me').expect(200);
      expect(me.body).toEqual({ userId, name: 'New Person', roles: ['rep'], managerId: MANAGER.id, tokenRoles: ['rep'] });
      await t.as(ADMIN).post(`/users/${userId}/roles`, { roles: ['rep', 'manager'] }).expect(201);
      expect((await t.as({ id: userId, roles: ['rep'] }).get('/users/me').expect(200)).body.roles).toEqual(['rep', 'manager']);
      expect((await t.as(ADMIN).post('/users', { userId: 'x', name: 'X', roles: ['wizard'] }).expect(400)).body.error).toBe('USER.ROLES_INVALID');
    });

    it('answers 401 for a caller who is not registered', async () => {
      expect((await t.as({ id: 'ghost', roles: ['rep'] }).get('/users/me').expect(401)).body.error).toBe('AUTH.USER_UNKNOWN');
    });
  });
});
