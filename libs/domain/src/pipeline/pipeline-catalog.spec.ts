import { DomainError } from '../shared/domain-error';
import { DEFAULT_PIPELINE } from './default-pipeline';
import { createPipelineCatalog, defaultPipelineCatalog } from './pipeline-catalog';
import { lastOpenStage, nextOpenStage, openStages, postCloseStages } from './pipeline-navigation';
import { isStageStuck } from './stuck';

const v2 = { ...DEFAULT_PIPELINE, version: 2, name: 'Default v2' };

describe('pipeline catalog', () => {
  it('serves the default pipeline, version 1', () => {
    expect(defaultPipelineCatalog.default).toBe(DEFAULT_PIPELINE);
    expect(defaultPipelineCatalog.get('default', 1)).toBe(DEFAULT_PIPELINE);
    expect(defaultPipelineCatalog.get('default', 2)).toBeUndefined();
    expect(defaultPipelineCatalog.latest('enterprise')).toBeUndefined();
  });

  it('finds versions and the latest of each', () => {
    const catalog = createPipelineCatalog([DEFAULT_PIPELINE, v2]);
    expect(catalog.get('default', 1)).toBe(DEFAULT_PIPELINE);
    expect(catalog.latest('default')).toBe(v2);
    expect(catalog.default).toBe(v2);
    expect(catalog.list()).toHaveLength(2);
  });

  it('refuses invalid and duplicate definitions', () => {
    const codeOf = (run: () => unknown) => {
      try { run(); } catch (error) { return (error as DomainError).code; }
      return 'no error';
    };
    expect(codeOf(() => createPipelineCatalog([{ ...DEFAULT_PIPELINE, stages: [] }]))).toBe('PIPELINE.INVALID');
    expect(codeOf(() => createPipelineCatalog([DEFAULT_PIPELINE, DEFAULT_PIPELINE]))).toBe('PIPELINE.DUPLICATE');
    expect(codeOf(() => createPipelineCatalog([]))).toBe('PIPELINE.UNKNOWN');
  });
});

describe('the default pipeline', () => {
  it('has the buyer-centric stages in order with rising probabilities', () => {
    expect(DEFAULT_PIPELINE.stages.map((stage) => [stage.id, stage.phase, stage.probability])).toStrictEqual([
      ['engaged', 'open', 0.1],
      ['qualified', 'open', 0.2],
      ['product-evaluated', 'open', 0.4],
      ['proposal-reviewed', 'open', 0.6],
      ['terms-agreed', 'open', 0.8],
      ['closed-won', 'won', 1],
      ['closed-lost', 'lost', 0],
      ['handed-to-implementation', 'post-close', 1],
      ['implementation-in-progress', 'post-close', 1],
      ['live', 'post-close', 1],
    ]);
  });

  it('names the product-evaluated exit criteria of the brief', () => {
    const stage = openStages(DEFAULT_PIPELINE)[2];
    expect(stage.exitCriteria.map((criterion) => [criterion.id, criterion.requires])).toStrictEqual([
      ['demo-attended', { fact: 'DemoHeld', where: { attended: true, questionsAnswered: true } }],
      ['next-meeting-scheduled', { fact: 'NextMeetingScheduled' }],
      ['recap-confirmed', { allOf: [{ fact: 'RecapEmailSent' }, { fact: 'RecapConfirmedByBuyer' }] }],
    ]);
  });

  it('never advances into the close, and tracks three post-close steps', () => {
    expect(nextOpenStage(DEFAULT_PIPELINE, 'proposal-reviewed')?.id).toBe('terms-agreed');
    expect(nextOpenStage(DEFAULT_PIPELINE, 'terms-agreed')).toBeUndefined();
    expect(lastOpenStage(DEFAULT_PIPELINE)?.id).toBe('terms-agreed');
    expect(postCloseStages(DEFAULT_PIPELINE).map((stage) => stage.id))
      .toStrictEqual(['handed-to-implementation', 'implementation-in-progress', 'live']);
  });

  it('flags a deal as stuck once it outstays its stage', () => {
    const engaged = openStages(DEFAULT_PIPELINE)[0];
    expect(engaged.stuckAfterDays).toBe(14);
    expect(isStageStuck(engaged, '2026-03-01T00:00:00Z', '2026-03-15T00:00:00Z')).toBe(false);
    expect(isStageStuck(engaged, '2026-03-01T00:00:00Z', '2026-03-15T00:00:01Z')).toBe(true);
    expect(isStageStuck(DEFAULT_PIPELINE.stages[9], '2020-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe(false);
  });
});
