import {
  candidateLabel, compareStages, draftIssues, outcomeRows, requestKey, whatIfBody, whatIfChoices, WhatIfMetrics, WhatIfStage,
} from './what-if-model';

const stage = (stageId: string, entered: number, leftToNext: number, over: Partial<WhatIfStage> = {}): WhatIfStage => ({
  stageId, stageName: stageId.toUpperCase(), entered, leftToNext,
  conversion: { numerator: leftToNext, denominator: entered, percent: entered ? Math.round((100 * leftToNext) / entered) : null },
  days: { count: leftToNext, medianDays: leftToNext ? 2.5 : null, p90Days: leftToNext ? 12.4 : null }, stuckAfterDays: 21, stuck: 0, ...over,
});
const metrics = (version: number, stages: WhatIfStage[], over: Partial<WhatIfMetrics> = {}): WhatIfMetrics => ({
  pipelineId: 'default', version, name: `v${version}`, stages, open: 3, won: 1, lost: 1, reversed: 0, cycle: { count: 1, medianDays: 10 }, ...over,
});

describe('what-if view model', () => {
  it('lists the stages of both sides in the candidate order, with a stage of only one side blank on the other', () => {
    const v1 = metrics(1, [stage('engaged', 4, 4), stage('qualified', 4, 3, { stuck: 1 }), stage('demo', 2, 0)]);
    const v2 = metrics(2, [stage('engaged', 4, 4), stage('security', 3, 1), stage('qualified', 4, 3)]);
    const rows = compareStages(v1, v2);
    expect(rows.map((r) => [r.stageId, !!r.baseline, !!r.candidate])).toEqual([
      ['engaged', true, true], ['security', false, true], ['qualified', true, true], ['demo', true, false],
    ]);
    expect(rows[2].baseline).toEqual({ entered: '4', conversion: '75%', conversionTitle: '3 of 4 moved on', median: '2.5 d', p90: '12 d', stuck: '1 (over 21 d)' });
    // Nothing left the stage: no stays to measure, and no conversion to speak of when none entered.
    expect(rows[3].baseline).toMatchObject({ conversion: '0%', median: '—', p90: '—' });
    expect(compareStages(metrics(1, [stage('a', 0, 0, { stuckAfterDays: null })]), metrics(2, []))[0].baseline).toMatchObject({ conversion: '—', stuck: '0' });
  });

  it('puts a baseline-only first stage first', () => {
    const rows = compareStages(metrics(1, [stage('lead', 1, 1), stage('engaged', 1, 0)]), metrics(2, [stage('engaged', 1, 0)]));
    expect(rows.map((r) => r.stageId)).toEqual(['lead', 'engaged']);
  });

  it('gives outcomes and the median cycle side by side', () => {
    expect(outcomeRows(metrics(1, []), metrics(2, [], { won: 0, cycle: { count: 0, medianDays: null } }))).toEqual([
      ['Open', '3', '3'], ['Won', '1', '0'], ['Lost', '1', '1'], ['Reversed wins', '0', '0'], ['Median cycle (open → won)', '10 d (1 won)', '—'],
    ]);
  });

  it('builds the request, and asks again only when the inputs change by value', () => {
    const draft = { definition: { version: 3, name: 'Draft', stages: [] } };
    expect(whatIfBody(1, { version: 2 })).toEqual({ baselineVersion: 1, candidate: { version: 2 } });
    expect(whatIfBody(1, draft, { to: '2026-02-01' })).toEqual({ baselineVersion: 1, candidate: draft, to: '2026-02-01' });
    expect(requestKey('default', 1, { definition: { version: 3, name: 'Draft', stages: [] } })).toBe(requestKey('default', 1, draft));
    expect(requestKey('default', 1, { version: 2 })).not.toBe(requestKey('default', 2, { version: 2 }));
    expect([candidateLabel({ version: 2 }), candidateLabel(draft)]).toEqual(['version 2', 'draft “Draft”']);
  });

  it('reads the choices from the address, within the published versions', () => {
    const pipelines = [{ pipelineId: 'default', latestVersion: 3, isDefault: true }, { pipelineId: 'enterprise', latestVersion: 1 }];
    expect(whatIfChoices(new URLSearchParams(''), pipelines)).toEqual({ pipelineId: 'default', latest: 3, baseline: 2, candidate: 3 });
    expect(whatIfChoices(new URLSearchParams('pipeline=default&baseline=1&candidate=9'), pipelines)).toEqual({ pipelineId: 'default', latest: 3, baseline: 1, candidate: 3 });
    expect(whatIfChoices(new URLSearchParams('pipeline=enterprise'), pipelines)).toEqual({ pipelineId: 'enterprise', latest: 1, baseline: 1, candidate: 1 });
    expect(whatIfChoices(new URLSearchParams(''), [])).toBeUndefined();
  });

  it('lists every problem of a refused draft', () => {
    expect(draftIssues({ issues: [{ path: 'stages[1].id', message: 'duplicate' }, { path: 'stages[2].probability', message: 'must rise' }] }))
      .toEqual(['stages[1].id: duplicate', 'stages[2].probability: must rise']);
    expect(draftIssues(undefined)).toEqual([]);
  });
});
