import { DEFAULT_PIPELINE } from './default-pipeline';
import { FactKey } from './fact-key';
import { PipelineDefinition } from './pipeline-definition';
import { validatePipeline } from './validate-pipeline';

const withStages = (stages: PipelineDefinition['stages']): PipelineDefinition => ({ ...DEFAULT_PIPELINE, stages });
const [engaged, qualified] = DEFAULT_PIPELINE.stages;
const closing = DEFAULT_PIPELINE.stages.filter((stage) => stage.phase !== 'open');

describe('validatePipeline', () => {
  it('accepts the default pipeline', () => {
    expect(validatePipeline(DEFAULT_PIPELINE)).toStrictEqual([]);
  });

  it('reports duplicate stage and criterion ids', () => {
    const issues = validatePipeline(withStages([engaged, { ...qualified, id: 'engaged', exitCriteria: engaged.exitCriteria }, ...closing]));
    expect(issues).toStrictEqual([
      { path: 'stages[1].id', message: "duplicate stage id 'engaged'" },
      { path: 'stages[1].exitCriteria[0].id', message: "duplicate criterion id 'buyer-responded'" },
      { path: 'stages[1].exitCriteria[1].id', message: "duplicate criterion id 'first-meeting-booked'" },
    ]);
  });

  it('reports probabilities out of range and bad stuck thresholds', () => {
    const issues = validatePipeline(withStages([{ ...engaged, probability: 1.2, stuckAfterDays: 0 }, ...closing]));
    expect(issues.map((issue) => issue.path)).toStrictEqual(['stages[0].probability', 'stages[0].stuckAfterDays']);
  });

  it('reports unknown fact keys and empty combinators, wherever they are nested', () => {
    const issues = validatePipeline(withStages([{
      ...engaged,
      exitCriteria: [{
        id: 'x', label: 'X', buyerOutcome: 'x',
        requires: { allOf: [{ fact: 'BuyerSeemsKeen' as FactKey }, { anyOf: [] }] },
      }],
    }, ...closing]));
    expect(issues.map((issue) => issue.path)).toStrictEqual([
      'stages[0].exitCriteria[0].requires.allOf[0].fact',
      'stages[0].exitCriteria[0].requires.allOf[1].anyOf',
    ]);
  });

  it('needs open stages, one won, one lost, and zero or three post-close stages', () => {
    const issues = validatePipeline(withStages(DEFAULT_PIPELINE.stages.filter((stage) => stage.phase === 'post-close').slice(1)));
    expect(issues.map((issue) => issue.message)).toStrictEqual([
      'needs at least one open stage',
      'needs exactly one won stage',
      'needs exactly one lost stage',
      'needs no post-close stages or exactly 3 (handed to implementation, implementation in progress, live)',
    ]);
    expect(validatePipeline(withStages([engaged, ...closing.filter((stage) => stage.phase !== 'post-close')]))).toStrictEqual([]);
  });

  it('reports blank names, bad versions, and criteria on closed stages', () => {
    const issues = validatePipeline({
      id: ' ', version: 0, name: '',
      stages: [engaged, ...closing.map((stage) => (stage.phase === 'won' ? { ...stage, exitCriteria: engaged.exitCriteria } : stage))],
    });
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['id', 'name', 'version', 'stages[1].exitCriteria']));
  });
});
