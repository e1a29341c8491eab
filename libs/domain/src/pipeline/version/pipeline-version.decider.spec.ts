import { deciderSpec } from '../../testing/decider-spec';
import { DEFAULT_PIPELINE } from '../default-pipeline';
import { SECURITY_REVIEW_V2 } from '../testing/security-review-pipeline';
import { PipelineVersionCommand } from './pipeline-version.commands';
import { pipelineVersionDecider } from './pipeline-version.decider';
import { PipelineVersionEvent } from './pipeline-version.events';
import { definitionOf, publishedOf } from './published-definition';

const salesOps = { id: 'sol', roles: ['sales-ops'] };
const publish = (data: PipelineVersionCommand['data']): PipelineVersionCommand =>
  ({ type: 'PublishPipelineVersion', data, metadata: { commandId: 'cmd-1', actor: salesOps, now: '2026-03-20T12:00:00.000Z' } });
const v1: PipelineVersionEvent = { type: 'PipelineVersionPublished', data: publishedOf(DEFAULT_PIPELINE) };
const { given } = deciderSpec(pipelineVersionDecider);

describe('PublishPipelineVersion', () => {
  it('the default pipeline published as version 1 reads back exactly as compiled', () => {
    expect(definitionOf(publishedOf(DEFAULT_PIPELINE))).toStrictEqual(DEFAULT_PIPELINE);
    given([]).when(publish(publishedOf(DEFAULT_PIPELINE))).then([v1]);
  });

  it('publishes the next version with its custom fact types', () => {
    const state = given([v1]).when(publish(SECURITY_REVIEW_V2)).then([{ type: 'PipelineVersionPublished', data: SECURITY_REVIEW_V2 as never }]);
    expect(state).toStrictEqual({ pipelineId: 'default', lastVersion: 2 });
    expect(definitionOf({ ...SECURITY_REVIEW_V2, postCloseStages: SECURITY_REVIEW_V2.postCloseStages ?? [] }).stages.map((stage) => stage.id)).toStrictEqual([
      'engaged', 'qualified', 'security-review-passed', 'product-evaluated', 'proposal-reviewed', 'terms-agreed',
      'closed-won', 'closed-lost', 'handed-to-implementation', 'implementation-in-progress', 'live',
    ]);
  });

  it('keeps only the fields the format knows', () => {
    const [first, ...rest] = SECURITY_REVIEW_V2.stages;
    const criterion = { ...first.exitCriteria[0], note: 'x', requires: { allOf: [{ fact: 'BuyerResponded', weight: 2 }] } };
    const stray = { ...SECURITY_REVIEW_V2, stages: [{ ...first, colour: 'red', exitCriteria: [criterion] } as typeof first, ...rest] };
    const [event] = pipelineVersionDecider.decide(publish(stray), { pipelineId: 'default', lastVersion: 1 });
    expect(event.data.stages[0]).not.toHaveProperty('colour');
    expect(event.data.stages[0].exitCriteria[0]).toStrictEqual({ ...first.exitCriteria[0], requires: { allOf: [{ fact: 'BuyerResponded' }] } });
  });

  it('refuses a version that is not the next one', () => {
    const error = given([v1]).when(publish({ ...SECURITY_REVIEW_V2, version: 3 })).thenThrows('PIPELINE.VERSION_CONFLICT');
    expect(error.details).toStrictEqual({ pipelineId: 'default', version: 3, expectedVersion: 2 });
    given([v1]).when(publish(publishedOf(DEFAULT_PIPELINE))).thenThrows('PIPELINE.VERSION_CONFLICT');
  });

  it('refuses an invalid definition naming every problem', () => {
    const error = given([v1]).when(publish({ ...SECURITY_REVIEW_V2, stages: [], factTypes: [{ name: 'TermsAgreed', label: 'x', attributes: [], evidenceKinds: [] }] }))
      .thenThrows('PIPELINE.INVALID');
    expect(error.kind).toBe('invalid');
    expect((error.details.issues as { path: string }[]).map((issue) => issue.path)).toStrictEqual(['stages', 'factTypes[0].name', 'factTypes[0].evidenceKinds']);
  });

  it('refuses another pipeline\'s id on this stream', () => {
    given([v1]).when(publish({ ...SECURITY_REVIEW_V2, pipelineId: 'enterprise' })).thenThrows('PIPELINE.ID_MISMATCH');
  });
});
