import { SECURITY_REVIEW_V2 } from '@deals/domain/pipeline/testing/security-review-pipeline';
import { ADMIN, createTestApp, email, MANAGER, OPS, REP, TestApp } from '../src/testing/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are walked as plain JSON */

// Sales-ops ask: had version 2 (a security review after Qualified) applied to the whole history,
// how would the pipeline have looked? Four deals, every fact at a chosen time; the answer is
// checked against numbers worked out by hand below.
describe('pipeline what-if over HTTP: two definitions over the same recorded history', () => {
  let t: TestApp;
  let last = 0;
  const ids: Record<string, string> = {};
  const { pipelineId: _id, ...v2Body } = SECURITY_REVIEW_V2;
  const TO = '2026-02-01T09:00:00.000Z';
  const on = (day: string) => `2026-01-${day}T09:00:00.000Z`;

  const post = async (path: string, body: object) => {
    const res = await t.as(REP).post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res.body;
  };
  const open = async (key: string) => {
    ids[key] = (await post('/deals', {
      name: key, account: { name: 'Acme' }, currency: 'EUR', expectedAmount: '1000.00',
      team: [{ userId: REP.id, role: 'account-executive' }], occurredAt: on('05'),
    })).dealId;
  };
  /** Engaged's criteria: the buyer responded and booked a first meeting. */
  const engaged = async (key: string, day: string) => {
    await post(`/deals/${ids[key]}/buyer-responses`, { evidence: email(`<r-${key}>`), occurredAt: on(day) });
    await post(`/deals/${ids[key]}/meetings`, { meetingId: `m-${key}`, scheduledFor: on('20'), evidence: { kind: 'calendar', ref: `m-${key}` }, occurredAt: on(day) });
  };
  /** Qualified's criteria: decision maker, budget, timeframe. */
  const qualified = async (key: string, day: string) => {
    await post(`/deals/${ids[key]}/decision-maker`, { contactName: 'Pat', contactTitle: 'CFO', evidence: { kind: 'meeting', ref: 'm' }, occurredAt: on(day) });
    await post(`/deals/${ids[key]}/budget`, { min: '800.00', max: '1200.00', evidence: email('<b>'), occurredAt: on(day) });
    await post(`/deals/${ids[key]}/decision-timeframe`, { decisionBy: '2026-03-31', evidence: { kind: 'meeting', ref: 'm' }, occurredAt: on(day) });
  };

  beforeAll(async () => {
    t = await createTestApp();
    // On version 1: d1 engaged 06, qualified 08, lost 10; d2 engaged 07, then nothing.
    await open('d1'); await open('d2');
    await engaged('d1', '06'); await qualified('d1', '08');
    await post(`/deals/${ids.d1}/close-lost`, { reason: 'No budget', occurredAt: on('10') });
    await engaged('d2', '07');
    await t.as(OPS).post('/pipelines/default/versions', v2Body).expect(201);
    // On version 2: d3 engaged 06, qualified 09, security questionnaire signed 12; d4 engaged 06, qualified 09, no questionnaire.
    await open('d3'); await open('d4');
    await engaged('d3', '06'); await qualified('d3', '09');
    await post(`/deals/${ids.d3}/facts/security-questionnaire-signed`, {
      attributes: { signedBy: 'Kim Lee, CISO', signedOn: '2026-01-12', outcome: 'passed' }, evidence: { kind: 'signature', ref: 'ds-1' }, occurredAt: on('12'),
    });
    await engaged('d4', '06'); await qualified('d4', '09');
    await post(`/deals/${ids.d4}/stage/advance`, { occurredAt: on('09') });
    await post(`/deals/${ids.d4}/stage/advance`, { occurredAt: on('09') });
  });
  afterAll(() => t.close());

  it('the live pipeline report, board and time in stage show a deal on version 2 in its own version\'s extra stage', async () => {
    const res = await t.as(OPS).get(`/pipeline?pipelineId=default&minPosition=${last}`).expect(200);
    const rows = res.body.result.stages.map((s: any) => [s.stageId, s.count]);
    expect(rows).toEqual([['engaged', 2], ['qualified', 0], ['security-review-passed', 1], ['product-evaluated', 0], ['proposal-reviewed', 0], ['terms-agreed', 0]]);
    const board = await t.as(OPS).get(`/board?pipelineId=default&minPosition=${last}`).expect(200);
    const security = board.body.result.stages.find((s: any) => s.stageId === 'security-review-passed');
    expect(security.deals.map((d: any) => d.dealId)).toEqual([ids.d4]);
    const time = await t.as(OPS).get(`/pipeline/time-in-stage?pipelineId=default&stageId=security-review-passed&now=2026-02-01T09:00:00Z&minPosition=${last}`).expect(200);
    expect(time.body.result).toMatchObject([{ stageId: 'security-review-passed', current: { count: 1, medianDays: 23 } }]);
  });

  it('v1 against v2 over the same facts, as computed by hand', async () => {
    await t.as(MANAGER).post('/pipelines/default/what-if', { baselineVersion: 1, candidate: { version: 2 } }).expect(403);
    const res = await t.as(OPS).post('/pipelines/default/what-if', { baselineVersion: 1, candidate: { version: 2 }, to: TO }).expect(200);
    const { baseline, candidate } = res.body;
    expect(res.body.deals).toBe(4);
    // Read: 4 openings; facts d1 5, d2 2, d3 6 (with the questionnaire), d4 5; d1's loss. The stage advances are not read.
    expect(res.body.eventsRead).toBe(4 + 5 + 2 + 6 + 5 + 1);
    const rows = (m: any) => m.stages.map((s: any) => [s.stageId, s.entered, s.leftToNext, s.conversion.percent, s.days.medianDays, s.days.p90Days, s.stuck]);
    // Stays in days, every stage measured up to TO = 02-01 09:00 for "stuck".
    // engaged (14): all four enter 01-05; they leave 06 (d1, d3, d4) and 07 (d2): 4/4 = 100%, stays 1,1,1,2 → median 1, p90 rank ⌈3.6⌉=4 → 2.
    // qualified (21): 4 enter; d1 leaves 08 (2d), d3 and d4 09 (3d each): 3/4 = 75%, median 3, p90 3; d2 in it since 07: 25d > 21 → stuck.
    // v1 product-evaluated (21): d1 08 → lost 10 (2d, not onward), d3 and d4 since 09: 23d > 21 → 2 stuck; 0/3 → 0%.
    expect(rows(baseline)).toEqual([
      ['engaged', 4, 4, 100, 1, 2, 0],
      ['qualified', 4, 3, 75, 3, 3, 1],
      ['product-evaluated', 3, 0, 0, 2, 2, 2],
      ['proposal-reviewed', 0, 0, null, null, null, 0],
      ['terms-agreed', 0, 0, null, null, null, 0],
    ]);
    // v2 security-review-passed (21): d1 08 → lost 10 (2d), d3 09 → signed 12 (3d, onward), d4 since 09: 23d > 21 stuck.
    //   1/3 = 33%; stays 2,3 → median 2.5, p90 rank ⌈1.8⌉=2 → 3.
    // v2 product-evaluated: only d3, since 12: 20d, not stuck; no completed stay.
    expect(rows(candidate)).toEqual([
      ['engaged', 4, 4, 100, 1, 2, 0],
      ['qualified', 4, 3, 75, 3, 3, 1],
      ['security-review-passed', 3, 1, 33, 2.5, 3, 1],
      ['product-evaluated', 1, 0, 0, null, null, 0],
      ['proposal-reviewed', 0, 0, null, null, null, 0],
      ['terms-agreed', 0, 0, null, null, null, 0],
    ]);
    for (const m of [baseline, candidate]) expect(m).toMatchObject({ open: 3, won: 0, lost: 1, reversed: 0, cycle: { count: 0, medianDays: null } });
    expect([baseline.version, candidate.version]).toEqual([1, 2]);
  });

  it('a window of opening dates narrows the deals; a draft is compared without being published', async () => {
    const none = await t.as(ADMIN).post('/pipelines/default/what-if', { baselineVersion: 1, candidate: { version: 2 }, from: on('06'), to: TO }).expect(200);
    expect(none.body.deals).toBe(0);
    const draft = { ...v2Body, version: 3, name: 'Security review, stuck after a week', stages: v2Body.stages.map((s) => (s.id === 'security-review-passed' ? { ...s, stuckAfterDays: 30 } : s)) };
    const res = await t.as(OPS).post('/pipelines/default/what-if', { baselineVersion: 2, candidate: { definition: draft }, to: TO }).expect(200);
    // d4's 23 days in the security review are no longer stuck under a 30-day limit.
    expect(res.body.candidate.stages[2]).toMatchObject({ stageId: 'security-review-passed', stuckAfterDays: 30, stuck: 0 });
    expect(res.body.candidate.version).toBe(3);
    const versions = await t.as(OPS).get('/pipelines/default/versions').expect(200);
    expect(versions.body).toHaveLength(2);
  });

  it('a draft with problems gets one 400 listing every one; a candidate must be a version or a draft', async () => {
    const [engagedStage, qualifiedStage, security] = v2Body.stages;
    const bad = await t.as(OPS).post('/pipelines/default/what-if', {
      baselineVersion: 1,
      candidate: { definition: { ...v2Body, stages: [engagedStage, { ...qualifiedStage, id: 'engaged' }, { ...security, probability: 0.1 }] } },
    }).expect(400);
    expect(bad.body.error).toBe('PIPELINE.INVALID');
    expect(bad.body.details.issues.map((issue: { path: string }) => issue.path)).toEqual(['stages[1].id', 'stages[2].probability']);
    const both = await t.as(OPS).post('/pipelines/default/what-if', { baselineVersion: 1, candidate: { version: 2, definition: v2Body } }).expect(400);
    expect(both.body.error).toBe('PIPELINE.CANDIDATE_INVALID');
    const missing = await t.as(OPS).post('/pipelines/default/what-if', { baselineVersion: 9, candidate: { version: 2 } }).expect(404);
    expect(missing.body.error).toBe('PIPELINE.NOT_FOUND');
  });
});
