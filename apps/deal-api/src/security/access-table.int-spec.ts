import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AccessTarget, authorize, isOperation, Operation, ORGANISATION_ROLES, OrganisationRole, relationsOf } from '@deals/domain';
import { OPENAPI_JSON_PATH } from '../openapi/openapi';
import { createTestApp, MANAGER, TestActor, TestApp } from '../testing/test-app';
import { headOf, openDealOf, statusOfStream, writtenSince } from './testing/security-harness';

/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document is walked as plain JSON */

const ev = { kind: 'email', ref: '<x@guarded.example>' };
const OWNER: TestActor = { id: 'owner.rep', roles: ['rep'] };
const TARGET: TestActor = { id: 'target.user', roles: ['rep'] };
const stranger = (role: OrganisationRole): TestActor => ({ id: `${role}.stranger`, roles: [role] });

interface Ids {
  readonly dealId: string;
  readonly disputeId: string;
}
interface Sample {
  readonly path: (ids: Ids) => string;
  readonly body?: () => object;
  /** The deal or person the route acts on, as the guard or the command path finds it. */
  readonly target: 'deal' | 'owner' | 'target' | 'organisation' | 'new-deal';
}

const deal = (suffix: string, body?: object): Sample => ({ path: (i) => `/deals/${i.dealId}/${suffix}`, body: body && (() => body), target: 'deal' });

