import { ADMIN, createTestApp, FINANCE, IMPLEMENTATION, MANAGER, openAcme, OTHER_MANAGER, OTHER_REP, REP, TestActor, TestApp } from '../testing/test-app';

interface BoardAnswer { result: { stages: { stageId: string; count: number; deals: { dealId: string }[] }[]; totals: { count: number } } }

describe('the dashboard endpoints', () => {
  let t: TestApp;
  let anas: string;
  let bens: string;

  beforeAll(async () => {
    t = await createTestApp();
    anas = await openAcme(t, REP);
    bens = await openAcme(t, OTHER_REP);
  });
  afterAll(() => t.close());

  const head = async () => (await t.withHeaders({}).get('/health')).body.headPosition as number;
  const board = async (actor: typeof REP) => (await t.as(actor).get(`/board?minPosition=${await head()}`).expect(200)).body as BoardAnswer;
  const dealsOn = (b: BoardAnswer) => b.result.stages.flatMap((s) => s.deals.map((d) => d.dealId)).sort();

  it('shows each caller the deals they may read, with figures that count exactly those cards', async () => {
    expect(dealsOn(await board(REP))).toEqual([anas]);
    expect(dealsOn(await board(MANAGER))).toEqual([anas, bens].sort());
    expect(dealsOn(await board(OTHER_MANAGER))).toEqual([]);
    const all = await board(FINANCE);
    expect(dealsOn(all)).toEqual([anas, bens].sort());
    expect(all.result.stages.find((s) => s.stageId === 'engaged')).toMatchObject({ count: 2 });
    expect(all.result.totals.count).toBe(2);
  });

  it('lists disputes: all of them for finance, only their own for anyone else', async () => {
    await t.as(REP).post('/commission/disputes', { userId: REP.id, period: '2026-Q1', lineId: 'x:commission:CORE', claim: 'missing' }).expect(201);
    const position = await head();
    expect((await t.as(FINANCE).get(`/board/disputes?minPosition=${position}`).expect(200)).body.result).toHaveLength(1);
    expect((await t.as(OTHER_REP).get(`/board/disputes?minPosition=${position}`).expect(200)).body.result).toHaveLength(0);
    expect((await t.as(REP).get(`/board/disputes?status=open&minPosition=${position}`).expect(200)).body.result).toHaveLength(1);
  });

  it('queues for each caller exactly the disputes whose detail opens for them: a manager\'s reports\' down the chain', async () => {
    const director: TestActor = { id: 'dina.director', roles: ['manager'] };
    const lead: TestActor = { id: 'leo.lead', roles: ['manager'] };
    const junior: TestActor = { id: 'jo.junior', roles: ['rep'] };
    await t.registerUser(director);
    await t.registerUser({ ...lead, managerId: director.id });
    await t.registerUser({ ...junior, managerId: lead.id });
    const raised = await t.as(junior).post('/commission/disputes', { userId: junior.id, period: '2026-Q1', lineId: 'y:commission:CORE', claim: 'short' }).expect(201);
    const byManager = await t.as(MANAGER).post('/commission/disputes', { userId: OTHER_REP.id, period: '2026-Q1', lineId: 'z:commission:CORE', claim: 'for Ben' }).expect(201);
    const position = await head();
    const queueOf = async (actor: TestActor) =>
      ((await t.as(actor).get(`/board/disputes?status=open&minPosition=${position}`).expect(200)).body.result as { disputeId: string }[]).map((d) => d.disputeId);

    expect(await queueOf(lead)).toEqual([raised.body.id]);
    expect(await queueOf(director)).toEqual([raised.body.id]);
    expect(await queueOf(OTHER_MANAGER)).toEqual([]);
    expect(await queueOf(MANAGER)).toEqual(expect.arrayContaining([byManager.body.id]));
    expect(await queueOf(MANAGER)).not.toContain(raised.body.id);

    const all = await queueOf(FINANCE);
    expect(all).toEqual(expect.arrayContaining([raised.body.id, byManager.body.id]));
    for (const actor of [REP, OTHER_REP, MANAGER, OTHER_MANAGER, director, lead, junior, FINANCE, ADMIN, IMPLEMENTATION]) {
      const queued = new Set(await queueOf(actor));
      for (const id of all) {
        const detail = await t.as(actor).get(`/commission/disputes/${id}?minPosition=${position}`);
        expect({ actor: actor.id, id, queued: queued.has(id) }).toEqual({ actor: actor.id, id, queued: detail.status === 200 });
      }
    }
  });

  it('needs a token for the board but not for the page, which it sends with a same-origin policy', async () => {
    await t.withHeaders({}).get('/board').expect(401);
    expect((await t.withHeaders({}).get('/').expect(302)).headers.location).toBe('/app/');
    const page = await t.withHeaders({}).get('/app/');
    expect([200, 404]).toContain(page.status);
    if (page.status === 200) {
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.text).toContain('<div id="root">');
    } else {
      expect(page.body.error).toBe('DASHBOARD.NOT_BUILT');
    }
    expect((await t.withHeaders({}).get('/app/assets/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });
});
