import { DEFAULT_PIPELINE, publishedOf } from '../../../libs/domain/src';
import { SECURITY_QUESTIONNAIRE, SECURITY_REVIEW_V2 } from '../../../libs/domain/src/pipeline/testing/security-review-pipeline';
import {
  draftFrom, emptyCriterion, emptyStage, issuesOfRefusal, issueWhere, moved, PipelineDraft, problemsOf, publishBody, toPublish,
} from './pipeline-editor-model';

const v1 = publishedOf(DEFAULT_PIPELINE);

/** Version 1 with the security review stage added after `qualified`, as the editor's user builds it. */
function withSecurityReview(d: PipelineDraft, stageId: string): PipelineDraft {
  const stage = {
    ...emptyStage(), id: stageId, name: 'Security review passed', probability: '0.3', stuckAfterDays: '21',
    exitCriteria: [{
      ...emptyCriterion('security-questionnaire-signed'), id: 'security-questionnaire-signed', label: 'Security questionnaire signed by the buyer',
      buyerOutcome: 'The buyer\'s security team signed off our questionnaire',
    }],
  };
  const withHas = { ...stage, exitCriteria: [{ ...stage.exitCriteria[0], conditions: [{ fact: 'security-questionnaire-signed', has: ['signedBy'], where: [] }] }] };
  return {
    ...d, name: SECURITY_REVIEW_V2.name,
    stages: [...d.stages.slice(0, 2), withHas, ...d.stages.slice(2)],
    factTypes: [{
      name: SECURITY_QUESTIONNAIRE.name, label: SECURITY_QUESTIONNAIRE.label, evidenceKinds: [...SECURITY_QUESTIONNAIRE.evidenceKinds],
      attributes: SECURITY_QUESTIONNAIRE.attributes.map((a) => ({ name: a.name, type: a.type, required: a.required, values: (a.values ?? []).join(', ') })),
    }],
  };
}

describe('pipeline editor model', () => {
  it('gives back a published version unchanged, allOf and where values included, as the next version', () => {
    const draft = draftFrom({ ...v1, publishedBy: 'system' }, 2);
    expect(toPublish(draft)).toEqual({ ...v1, version: 2 });
    expect(problemsOf(draft)).toEqual([]);
    expect(publishBody(draft)).not.toHaveProperty('pipelineId');
  });

  it('publishes again the fields it does not edit, such as the reports\' definitions', () => {
    const draft = draftFrom({ ...v1, reporting: { meetings: 'first-meetings' }, publishedBy: 'olga.ops', position: 12 }, 2);
    expect(toPublish(draft)).toEqual({ ...v1, version: 2, reporting: { meetings: 'first-meetings' } });
    expect(publishBody(draft)).not.toHaveProperty('position');
    expect(publishBody(draft)).not.toHaveProperty('publishedBy');
  });

  it('builds the security review version from version 1, criterion over a declared fact type with an attribute present', () => {
    const draft = withSecurityReview(draftFrom(v1, 2), 'security-review-passed');
    expect(problemsOf(draft)).toEqual([]);
    expect(toPublish(draft)).toEqual(SECURITY_REVIEW_V2);
  });

  it('names every problem of the draft as the API would, in words by stage', () => {
    const draft = withSecurityReview(draftFrom(v1, 2), '');
    const broken = { ...draft, stages: draft.stages.map((s, i) => (i === 0 ? { ...s, probability: 'x' } : s)) };
    const problems = problemsOf(broken);
    expect(problems.map((p) => p.path)).toEqual(['stages[0].probability', 'stages[2].id']);
    expect(issueWhere('stages[2].id', broken)).toBe('Stage 3 (Security review passed), id');
    expect(issueWhere('factTypes[0].attributes[1].type', broken)).toBe('Fact type 1 (security-questionnaire-signed), attributes[1].type');
  });

  it('refuses a criterion over a fact that is neither built in nor declared', () => {
    const draft = draftFrom(v1, 2);
    const stage = { ...draft.stages[0], exitCriteria: [{ ...draft.stages[0].exitCriteria[0], conditions: [{ fact: 'nda-signed', has: [], where: [] }] }] };
    const paths = problemsOf({ ...draft, stages: [stage, ...draft.stages.slice(1)] }).map((p) => p.path);
    expect(paths).toEqual(['stages[0].exitCriteria[0].requires.fact']);
  });

  it('reads the issues of a 400 and moves items up and down within bounds', () => {
    expect(issuesOfRefusal({ issues: [{ path: 'stages[0].id', message: 'must not be blank' }, { nope: 1 }] })).toEqual([{ path: 'stages[0].id', message: 'must not be blank' }]);
    expect(issuesOfRefusal(undefined)).toEqual([]);
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