/** One request per route that passes validation, so the answer shows the access decision. */
const SAMPLES: Record<string, Sample> = {
  'POST /deals': { path: () => '/deals', body: () => ({ name: 'N', account: { name: 'N' }, currency: 'EUR', expectedAmount: '1.00' }), target: 'new-deal' },
  'POST /deals/{dealId}/contacts': deal('contacts', { channel: 'email', evidence: ev }),
  'POST /deals/{dealId}/buyer-responses': deal('buyer-responses', { evidence: ev }),
  'POST /deals/{dealId}/meetings': deal('meetings', { meetingId: 'm1', scheduledFor: '2026-01-09T10:00:00.000Z', evidence: ev }),
  'POST /deals/{dealId}/decision-maker': deal('decision-maker', { contactName: 'Pat', evidence: ev }),
  'POST /deals/{dealId}/budget': deal('budget', { max: '1000.00', evidence: ev }),
  'POST /deals/{dealId}/decision-timeframe': deal('decision-timeframe', { decisionBy: '2026-03-31', evidence: ev }),
  'POST /deals/{dealId}/demos': deal('demos', { attended: true, questionsAnswered: true, evidence: ev }),
  'POST /deals/{dealId}/next-meetings': deal('next-meetings', { meetingId: 'm2', scheduledFor: '2026-01-19T10:00:00.000Z', evidence: ev }),
  'POST /deals/{dealId}/recap-emails': deal('recap-emails', { evidence: ev }),
  'POST /deals/{dealId}/recap-confirmations': deal('recap-confirmations', { evidence: ev }),
  'POST /deals/{dealId}/proposals': deal('proposals', { evidence: ev }),
  'POST /deals/{dealId}/proposal-acknowledgements': deal('proposal-acknowledgements', { evidence: ev }),
  'POST /deals/{dealId}/terms': deal('terms', { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'May', evidence: ev }),
  'POST /deals/{dealId}/amount': deal('amount', { expectedAmount: '90000.00', reason: 'Scope cut' }),
  'POST /deals/{dealId}/stage/advance': deal('stage/advance', {}),
  'POST /deals/{dealId}/stage/override': deal('stage/override', { toStageId: 'qualified', reason: 'Steering meeting' }),
  'POST /deals/{dealId}/splits': deal('splits', { revenue: [{ userId: OWNER.id, role: 'account-executive', shareBp: 10_000 }] }),
  'POST /deals/{dealId}/close-won': deal('close-won', { signedOrder: { kind: 'signature', ref: 'order-1' } }),
  'POST /deals/{dealId}/close-lost': deal('close-lost', { reason: 'No budget' }),
  'POST /deals/{dealId}/reversal': deal('reversal', { reason: 'Order cancelled' }),
  'POST /deals/{dealId}/handoff': deal('handoff', { implementationLeadId: 'impl.x', customerSuccessManagerId: 'csm.x' }),
  'POST /deals/{dealId}/implementation/start': deal('implementation/start', {}),
  'POST /deals/{dealId}/go-live': deal('go-live', { evidence: ev }),
  'POST /deals/{dealId}/team': deal('team', { userId: 'newcomer.x', role: 'marketing-rep' }),
  'POST /deals/{dealId}/changes/{proposalId}/review': deal('changes/00000000-0000-4000-8000-000000000000/review', { decision: 'reject', reason: 'No' }),
  'POST /deals/{dealId}/changes/{proposalId}/withdrawal': deal('changes/00000000-0000-4000-8000-000000000000/withdrawal', {}),
  'POST /deals/{dealId}/deal-desk/{requestId}/decision': deal('deal-desk/00000000-0000-4000-8000-000000000000/decision', { decision: 'reject', reason: 'No' }),
  'POST /deals/{dealId}/facts/{factType}': deal('facts/security-questionnaire-signed', { attributes: { signedBy: 'Pat' }, evidence: { kind: 'signature', ref: 'sq-1' } }),
  'POST /deals/{dealId}/pipeline/migration': deal('pipeline/migration', { toVersion: 1 }),
  'GET /pipelines': { path: () => '/pipelines', target: 'organisation' },
  'GET /pipelines/{pipelineId}/versions': { path: () => '/pipelines/default/versions', target: 'organisation' },
  'GET /pipelines/{pipelineId}/versions/{version}': { path: () => '/pipelines/default/versions/1', target: 'organisation' },
  'POST /pipelines/{pipelineId}/versions': {
    path: () => '/pipelines/guarded-pipeline/versions',
    body: () => ({ version: 1, name: 'Guarded', stages: [{ id: 'engaged', name: 'Engaged', probability: 0.1, exitCriteria: [] }] }),
    target: 'organisation',
  },
  'POST /pipelines/{pipelineId}/migrations/dry-run': { path: () => '/pipelines/default/migrations/dry-run', body: () => ({ toVersion: 1 }), target: 'organisation' },
  'POST /pipelines/{pipelineId}/what-if': { path: () => '/pipelines/default/what-if', body: () => ({ baselineVersion: 1, candidate: { version: 1 } }), target: 'organisation' },
  'POST /pipelines/{pipelineId}/migrations': { path: () => '/pipelines/default/migrations', body: () => ({ toVersion: 1 }), target: 'organisation' },
  'GET /approvals': { path: () => '/approvals', target: 'organisation' },
  'DELETE /deals/{dealId}/team/{userId}/{role}': { path: (i) => `/deals/${i.dealId}/team/nobody.x/marketing-rep`, target: 'deal' },
  'GET /deals/{dealId}': deal(''),
  'GET /deals/{dealId}/events': deal('events'),
  'GET /audit/deals/{dealId}': { path: (i) => `/audit/deals/${i.dealId}`, target: 'deal' },
  'GET /audit/people/{personId}': { path: () => `/audit/people/${OWNER.id}`, target: 'owner' },
  'GET /audit/people/{personId}/deals-worked': { path: () => `/audit/people/${OWNER.id}/deals-worked`, target: 'owner' },
  'GET /audit/deals/{dealId}/participants': { path: (i) => `/audit/deals/${i.dealId}/participants`, target: 'deal' },
  'GET /audit/people/{personId}/access-denials': { path: () => `/audit/people/${OWNER.id}/access-denials?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z`, target: 'owner' },
  'GET /audit/access-denials': { path: () => '/audit/access-denials?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z', target: 'organisation' },
  'GET /pipeline': { path: () => '/pipeline', target: 'organisation' },
  'GET /pipeline/conversion': { path: () => '/pipeline/conversion?stageId=engaged&from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z', target: 'organisation' },
  'GET /pipeline/sales-cycle': { path: () => '/pipeline/sales-cycle?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z', target: 'organisation' },
  'GET /pipeline/time-in-stage': { path: () => '/pipeline/time-in-stage', target: 'organisation' },
  'GET /pipeline/stuck': { path: () => '/pipeline/stuck', target: 'organisation' },
  'GET /pipeline/rep-activity': { path: () => '/pipeline/rep-activity?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z', target: 'organisation' },
  'GET /reports/kpis': { path: () => '/reports/kpis?period=2026-Q1', target: 'organisation' },
  'GET /reports/quota-standing': { path: () => `/reports/quota-standing?period=2026-Q1&userId=${OWNER.id}`, target: 'owner' },
  'GET /post-close': { path: () => '/post-close', target: 'organisation' },
  'GET /post-close/stuck': { path: () => '/post-close/stuck', target: 'organisation' },
  'GET /post-close/durations': { path: () => '/post-close/durations?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z', target: 'organisation' },
  'GET /board': { path: () => '/board', target: 'organisation' },
  'GET /board/disputes': { path: () => '/board/disputes', target: 'organisation' },
  'GET /live/projections': { path: () => '/live/projections?projections=deal-summary', target: 'organisation' },
  'GET /projections': { path: () => '/projections', target: 'organisation' },
  'GET /projections/{name}/dead-letters': { path: () => '/projections/deal-summary/dead-letters', target: 'organisation' },
  'POST /projections/{name}/rebuild': { path: () => '/projections/audit/rebuild', target: 'organisation' },
  'GET /integrity/verify': { path: () => '/integrity/verify', target: 'organisation' },
  'POST /users': { path: () => '/users', body: () => ({ userId: `new.${randomUUID().slice(0, 8)}`, name: 'New', roles: ['rep'] }), target: 'organisation' },
  'POST /users/{userId}/roles': { path: () => `/users/${TARGET.id}/roles`, body: () => ({ roles: ['rep'] }), target: 'target' },
  'POST /users/{userId}/deactivate': { path: () => `/users/${TARGET.id}/deactivate`, body: () => ({ reason: 'Left' }), target: 'target' },
  'POST /users/{userId}/reactivate': { path: () => `/users/${TARGET.id}/reactivate`, body: () => ({ reason: 'Back' }), target: 'target' },
  'GET /users/me': { path: () => '/users/me', target: 'organisation' },
  'POST /users/{userId}/invitation': { path: () => `/users/${TARGET.id}/invitation`, body: () => ({}), target: 'target' },
  'POST /users/{userId}/password-reset': { path: () => `/users/${TARGET.id}/password-reset`, body: () => ({}), target: 'target' },
  'POST /users/{userId}/tokens': { path: () => `/users/${TARGET.id}/tokens`, body: () => ({ name: 'Sync', scopes: ['read'] }), target: 'target' },
  'GET /users/{userId}/tokens': { path: () => `/users/${TARGET.id}/tokens`, target: 'target' },
  'DELETE /users/{userId}/tokens/{tokenId}': { path: () => `/users/${TARGET.id}/tokens/00000000-0000-4000-8000-000000000000`, target: 'target' },
  'GET /auth/session': { path: () => '/auth/session', target: 'organisation' },
  'POST /auth/sign-out': { path: () => '/auth/sign-out', target: 'organisation' },
  'GET /audit/accounts': { path: () => '/audit/accounts?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z', target: 'organisation' },
  'GET /users/{userId}/default-team': { path: () => `/users/${OWNER.id}/default-team`, target: 'owner' },
  'POST /users/{userId}/default-team': { path: () => `/users/${OWNER.id}/default-team`, body: () => ({ members: [], mode: 'offer' }), target: 'owner' },
  'GET /account-teams': { path: () => '/account-teams', target: 'organisation' },
  'GET /account-teams/{account}': { path: () => '/account-teams/Guarded%20Account', target: 'organisation' },
  'POST /account-teams/{account}': { path: () => '/account-teams/Guarded%20Account', body: () => ({ members: [], mode: 'offer' }), target: 'organisation' },
  'GET /deals/{dealId}/team/offers': deal('team/offers'),
  'GET /commission/statements/{personId}': { path: () => `/commission/statements/${OWNER.id}?period=2026-Q1`, target: 'owner' },
  'GET /commission/statements/{personId}/reconstruction': { path: () => `/commission/statements/${OWNER.id}/reconstruction?period=2026-Q1`, target: 'owner' },
  'GET /commission/statements/{personId}/attainment': { path: () => `/commission/statements/${OWNER.id}/attainment?period=2026-Q1`, target: 'owner' },
  'GET /commission/statements/{personId}/estimate': { path: () => `/commission/statements/${OWNER.id}/estimate`, target: 'owner' },
  'POST /commission/plans/{planId}/versions': {
    path: () => '/commission/plans/guarded-plan/versions',
    body: () => ({ version: 1, name: 'Guarded', effectiveFrom: '2026-01-01', rules: { creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, payoutTrigger: 'close', clawbackWindowDays: 90 } }),
    target: 'organisation',
  },
  'GET /commission/plans': { path: () => '/commission/plans', target: 'organisation' },
  'GET /commission/plans/{planId}': { path: () => '/commission/plans/no-such-plan', target: 'organisation' },
  'GET /commission/plans/{planId}/assignments': { path: () => '/commission/plans/guarded-plan/assignments', target: 'organisation' },
  'GET /commission/assignments/{personId}': { path: () => `/commission/assignments/${OWNER.id}`, target: 'owner' },
  'POST /commission/assignments/{userId}/end': {
    path: () => `/commission/assignments/${TARGET.id}/end`, body: () => ({ effectiveFrom: '2026-01-01', effectiveTo: '2026-03-31' }), target: 'target',
  },
  'POST /commission/assignments': { path: () => '/commission/assignments', body: () => ({ userId: OWNER.id, planId: 'guarded-plan', effectiveFrom: '2026-01-01', currency: 'EUR' }), target: 'owner' },
  'POST /commission/disputes': { path: () => '/commission/disputes', body: () => ({ userId: OWNER.id, period: '2026-Q1', lineId: 'x', claim: 'Missing' }), target: 'owner' },
  'POST /commission/disputes/{disputeId}/resolution': { path: (i) => `/commission/disputes/${i.disputeId}/resolution`, body: () => ({ decision: 'reject', reason: 'No' }), target: 'organisation' },
  'POST /commission/disputes/{disputeId}/approval': { path: (i) => `/commission/disputes/${i.disputeId}/approval`, body: () => ({ decision: 'reject', reason: 'No' }), target: 'organisation' },
  'GET /commission/disputes/{disputeId}': { path: (i) => `/commission/disputes/${i.disputeId}`, target: 'owner' },
  'GET /commission/periods': { path: () => '/commission/periods', target: 'organisation' },
  'GET /commission/periods/{period}': { path: () => '/commission/periods/2026-Q1', target: 'organisation' },
  'POST /commission/periods/{period}/close': { path: () => '/commission/periods/2026-Q1/close', body: () => ({}), target: 'organisation' },
  'POST /commission/periods/{period}/reopen': { path: () => '/commission/periods/2026-Q1/reopen', body: () => ({ reason: 'Correction' }), target: 'organisation' },
  'GET /commission/periods/{period}/payees': { path: () => '/commission/periods/2026-Q1/payees', target: 'organisation' },
  'GET /commission/periods/{period}/statements.csv': { path: () => '/commission/periods/2026-Q1/statements.csv', target: 'organisation' },
};

