import { DEFAULT_PIPELINE } from '../../pipeline/default-pipeline';
import { createPipelineCatalog } from '../../pipeline/pipeline-catalog';
import { SECURITY_REVIEW_V2 } from '../../pipeline/testing/security-review-pipeline';
import { definitionOf } from '../../pipeline/version/published-definition';
import { deciderSpec } from '../../testing/decider-spec';
import { command, dealOpened, evidence, FACTS_FOR, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';
import { DealEvent } from '../deal.events';

const V2 = definitionOf(SECURITY_REVIEW_V2);
const catalog = createPipelineCatalog([DEFAULT_PIPELINE, V2], 'default');
const { given } = deciderSpec(createDealDecider(catalog));

const inSecurityReview = [stored(dealOpened('security-review-passed', 2))];
const signed = evidence('signature', 'docusign-8841');
const questionnaire = { signedBy: 'Kim Lee, CISO', signedOn: '2026-03-18', outcome: 'passed' };
const recorded: DealEvent = {
  type: 'BuyerFactRecorded',
  data: { factType: 'security-questionnaire-signed', attributes: questionnaire, evidence: signed },
};

describe('OpenDeal on a pipeline', () => {
  const open = (data: object) => command('OpenDeal', {
    dealId: 'deal-acme', name: 'Acme', account: { name: 'Acme' }, ownerId: 'ana', currency: 'EUR', expectedAmountMinor: 100, ...data,
  });
  const pipelineOf = (events: readonly DealEvent[]) => (events[0].data as { pipeline: unknown }).pipeline;

  it('opens on the latest version of the pipeline named, or of the default pipeline', () => {
    const decide = createDealDecider(catalog).decide;
    expect(pipelineOf(decide(open({ pipelineId: 'default' }), createDealDecider().initialState()))).toStrictEqual({ id: 'default', version: 2 });
    expect(pipelineOf(decide(open({}), createDealDecider().initialState()))).toStrictEqual({ id: 'default', version: 2 });
    expect(pipelineOf(decide(open({ pipeline: { id: 'default', version: 1 } }), createDealDecider().initialState()))).toStrictEqual({ id: 'default', version: 1 });
  });

  it('refuses a pipeline nobody published', () => {
    given([]).when(open({ pipelineId: 'enterprise' })).thenThrows('PIPELINE.UNKNOWN');
  });
});

describe('RecordBuyerFact', () => {
  it('records a fact of a type the deal\'s version declares, keeping only declared attributes', () => {
    given(inSecurityReview)
      .when(command('RecordBuyerFact', { factType: 'security-questionnaire-signed', attributes: { ...questionnaire, questionnaireUrl: '' }, evidence: signed }))
      .then([recorded]);
  });

  it('does not know a type the deal\'s version does not declare (404), even one a newer version declares', () => {
    const error = given(historyOnV1()).when(command('RecordBuyerFact', { factType: 'security-questionnaire-signed', attributes: questionnaire, evidence: signed }))
      .thenThrows('DEAL.FACT_TYPE_UNKNOWN');
    expect(error.kind).toBe('not_found');
    expect(error.details).toStrictEqual({ factType: 'security-questionnaire-signed', pipelineId: 'default', version: 1, declared: [] });
  });

  it('names each field at fault (400)', () => {
    const error = given(inSecurityReview)
      .when(command('RecordBuyerFact', { factType: 'security-questionnaire-signed', attributes: { signedOn: 'soon', outcome: 'passed' }, evidence: evidence('email', '<x@acme.example>') }))
      .thenThrows('DEAL.FACT_INVALID');
    expect(error.kind).toBe('invalid');
    expect(error.details.fields).toStrictEqual([
      { field: 'attributes.signedBy', problem: 'is required' },
      { field: 'attributes.signedOn', problem: 'must be a date (YYYY-MM-DD) or an ISO-8601 timestamp' },
      { field: 'evidence.kind', problem: 'must be one of signature, document for \'security-questionnaire-signed\'; got "email"' },
    ]);
  });

  it('is refused on a closed deal', () => {
    given([...inSecurityReview, stored({ type: 'DealClosedLost', data: { fromStageId: 'security-review-passed', reason: 'No budget' } })])
      .when(command('RecordBuyerFact', { factType: 'security-questionnaire-signed', attributes: questionnaire, evidence: signed }))
      .thenThrows('DEAL.CLOSED');
  });
});

describe('a stage whose criterion is a custom fact', () => {
  it('cannot be left until the fact is recorded, naming the missing criterion', () => {
    const error = given(inSecurityReview).when(command('AdvanceStage', {})).thenThrows('DEAL.EXIT_CRITERIA_UNMET');
    expect(error.details).toStrictEqual({
      stageId: 'security-review-passed',
      missing: [{ id: 'security-questionnaire-signed', label: 'Security questionnaire signed by the buyer' }],
    });
  });

  it('is left once it is, with the signed questionnaire as evidence', () => {
    given([...inSecurityReview, stored(recorded)]).when(command('AdvanceStage', {})).then([{
      type: 'StageAdvanced',
      data: {
        fromStageId: 'security-review-passed', toStageId: 'product-evaluated',
        satisfiedBy: [{ criterionId: 'security-questionnaire-signed', evidence: [signed] }],
      },
    }]);
  });

  it('a deal on version 1 never meets the new stage: it goes from qualified to product evaluated', () => {
    given([...historyOnV1('qualified'), ...FACTS_FOR.qualified.map((event) => stored(event))]).when(command('AdvanceStage', {}))
      .then([expect.objectContaining({ data: expect.objectContaining({ toStageId: 'product-evaluated' }) })]);
  });
});

function historyOnV1(stageId = 'engaged'): DealEvent[] {
  return [stored(dealOpened(stageId))];
}
