import { DEFAULT_PIPELINE, publishedOf } from '@deals/domain';
import { SECURITY_REVIEW_V2 } from '@deals/domain/pipeline/testing/security-review-pipeline';
import { createTestApp, email, openAcme, OPS, reachProductEvaluated, REP, TestApp } from '../src/testing/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are walked as plain JSON */

// Sales-ops add a buyer-centric stage to the default pipeline: after Qualified, the buyer's
// security team must have signed our questionnaire. Deals opened on v2 follow it; deals on v1
// stay on v1 until sales-ops review a dry run and migrate them.
describe('pipeline versions over HTTP: publish, follow, migrate', () => {
  let t: TestApp;
  let engagedV1: string;
  let evaluatedV1: string;
  let lostV1: string;
  let onV2: string;
  const { pipelineId: _id, ...v2Body } = SECURITY_REVIEW_V2;
  const signed = { kind: 'signature', ref: 'docusign-8841' };
  const questionnaire = { signedBy: 'Kim Lee, CISO', signedOn: '2026-01-12', outcome: 'passed' };

  beforeAll(async () => {
    t = await createTestApp();
    engagedV1 = await openAcme(t);
    evaluatedV1 = await openAcme(t);
    await reachProductEvaluated(t, evaluatedV1);
    lostV1 = await openAcme(t);
    await t.as(REP).post(`/deals/${lostV1}/close-lost`, { reason: 'No budget', occurredAt: '2026-01-06T09:00:00.000Z' }).expect(201);
  });
  afterAll(() => t.close());

  it('serves the compiled default pipeline as version 1, published at first start by the system', async () => {
    const list = await t.as(REP).get('/pipelines').expect(200);
    expect(list.body).toEqual([{ pipelineId: 'default', name: DEFAULT_PIPELINE.name, latestVersion: 1, versions: 1, isDefault: true }]);
    const v1 = await t.as(REP).get('/pipelines/default/versions/1').expect(200);
    const { position: _p, recordedAt: _r, publishedBy, ...definition } = v1.body;
    expect(publishedBy).toBe('system');
    expect(definition).toEqual(publishedOf(DEFAULT_PIPELINE));
    const deal = await t.as(REP).get(`/deals/${engagedV1}`).expect(200);
    expect(deal.body.state.pipeline).toEqual({ id: 'default', version: 1 });
    await t.as(REP).get('/pipelines/default/versions/2').expect(404);
  });

  it('only sales-ops and admins publish; an invalid version is refused with every problem named', async () => {
    const byRep = await t.as(REP).post('/pipelines/default/versions', v2Body).expect(403);
    expect(byRep.body.error).toBe('AUTH.PERMISSION_DENIED');
    const [engaged, qualified, security] = v2Body.stages;
    const bad = await t.as(OPS).post('/pipelines/default/versions', {
      ...v2Body,
      stages: [engaged, { ...qualified, id: 'engaged' }, { ...security, probability: 0.1, exitCriteria: [{ ...security.exitCriteria[0], requires: { fact: 'security-questionnaire-signed', has: ['signer'] } }] }],
      factTypes: [...v2Body.factTypes!, { name: 'budget-noted', label: 'Budget', attributes: [], evidenceKinds: ['email'] }],
    }).expect(400);
    expect(bad.body.error).toBe('PIPELINE.INVALID');
    expect(bad.body.details.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'factTypes[1].name', 'stages[1].id', 'stages[2].probability', 'stages[2].exitCriteria[0].requires.has[0]',
    ]);
    const skipping = await t.as(OPS).post('/pipelines/default/versions', { ...v2Body, version: 3 }).expect(409);
    expect(skipping.body.error).toBe('PIPELINE.VERSION_CONFLICT');
  });

  it('sales-ops publish version 2 with the security review stage and its custom fact type', async () => {
    const res = await t.as(OPS).post('/pipelines/default/versions', v2Body).expect(201);
    expect(res.body).toMatchObject({ pipelineId: 'default', streamId: 'pipeline-default', revision: 1, events: [{ type: 'PipelineVersionPublished' }] });
    const versions = await t.as(REP).get('/pipelines/default/versions').expect(200);
    expect(versions.body.map((v: any) => [v.version, v.publishedBy])).toEqual([[1, 'system'], [2, OPS.id]]);
    expect(versions.body[1].factTypes).toEqual(SECURITY_REVIEW_V2.factTypes);
    expect(versions.body[1].stages.map((s: any) => s.id)).toEqual(SECURITY_REVIEW_V2.stages.map((s) => s.id));
  });

  it('a deal opened now is on version 2 and cannot leave the security review until the buyer\'s signed questionnaire is recorded', async () => {
    const unknown = await t.as(REP).post('/deals', { name: 'N', account: { name: 'N' }, currency: 'EUR', expectedAmount: '1.00', pipelineId: 'enterprise' }).expect(400);
    expect(unknown.body.error).toBe('PIPELINE.UNKNOWN');
    onV2 = await openAcme(t);
    await reachProductEvaluated(t, onV2);
    const deal = await t.as(REP).get(`/deals/${onV2}`).expect(200);
    expect(deal.body.state.pipeline).toEqual({ id: 'default', version: 2 });
    expect(deal.body.stage.stageId).toBe('security-review-passed');

    const blocked = await t.as(REP).post(`/deals/${onV2}/stage/advance`, { occurredAt: '2026-01-12T09:00:00.000Z' }).expect(409);
    expect(blocked.body.error).toBe('DEAL.EXIT_CRITERIA_UNMET');
    expect(blocked.body.details.missing).toEqual([{ id: 'security-questionnaire-signed', label: 'Security questionnaire signed by the buyer' }]);

    const invalid = await t.as(REP).post(`/deals/${onV2}/facts/security-questionnaire-signed`, {
      attributes: { signedOn: 'last week', outcome: 'passed' }, evidence: email('<sq@acme.example>'),
    }).expect(400);
    expect(invalid.body.error).toBe('DEAL.FACT_INVALID');
    expect(invalid.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['attributes.signedBy', 'attributes.signedOn', 'evidence.kind']);
    const unknownType = await t.as(REP).post(`/deals/${onV2}/facts/pen-test-shared`, { evidence: signed }).expect(404);
    expect(unknownType.body.error).toBe('DEAL.FACT_TYPE_UNKNOWN');
    // A deal on version 1 knows no such fact type.
    await t.as(REP).post(`/deals/${engagedV1}/facts/security-questionnaire-signed`, { attributes: questionnaire, evidence: signed }).expect(404);

    await t.as(REP).post(`/deals/${onV2}/facts/security-questionnaire-signed`, {
      attributes: questionnaire, evidence: signed, occurredAt: '2026-01-12T10:00:00.000Z',
    }).expect(201);
    const advanced = await t.as(REP).post(`/deals/${onV2}/stage/advance`, { occurredAt: '2026-01-12T11:00:00.000Z' }).expect(201);
    const events = await t.as(REP).get(`/deals/${onV2}/events`).expect(200);
    const stageAdvanced = events.body.events.find((e: any) => e.revision === advanced.body.revision);
    expect(stageAdvanced.data).toEqual({
      fromStageId: 'security-review-passed', toStageId: 'product-evaluated',
      satisfiedBy: [{ criterionId: 'security-questionnaire-signed', evidence: [signed] }],
    });
  });

  it('deals on version 1 stay on it: they go from qualified straight to product evaluated', async () => {
    const deal = await t.as(REP).get(`/deals/${evaluatedV1}`).expect(200);
    expect(deal.body.state.pipeline).toEqual({ id: 'default', version: 1 });
    expect(deal.body.stage.stageId).toBe('product-evaluated');
  });

  it('the dry run lists each open deal on version 1 with its stage under version 2 and each criterion, as computed by hand', async () => {
    await t.as(REP).post('/pipelines/default/migrations/dry-run', { toVersion: 2 }).expect(403);
    const res = await t.as(OPS).post('/pipelines/default/migrations/dry-run', { toVersion: 2 }).expect(200);
    const met = (stageId: string, criterionId: string, label: string, ...evidence: object[]) => ({ stageId, criterionId, label, met: true, evidence });
    const missing = (stageId: string, criterionId: string, label: string) => ({ stageId, criterionId, label, met: false });
    const expected = [
      {
        dealId: engagedV1, name: 'Acme rollout', fromVersion: 1, fromStageId: 'engaged', stageId: 'engaged', placement: 'kept',
        criteria: [
          missing('engaged', 'buyer-responded', 'Buyer responded to first contact'),
          missing('engaged', 'first-meeting-booked', 'First meeting booked'),
        ],
      },
      {
        dealId: evaluatedV1, name: 'Acme rollout', fromVersion: 1, fromStageId: 'product-evaluated', stageId: 'product-evaluated', placement: 'kept',
        criteria: [
          met('engaged', 'buyer-responded', 'Buyer responded to first contact', email('<reply-1@acme.example>')),
          met('engaged', 'first-meeting-booked', 'First meeting booked', { kind: 'calendar', ref: 'cal-1' }),
          met('qualified', 'decision-maker-confirmed', 'Decision maker confirmed', { kind: 'meeting', ref: 'cal-1' }),
          met('qualified', 'budget-noted', 'Budget noted', email('<budget@acme.example>')),
          met('qualified', 'decision-timeframe-noted', 'Decision timeframe noted', { kind: 'meeting', ref: 'cal-1' }),
          missing('security-review-passed', 'security-questionnaire-signed', 'Security questionnaire signed by the buyer'),
          missing('product-evaluated', 'demo-attended', 'Demo attended and questions answered'),
          missing('product-evaluated', 'next-meeting-scheduled', 'Next meeting scheduled'),
          missing('product-evaluated', 'recap-confirmed', 'Recap confirmed by buyer'),
        ],
      },
    ].sort((a, b) => a.dealId.localeCompare(b.dealId));
    // The lost deal and the deal already on version 2 are not listed.
    expect(res.body).toEqual({ pipelineId: 'default', toVersion: 2, deals: expected, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const events = await t.as(REP).get(`/deals/${evaluatedV1}/events`).expect(200);
    expect(events.body.events.some((e: any) => e.type === 'DealPipelineMigrated')).toBe(false);
  });

  it('the migration writes one DealPipelineMigrated per deal, once, visible in each deal\'s audit', async () => {
    const { body: dryRun } = await t.as(OPS).post('/pipelines/default/migrations/dry-run', { toVersion: 2 }).expect(200);
    const stale = await t.as(OPS).post('/pipelines/default/migrations', { toVersion: 2, dryRunDigest: '0'.repeat(64) }).expect(412);
    expect(stale.body.error).toBe('PIPELINE.DRY_RUN_STALE');
    await t.as(REP).post('/pipelines/default/migrations', { toVersion: 2 }).expect(403);

    const res = await t.as(OPS).post('/pipelines/default/migrations', { toVersion: 2, dryRunDigest: dryRun.digest }).expect(201);
    expect(res.body.failed).toEqual([]);
    expect(res.body.migrated.map((m: any) => [m.dealId, m.events.map((e: any) => e.type)]))
      .toEqual(dryRun.deals.map((d: any) => [d.dealId, ['DealPipelineMigrated']]));

    for (const row of dryRun.deals) {
      const events = await t.as(OPS).get(`/deals/${row.dealId}/events`).expect(200);
      const migrated = events.body.events.filter((e: any) => e.type === 'DealPipelineMigrated');
      expect(migrated).toHaveLength(1);
      expect(migrated[0].data).toEqual({
        pipelineId: 'default', fromVersion: 1, toVersion: 2, fromStageId: row.fromStageId, stageId: row.stageId,
        finding: { placement: row.placement, criteria: row.criteria },
      });
      const position = res.body.migrated.find((m: any) => m.dealId === row.dealId).position;
      const audit = await t.as(OPS).get(`/audit/deals/${row.dealId}?minPosition=${position}&limit=100`).expect(200);
      const entry = audit.body.entries.find((e: any) => e.type === 'DealPipelineMigrated');
      expect(entry.summary).toContain(`moved the deal from default v1 to v2, in ${row.stageId}`);
    }

    // Again: nothing is left on version 1, and nothing is written twice.
    const again = await t.as(OPS).post('/pipelines/default/migrations', { toVersion: 2 }).expect(201);
    expect(again.body.migrated).toEqual([]);
    const deal = await t.as(REP).get(`/deals/${evaluatedV1}`).expect(200);
    expect(deal.body.state.pipeline).toEqual({ id: 'default', version: 2 });
    expect(deal.body.stage.stageId).toBe('product-evaluated');
  });
});
