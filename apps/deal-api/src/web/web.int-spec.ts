import { createTestApp, FINANCE, MANAGER, openAcme, OTHER_MANAGER, OTHER_REP, REP, TestApp } from '../testing/test-app';

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
