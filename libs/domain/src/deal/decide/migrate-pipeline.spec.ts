import { DEFAULT_PIPELINE } from '../../pipeline/default-pipeline';
import { createPipelineCatalog } from '../../pipeline/pipeline-catalog';
import { SECURITY_REVIEW_V2 } from '../../pipeline/testing/security-review-pipeline';
import { definitionOf } from '../../pipeline/version/published-definition';
import { deciderSpec } from '../../testing/decider-spec';
import { command, dealOpened, evidence, FACTS_FOR, historyAt, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';

const V2 = definitionOf(SECURITY_REVIEW_V2);
// Version 3 drops Proposal reviewed: a deal there lands in the first stage it has not met.
const V3 = { ...V2, version: 3, stages: V2.stages.filter((stage) => stage.id !== 'proposal-reviewed') };
const catalog = createPipelineCatalog([DEFAULT_PIPELINE, V2, V3], 'default');
const decider = createDealDecider(catalog);
const { given } = deciderSpec(decider);
const sol = { id: 'sol', roles: ['sales-ops'] };
const migrate = (toVersion: number) => command('MigrateDealPipeline', { toVersion }, { actor: sol });
const missing = (stageId: string, criterionId: string, label: string) => ({ stageId, criterionId, label, met: false });

describe('MigrateDealPipeline', () => {
  it('keeps a deal in its stage and shows the new stage behind it as missing (computed by hand)', () => {
    const state = given(historyAt('product-evaluated')).when(migrate(2)).then([{
      type: 'DealPipelineMigrated',
      data: {
        pipelineId: 'default', fromVersion: 1, toVersion: 2, fromStageId: 'product-evaluated', stageId: 'product-evaluated',
        finding: {
          placement: 'kept',
          criteria: [
            { stageId: 'engaged', criterionId: 'buyer-responded', label: 'Buyer responded to first contact', met: true, evidence: [evidence('email', '<reply-1@acme.example>')] },
            { stageId: 'engaged', criterionId: 'first-meeting-booked', label: 'First meeting booked', met: true, evidence: [evidence('calendar', 'cal-1')] },
            { stageId: 'qualified', criterionId: 'decision-maker-confirmed', label: 'Decision maker confirmed', met: true, evidence: [evidence('meeting', 'm-1')] },
            { stageId: 'qualified', criterionId: 'budget-noted', label: 'Budget noted', met: true, evidence: [evidence('email', '<budget@acme.example>')] },
            { stageId: 'qualified', criterionId: 'decision-timeframe-noted', label: 'Decision timeframe noted', met: true, evidence: [evidence('meeting', 'm-1')] },
            missing('security-review-passed', 'security-questionnaire-signed', 'Security questionnaire signed by the buyer'),
            missing('product-evaluated', 'demo-attended', 'Demo attended and questions answered'),
            missing('product-evaluated', 'next-meeting-scheduled', 'Next meeting scheduled'),
            missing('product-evaluated', 'recap-confirmed', 'Recap confirmed by buyer'),
          ],
        },
      },
    }]);
    expect(state.pipeline).toStrictEqual({ id: 'default', version: 2 });
    expect(state.stageId).toBe('product-evaluated');
    // From now on the deal follows version 2: leaving Product evaluated is as before.
    expect(() => decider.decide(command('AdvanceStage', {}), state)).toThrow(/demo-attended/);
  });

  it('a deal whose stage is gone lands in the first stage whose criteria are not all met', () => {
    const atProposal = [dealOpened('proposal-reviewed', 2), ...FACTS_FOR.engaged, ...FACTS_FOR.qualified, ...FACTS_FOR['product-evaluated']]
      .map((event) => stored(event));
    const [event] = decider.decide(migrate(3), atProposal.reduce(decider.evolve, decider.initialState()));
    expect(event.data).toMatchObject({ fromVersion: 2, toVersion: 3, fromStageId: 'proposal-reviewed', stageId: 'security-review-passed' });
    const finding = (event.data as { finding: { placement: string; criteria: { criterionId: string; met: boolean }[] } }).finding;
    expect(finding.placement).toBe('first-unmet');
    expect(finding.criteria.map((c) => `${c.criterionId}:${c.met}`)).toStrictEqual([
      'buyer-responded:true', 'first-meeting-booked:true', 'decision-maker-confirmed:true', 'budget-noted:true', 'decision-timeframe-noted:true',
      'security-questionnaire-signed:false',
    ]);
  });

  it('writes nothing for a deal already on the version, and never moves a deal back', () => {
    given([stored(dealOpened())]).when(migrate(1)).then([]);
    const state = given([stored(dealOpened())]).when(migrate(2)).then([expect.objectContaining({ type: 'DealPipelineMigrated' })]);
    expect(() => decider.decide(migrate(1), state)).toThrow(expect.objectContaining({ code: 'DEAL.INVALID_TRANSITION' }));
  });

  it('refuses a version nobody published and a closed deal', () => {
    given([stored(dealOpened())]).when(migrate(4)).thenThrows('PIPELINE.UNKNOWN');
    given([stored(dealOpened()), stored({ type: 'DealClosedLost', data: { fromStageId: 'engaged', reason: 'No budget' } })]).when(migrate(2))
      .thenThrows('DEAL.CLOSED');
  });
});
