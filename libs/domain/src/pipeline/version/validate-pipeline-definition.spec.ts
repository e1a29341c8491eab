import { SECURITY_QUESTIONNAIRE, SECURITY_REVIEW_V2 } from '../testing/security-review-pipeline';
import { validatePipelineDefinition } from './validate-pipeline-definition';
import { definitionOf } from './published-definition';

const [engaged, qualified] = SECURITY_REVIEW_V2.stages;

describe('validatePipelineDefinition', () => {
  it('accepts a version with a custom buyer fact type and criteria over it', () => {
    expect(validatePipelineDefinition(SECURITY_REVIEW_V2)).toStrictEqual([]);
  });

  it('keeps the reports\' default definitions a version states, and names a bad one', () => {
    expect(validatePipelineDefinition({ ...SECURITY_REVIEW_V2, reporting: { meetings: 'first-meetings' } })).toStrictEqual([]);
    expect(definitionOf({ ...SECURITY_REVIEW_V2, reporting: { meetings: 'first-meetings' } }).reporting).toStrictEqual({ meetings: 'first-meetings' });
    expect(definitionOf(SECURITY_REVIEW_V2).reporting).toBeUndefined();
    expect(validatePipelineDefinition({ ...SECURITY_REVIEW_V2, reporting: { meetings: 'calls' as never, outcomes: 'x' } as never })).toStrictEqual([
      { path: 'reporting.outcomes', message: 'is not a reporting definition (meetings)' },
      { path: 'reporting.meetings', message: 'must be one of demos-attended, first-meetings' },
    ]);
    expect(validatePipelineDefinition({ ...SECURITY_REVIEW_V2, reporting: 'first-meetings' as never })).toStrictEqual([
      { path: 'reporting', message: 'must be { meetings? }' },
    ]);
  });

  it('lists every problem in one answer, by path in what was sent', () => {
    const issues = validatePipelineDefinition({
      pipelineId: 'enterprise', version: 1, name: 'Enterprise',
      stages: [
        engaged,
        { ...qualified, id: 'engaged', probability: 0.05, exitCriteria: [engaged.exitCriteria[1]] },
        {
          id: 'security', name: 'Security', probability: 1.5,
          exitCriteria: [
            { id: 'signed', label: 'Signed', buyerOutcome: 'Signed', requires: { fact: 'security-questionnaire-signed', has: ['signer'], where: { result: 'ok' } } },
            { id: 'keen', label: 'Keen', buyerOutcome: 'Keen', requires: { fact: 'buyer-seems-keen' } },
            { id: 'failed', label: 'Failed', buyerOutcome: 'Failed', requires: { fact: 'security-questionnaire-signed', where: { outcome: 'failed', signedBy: true } } },
          ],
        },
      ],
      postCloseStages: [{ id: 'live', name: 'Live' }],
      factTypes: [
        SECURITY_QUESTIONNAIRE,
        { name: 'demo-held', label: 'Demo', attributes: [], evidenceKinds: ['meeting'] },
        { name: 'Pen Test', label: ' ', attributes: [{ name: 'score', type: 'decimal' as never, required: true }, { name: 'level', type: 'enum', required: false }], evidenceKinds: ['fax' as never] },
      ],
    });
    expect(issues).toStrictEqual([
      { path: 'stages', message: 'needs no post-close stages or exactly 3 (handed to implementation, implementation in progress, live)' },
      { path: 'factTypes[1].name', message: "'demo-held' clashes with the built-in fact DemoHeld" },
      { path: 'factTypes[2].name', message: 'must be kebab-case (e.g. security-questionnaire-signed)' },
      { path: 'factTypes[2].label', message: 'must not be blank' },
      { path: 'factTypes[2].attributes[0].type', message: 'must be one of string, number, boolean, date, url, enum' },
      { path: 'factTypes[2].attributes[1].values', message: 'an enum lists its values (non-blank text)' },
      { path: 'factTypes[2].evidenceKinds[0]', message: 'must be one of email, meeting, call, document, calendar, signature, crm, other' },
      { path: 'stages[1].id', message: "duplicate stage id 'engaged'" },
      { path: 'stages[1].probability', message: "must be greater than the previous open stage's (0.1)" },
      { path: 'stages[1].exitCriteria[0].id', message: "duplicate criterion id 'first-meeting-booked'" },
      { path: 'stages[2].probability', message: 'must be a number from 0 to 1' },
      { path: 'stages[2].exitCriteria[0].requires.where.result', message: "'security-questionnaire-signed' has no attribute 'result'" },
      { path: 'stages[2].exitCriteria[0].requires.has[0]', message: "'security-questionnaire-signed' has no attribute 'signer'" },
      { path: 'stages[2].exitCriteria[1].requires.fact', message: expect.stringMatching(/^must be one of ContactMade, .*, TermsAgreed, security-questionnaire-signed$/) },
      { path: 'stages[2].exitCriteria[2].requires.where.outcome', message: "can never match the enum attribute 'outcome'" },
      { path: 'stages[2].exitCriteria[2].requires.where.signedBy', message: "can never match the string attribute 'signedBy'" },
    ]);
  });

  it('names malformed parts instead of failing on them', () => {
    const issues = validatePipelineDefinition({
      pipelineId: 'odd', version: 1, name: 'Odd',
      stages: [{ ...engaged, exitCriteria: [null as never, { id: 'w', label: 'W', buyerOutcome: 'W', requires: { fact: 'DemoHeld', where: 'attended' as never } }] }],
    });
    expect(issues).toStrictEqual([
      { path: 'stages[0].exitCriteria[0]', message: 'must be { id, label, buyerOutcome, requires }' },
      { path: 'stages[0].exitCriteria[1].requires.where', message: 'must be an object of attribute values' },
    ]);
  });

  it('reports an empty pipeline and the reserved closed stages', () => {
    expect(validatePipelineDefinition({ pipelineId: 'x y', version: 1, name: 'X', stages: [{ ...engaged, id: 'closed-won' }] }).map((issue) => issue.path))
      .toStrictEqual(['pipelineId', 'stages[0].id']);
    expect(validatePipelineDefinition({ pipelineId: 'empty', version: 1, name: 'Empty', stages: [] }))
      .toStrictEqual([{ path: 'stages', message: 'needs at least one open stage' }]);
    expect(validatePipelineDefinition({ pipelineId: 'none', version: 1, name: 'None', stages: undefined as never }))
      .toStrictEqual([{ path: 'stages', message: 'must be a list' }]);
  });
});
