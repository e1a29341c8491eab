import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { signAccessToken } from '@deals/access-tokens';
import { LiveUserDirectory } from '../auth/live-user-directory';
import { UserCommandHandler } from '../auth/users/user-command.handler';
import { createApp, CreateAppOptions } from '../bootstrap';
import { ApiConfig, projectionsThreadFromEnv } from '../config/api-config';

export interface TestActor {
  readonly id: string;
  readonly roles: readonly string[];
}

export const REP: TestActor = { id: 'ana.ae', roles: ['rep'] };
export const OTHER_REP: TestActor = { id: 'ben.ae', roles: ['rep'] };
export const MANAGER: TestActor = { id: 'maria.manager', roles: ['manager'] };
export const OTHER_MANAGER: TestActor = { id: 'max.manager', roles: ['manager'] };
export const OPS: TestActor = { id: 'olga.ops', roles: ['sales-ops'] };
export const FINANCE: TestActor = { id: 'fiona.finance', roles: ['finance'] };
export const IMPLEMENTATION: TestActor = { id: 'ivan.impl', roles: ['implementation'] };
export const ADMIN: TestActor = { id: 'adam.admin', roles: ['admin'] };
export const INTEGRATION: TestActor = { id: 'iris.integration', roles: ['integration'] };

/** Registered in every test app (unless the demo data registered them): the reps report to MANAGER; OTHER_MANAGER has no reports. */
const CAST: readonly (TestActor & { managerId?: string })[] = [
  MANAGER, OTHER_MANAGER, { ...REP, managerId: MANAGER.id }, { ...OTHER_REP, managerId: MANAGER.id },
  OPS, FINANCE, IMPLEMENTATION, ADMIN, INTEGRATION,
];

export interface RequestBuilder {
  post(path: string, body?: object, headers?: Record<string, string>): request.Test;
  get(path: string): request.Test;
  delete(path: string): request.Test;
}

export interface TestApp {
  readonly app: INestApplication;
  /** A request builder that sends a signed bearer token for the given actor. */
  as(actor: TestActor): RequestBuilder;
  /** A request builder that sends exactly these headers (no token unless given). */
  withHeaders(headers: Record<string, string>): RequestBuilder;
  /** A token for the actor, valid for `ttlSeconds` (negative: already expired). */
  tokenFor(actor: TestActor, ttlSeconds?: number): string;
  /** Registers a user (as an admin), e.g. a rep reporting to some manager. */
  registerUser(user: TestActor & { managerId?: string; name?: string }): Promise<void>;
  /** Starts listening on an ephemeral loopback port (for streaming clients) and returns the base URL. */
  listen(): Promise<string>;
  /** `Authorization: Bearer <token>` for the actor. */
  headersOf(actor: TestActor): Record<string, string>;
  close(): Promise<void>;
}

/**
 * The real application on an in-memory (or given) store, listening on an ephemeral loopback port.
 * PROJECTIONS_THREAD=worker runs an in-memory one on a folder of its own instead (removed on
 * close), so that a worker thread folds its projections as in production.
 */
export async function createTestApp(dataDir = ':memory:', config: Partial<ApiConfig> = {}, options: CreateAppOptions = { logger: false }): Promise<TestApp> {
  const projectionsThread = config.projectionsThread ?? projectionsThreadFromEnv(process.env.PROJECTIONS_THREAD);
  const scratch = dataDir === ':memory:' && process.env.PROJECTIONS_THREAD === 'worker' && projectionsThread === 'worker'
    ? mkdtempSync(join(tmpdir(), 'deal-api-test-')) : undefined;
  const app = await createApp({ host: '127.0.0.1', port: 0, dataDir: scratch ?? dataDir, demoData: false, ...config, projectionsThread }, options);
  if (scratch) {
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      rmSync(scratch, { recursive: true, force: true });
    };
  }
  await app.init();
  const server = app.getHttpServer();
  const jwt = app.get(JwtService);
  const tokenFor = (a: TestActor, ttlSeconds = 3600) => signAccessToken(jwt, a, ttlSeconds);
  const headersOf = (a: TestActor): Record<string, string> => ({ Authorization: `Bearer ${tokenFor(a)}` });
  const withHeaders = (sent: Record<string, string>): RequestBuilder => ({
    post: (path, body = {}, headers = {}) => request(server).post(path).set({ ...sent, ...headers }).send(body),
    get: (path) => request(server).get(path).set(sent),
    delete: (path) => request(server).delete(path).set(sent),
  });
  const users = app.get(UserCommandHandler);
  const registerUser = async (u: TestActor & { managerId?: string; name?: string }) => {
    await users.handle({ actor: { id: 'test.setup', roles: ['admin'] } }, 'RegisterUser', {
      userId: u.id, name: u.name ?? u.id, roles: u.roles, ...(u.managerId ? { managerId: u.managerId } : {}),
    });
  };
  // With demo data the demo has registered some of the cast already.
  const directory = app.get(LiveUserDirectory);
  for (const user of CAST) if (!(await directory.find(user.id))) await registerUser(user);
  return {
    app,
    as: (actor) => withHeaders(headersOf(actor)),
    withHeaders,
    tokenFor,
    registerUser,
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      return (await app.getUrl()).replace('[::1]', '127.0.0.1');
    },
    headersOf,
    close: () => app.close(),
  };
}

export const email = (ref: string) => ({ kind: 'email', ref });

/**
 * When a command's answer says its change waits for approval (a close dated more than a week
 * back, splits naming others), has `approver` approve it; returns the approval's answer, or the
 * command's own when nothing waited.
 */
export async function approveIfProposed(t: TestApp, dealId: string, answer: { proposalId?: string; position?: number }, approver: TestActor = MANAGER) {
  if (answer.proposalId === undefined) return answer;
  const res = await t.as(approver).post(`/deals/${dealId}/changes/${answer.proposalId}/review`, { decision: 'approve' });
  if (res.status !== 201) throw new Error(`approval by ${approver.id} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { position: number; events: { type: string }[] };
}

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
