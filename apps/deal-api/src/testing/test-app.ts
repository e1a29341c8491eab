import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../bootstrap';

export interface TestActor {
  readonly id: string;
  readonly roles: readonly string[];
}

export const REP: TestActor = { id: 'ana.ae', roles: ['rep'] };
export const MANAGER: TestActor = { id: 'maria.manager', roles: ['manager'] };
export const IMPLEMENTATION: TestActor = { id: 'ivan.impl', roles: ['implementation'] };

export interface TestApp {
  readonly app: INestApplication;
  /** A request builder that sends the given actor's headers. */
  as(actor: TestActor): {
    post(path: string, body?: object, headers?: Record<string, string>): request.Test;
    get(path: string): request.Test;
    delete(path: string): request.Test;
  };
  /** Starts listening on an ephemeral loopback port (for streaming clients) and returns the base URL. */
  listen(): Promise<string>;
  headersOf(actor: TestActor): Record<string, string>;
  close(): Promise<void>;
}

/** The real application on an in-memory (or given) store, listening on an ephemeral loopback port. */
export async function createTestApp(dataDir = ':memory:'): Promise<TestApp> {
  const app = await createApp({ host: '127.0.0.1', port: 0, dataDir, demoData: false }, { logger: false });
  await app.init();
  const server = app.getHttpServer();
  const headersOf = (a: TestActor): Record<string, string> => ({ 'X-Actor-Id': a.id, 'X-Actor-Roles': a.roles.join(',') });
  return {
    app,
    as: (actor) => ({
      post: (path, body = {}, headers = {}) => request(server).post(path).set({ ...headersOf(actor), ...headers }).send(body),
      get: (path) => request(server).get(path).set(headersOf(actor)),
      delete: (path) => request(server).delete(path).set(headersOf(actor)),
    }),
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      return (await app.getUrl()).replace('[::1]', '127.0.0.1');
    },
    headersOf,
    close: () => app.close(),
  };
}

export const email = (ref: string) => ({ kind: 'email', ref });

/** Opens a deal like the brief's Acme one and returns its id. */
export async function openAcme(t: TestApp, actor: TestActor = REP): Promise<string> {
  const res = await t.as(actor).post('/deals', {
    name: 'Acme rollout',
    account: { name: 'Acme', industry: 'manufacturing' },
    currency: 'EUR',
    expectedAmount: '100000.00',
    lineItems: [
      { productCode: 'CORE', amount: '60000.00', quantity: 1 },
      { productCode: 'X', amount: '40000.00', quantity: 1 },
    ],
    team: [{ userId: actor.id, role: 'account-executive' }],
    occurredAt: '2026-01-05T09:00:00.000Z',
  });
  if (res.status !== 201) throw new Error(`open failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.dealId;
}

/** Records the facts that let a deal leave "Engaged" and "Qualified", and advances twice. */
export async function reachProductEvaluated(t: TestApp, dealId: string, actor: TestActor = REP): Promise<void> {
  const steps: [string, object][] = [
    ['buyer-responses', { evidence: email('<reply-1@acme.example>'), occurredAt: '2026-01-06T10:00:00.000Z' }],
    ['meetings', { meetingId: 'cal-1', scheduledFor: '2026-01-09T10:00:00.000Z', evidence: { kind: 'calendar', ref: 'cal-1' }, occurredAt: '2026-01-06T11:00:00.000Z' }],
    ['stage/advance', { occurredAt: '2026-01-06T12:00:00.000Z' }],
    ['decision-maker', { contactName: 'Pat Buyer', contactTitle: 'CFO', evidence: { kind: 'meeting', ref: 'cal-1' }, occurredAt: '2026-01-09T11:00:00.000Z' }],
    ['budget', { min: '80000.00', max: '120000.00', evidence: email('<budget@acme.example>'), occurredAt: '2026-01-09T11:05:00.000Z' }],
    ['decision-timeframe', { decisionBy: '2026-03-31', evidence: { kind: 'meeting', ref: 'cal-1' }, occurredAt: '2026-01-09T11:10:00.000Z' }],
    ['stage/advance', { occurredAt: '2026-01-09T12:00:00.000Z' }],
  ];
  for (const [path, body] of steps) {
    const res = await t.as(actor).post(`/deals/${dealId}/${path}`, body);
    if (res.status !== 201) throw new Error(`${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
