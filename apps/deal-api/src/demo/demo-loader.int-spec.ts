import request from 'supertest';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { createTestApp, MANAGER, TestApp } from '../testing/test-app';
import { demoPassword } from './demo-passwords';

describe('demo data under a strict deal desk (real SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // No credit at all: every demo deal's "Net 30" waits for the deal desk as it is loaded.
    t = await createTestApp(':memory:', { demoData: true, demoPasswords: true, dealDesk: { maxDiscountBp: 1500, maxPaymentTermsDays: 0, products: new Map() } });
  });
  afterAll(() => t.close());

  it('the sales manager approves the terms the deal desk held when the demo history was loaded, so nothing waits and the wins stand', async () => {
    const { events } = await t.app.get<EventStore>(EVENT_STORE).readAll();
    const requests = events.filter((e) => e.type === 'DealDeskApprovalRequested');
    const approvals = events.filter((e) => e.type === 'DealDeskApproved');
    expect(requests.length).toBeGreaterThan(0);
    expect(approvals.map((e) => (e.data as { requestId: string }).requestId)).toStrictEqual(requests.map((e) => (e.data as { requestId: string }).requestId));
    expect(approvals.every((e) => (e.metadata.actor as { id: string }).id === MANAGER.id)).toBe(true);
    const wonDeals = new Set(events.filter((e) => e.type === 'DealClosedWon').map((e) => e.streamId));
    const heldDeals = new Set(requests.map((e) => e.streamId));
    expect([...wonDeals].filter((streamId) => !heldDeals.has(streamId))).toStrictEqual([]);
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    const queue = await t.as(MANAGER).get(`/approvals?minPosition=${head}`).expect(200);
    expect(queue.body.result.filter((item: { kind: string }) => item.kind === 'deal-desk')).toStrictEqual([]);
  });

  it('gives every demo user the demo password (made for this store), and no password at all without demo passwords', async () => {
    const password = demoPassword({ dataDir: ':memory:', demoData: true, demoPasswords: true })!;
    expect(password).toMatch(/^demo-[A-Za-z0-9_-]{16}$/);
    for (const userId of ['ana.ae', 'maria.manager', 'adam.admin']) {
      const res = await request(t.app.getHttpServer()).post('/auth/sign-in').send({ userId, password });
      expect({ userId, status: res.status }).toEqual({ userId, status: 200 });
    }
    expect(demoPassword({ dataDir: ':memory:', demoData: true, demoPasswords: false })).toBeUndefined();
    expect(demoPassword({ dataDir: ':memory:', demoData: false, demoPasswords: true })).toBeUndefined();
  });
});