const METHODS = ['get', 'post', 'delete', 'put', 'patch'] as const;

describe('the access table over HTTP: every route, every role', () => {
  let t: TestApp;
  let doc: any;
  let base: string;
  const routes = () => Object.entries(doc.paths as any).flatMap(([path, item]: [string, any]) =>
    METHODS.filter((m) => item[m] && !item[m].security?.some?.((s: object) => Object.keys(s).length === 0) && item[m]['x-permission'] !== undefined)
      .map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m, operation: item[m]['x-permission'] as string })));

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ORGANISATION_ROLES) await t.registerUser(stranger(role));
    await t.registerUser({ ...OWNER, managerId: MANAGER.id });
    await t.registerUser(TARGET);
    doc = (await request(t.app.getHttpServer()).get(OPENAPI_JSON_PATH).expect(200)).body;
    base = await t.listen();
  });
  afterAll(() => t.close());

  it('names an operation of the table on every route but the public ones, and has a request for each', () => {
    const all = Object.entries(doc.paths as any).flatMap(([path, item]: [string, any]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, operation: item[m]['x-permission'] as string | undefined })));
    const publicRoutes = ['GET /health', 'GET /health/live', 'GET /health/ready', 'GET /', 'GET /app', 'GET /app/{path}', 'POST /auth/sign-in', 'POST /auth/password', 'GET /auth/methods', 'GET /auth/oidc/start', 'GET /auth/oidc/callback'];
    const unnamed = all.filter((r) => r.operation === undefined && !publicRoutes.includes(r.key)).map((r) => r.key);
    expect(unnamed).toEqual([]);
    expect(all.filter((r) => r.operation !== undefined && !isOperation(r.operation))).toEqual([]);
    expect(routes().map((r) => r.key).filter((key) => !SAMPLES[key])).toEqual([]);
    expect(new Set(routes().map((r) => r.operation)).size).toBeGreaterThan(40);
  });

  it('answers every role on every route exactly as the table decides, and a refusal writes nothing', async () => {
    const relations = relationsOf(new Map([[OWNER.id, MANAGER.id]]));
    const mismatches: string[] = [];
    let denied = 0;
    for (const route of routes()) {
      const sample = SAMPLES[route.key];
      const dealId = await openDealOf(t, OWNER);
      const raised = await t.as(OWNER).post('/commission/disputes', { userId: OWNER.id, period: '2026-Q1', lineId: 'l', claim: 'c' }).expect(201);
      const ids: Ids = { dealId, disputeId: raised.body.id };
      for (const role of ORGANISATION_ROLES) {
        const actor = stranger(role);
        const operation = route.operation as Operation;
        const target: AccessTarget = sample.target === 'deal'
          ? { kind: 'deal', dealId, deal: { dealId, ownerId: OWNER.id, team: [{ userId: OWNER.id, role: 'account-executive' }], status: 'open' } }
          : sample.target === 'owner' ? { kind: 'person', personId: OWNER.id }
            : sample.target === 'target' ? { kind: 'person', personId: TARGET.id }
              : sample.target === 'new-deal' ? { kind: 'deal', dealId: 'new' } : { kind: 'organisation' };
        const expected = authorize(operation, actor, target, relations).allowed;
        const before = await headOf(t);
        const url = sample.path(ids);
        const res = route.key === 'GET /live/projections'
          ? await statusOfStream(`${base}${url}`, t.headersOf(actor))
          : await send(t, actor, route.method, url, sample.body?.());
        const refused = res.status === 403 && res.body.error === 'AUTH.PERMISSION_DENIED' && res.body.details?.permission === operation;
        if (refused) {
          denied++;
          const written = await writtenSince(t, before);
          if (written.length) mismatches.push(`${route.key} by ${role}: refused but wrote ${written.map((e) => e.type).join(', ')}`);
        }
        if (expected === refused) mismatches.push(`${route.key} by ${role}: table says ${expected ? 'allowed' : 'refused'}, got ${res.status} ${res.body.error}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(denied).toBeGreaterThan(200);
  }, 300_000); // about 450 HTTP requests: tens of seconds on a loaded two-core machine

  it('decides person routes on the relationship: oneself, one\'s report, anyone else', async () => {
    await t.as(MANAGER).get(`/commission/statements/${OWNER.id}?period=2026-Q1`).expect(200);
    await t.as(OWNER).get(`/commission/statements/${OWNER.id}/estimate`).expect(200);
    await t.as(stranger('manager')).get(`/commission/statements/${OWNER.id}/estimate`).expect(403);
    const self = await t.as(stranger('admin')).post(`/users/${stranger('admin').id}/roles`, { roles: ['rep'] }).expect(403);
    expect(self.body.details).toMatchObject({ permission: 'user:ChangeUserRoles', reason: 'self' });
  });
});

function send(t: TestApp, actor: TestActor, method: string, url: string, body?: object) {
  const builder = t.as(actor);
  if (method === 'get') return builder.get(url);
  if (method === 'delete') return builder.delete(url);
  return builder.post(url, body ?? {});
}
