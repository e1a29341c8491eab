import { deciderSpec } from '../testing/decider-spec';
import { command, evidence, historyAt, stored } from '../testing/deal-fixtures';
import { createDealDecider } from './deal.decider';
import { DealEvent } from './deal.events';
import { describeStageProgress } from './stage-progress';
import { fold } from '../shared/decider';

/** The brief's canonical example: "Demo" renamed "Product evaluated". */
const decider = createDealDecider();
const { given } = deciderSpec(decider);
const demo = evidence('meeting', 'zoom-8812');
const nextMeeting = evidence('calendar', 'cal-evt-311');
const recap = evidence('email', '<recap-311@us.example>');
const buyerReply = evidence('email', '<CAF=reply-311@acme.example>');

const demoHeldAndNextBooked: DealEvent[] = [
  ...historyAt('product-evaluated'),
  stored({ type: 'DemoHeld', data: { attended: true, questionsAnswered: true, evidence: demo } }),
  stored({ type: 'NextMeetingScheduled', data: { meetingId: 'm-311', scheduledFor: '2026-03-24T15:00:00Z', evidence: nextMeeting } }),
  stored({ type: 'RecapEmailSent', data: { evidence: recap } }),
];

describe('journey: product evaluated', () => {
  it('is refused before the buyer confirmed the recap, naming exactly that criterion', () => {
    const error = given(demoHeldAndNextBooked).when(command('AdvanceStage', { toStageId: 'proposal-reviewed' }))
      .thenThrows('DEAL.EXIT_CRITERIA_UNMET');
    expect(error.message).toBe("Stage 'product-evaluated' cannot be left: missing exit criteria recap-confirmed (Recap confirmed by buyer).");
    expect(error.details).toStrictEqual({ stageId: 'product-evaluated', missing: [{ id: 'recap-confirmed', label: 'Recap confirmed by buyer' }] });
  });

  it('shows the manager which criteria are met, with what evidence, and which are missing', () => {
    const progress = describeStageProgress(fold(decider, demoHeldAndNextBooked));
    expect(progress.criteria.map(({ id, met, evidence: proof }) => ({ id, met, proof }))).toStrictEqual([
      { id: 'demo-attended', met: true, proof: [demo] },
      { id: 'next-meeting-scheduled', met: true, proof: [nextMeeting] },
      { id: 'recap-confirmed', met: false, proof: [] },
    ]);
  });

  it('advances once the buyer replied to the recap, and the event points at the buyer\'s email', () => {
    const confirmed = given(demoHeldAndNextBooked).when(command('RecordRecapConfirmed', { evidence: buyerReply }))
      .then([{ type: 'RecapConfirmedByBuyer', data: { evidence: buyerReply } }]);
    const advanced = decider.decide(command('AdvanceStage', { toStageId: 'proposal-reviewed' }), confirmed);
    expect(advanced).toStrictEqual([{
      type: 'StageAdvanced',
      data: {
        fromStageId: 'product-evaluated', toStageId: 'proposal-reviewed',
        satisfiedBy: [
          { criterionId: 'demo-attended', evidence: [demo] },
          { criterionId: 'next-meeting-scheduled', evidence: [nextMeeting] },
          { criterionId: 'recap-confirmed', evidence: [recap, buyerReply] },
        ],
      },
    }]);
  });

  it('does not count a demo the buyer skipped or left with open questions', () => {
    const skipped = [...demoHeldAndNextBooked,
      stored({ type: 'RecapConfirmedByBuyer', data: { evidence: buyerReply } }),
      stored({ type: 'DemoHeld', data: { attended: true, questionsAnswered: false, evidence: evidence('meeting', 'zoom-8813') } })];
    const error = given(skipped).when(command('AdvanceStage', {})).thenThrows('DEAL.EXIT_CRITERIA_UNMET');
    expect(error.details.missing).toStrictEqual([{ id: 'demo-attended', label: 'Demo attended and questions answered' }]);
  });
});
