import { evidence } from '../testing/deal-fixtures';
import { DEFAULT_PIPELINE } from './default-pipeline';
import { evaluateExitCriteria } from './exit-criteria';
import { stageById } from './pipeline-navigation';
import { RecordedFacts } from './recorded-fact';

const evaluated = stageById(DEFAULT_PIPELINE, 'product-evaluated')!;
const demo = evidence('meeting', 'demo-1');
const next = evidence('calendar', 'cal-2');
const recap = evidence('email', '<recap@us.example>');
const confirmed = evidence('email', '<re-recap@acme.example>');

describe('evaluateExitCriteria', () => {
  it('splits criteria into met (with evidence) and missing, in definition order', () => {
    const facts: RecordedFacts = {
      DemoHeld: { data: { attended: true, questionsAnswered: true }, evidence: demo },
      RecapEmailSent: { data: {}, evidence: recap },
    };
    const { met, missing } = evaluateExitCriteria(evaluated, facts);
    expect(met.map(({ criterion, evidence: proof }) => [criterion.id, proof])).toStrictEqual([['demo-attended', [demo]]]);
    expect(missing.map((criterion) => criterion.id)).toStrictEqual(['next-meeting-scheduled', 'recap-confirmed']);
  });

  it('a demo the buyer did not attend does not count', () => {
    const facts: RecordedFacts = { DemoHeld: { data: { attended: false, questionsAnswered: true }, evidence: demo } };
    expect(evaluateExitCriteria(evaluated, facts).missing.map((criterion) => criterion.id)).toContain('demo-attended');
  });

  it('points a manager at both the recap and the buyer\'s confirming reply', () => {
    const facts: RecordedFacts = {
      DemoHeld: { data: { attended: true, questionsAnswered: true }, evidence: demo },
      NextMeetingScheduled: { data: {}, evidence: next },
      RecapEmailSent: { data: {}, evidence: recap },
      RecapConfirmedByBuyer: { data: {}, evidence: confirmed },
    };
    const { met, missing } = evaluateExitCriteria(evaluated, facts);
    expect(missing).toStrictEqual([]);
    expect(met.find(({ criterion }) => criterion.id === 'recap-confirmed')?.evidence).toStrictEqual([recap, confirmed]);
  });
});
