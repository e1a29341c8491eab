import { deciderSpec } from '../../testing/decider-spec';
import { command, dealOpened, evidence, historyAt, NOW, OPENED_AT, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';

const { given } = deciderSpec(createDealDecider());
const opened = [stored(dealOpened(), OPENED_AT)];
const responded = (occurredAt?: string) =>
  command('RecordBuyerResponded', { evidence: evidence('email', 'r1') }, occurredAt ? { occurredAt } : {});

describe('business time of a command on a deal', () => {
  it('may be backdated to the opening of the deal', () => {
    given(opened).when(responded(OPENED_AT)).then([{ type: 'BuyerResponded', data: { evidence: evidence('email', 'r1') } }]);
  });

  it('may not be before the deal was opened', () => {
    const error = given(opened).when(responded('2026-02-28T23:59:59Z')).thenThrows('TIME.OCCURRED_BEFORE_OPEN');
    expect(error.details).toStrictEqual({ occurredAt: '2026-02-28T23:59:59Z', notBefore: OPENED_AT });
  });

  it('may not be more than five minutes after now', () => {
    given(opened).when(responded('2026-03-20T12:05:00Z')).then([{ type: 'BuyerResponded', data: { evidence: evidence('email', 'r1') } }]);
    const error = given(opened).when(responded('2026-03-20T12:05:01Z')).thenThrows('TIME.OCCURRED_IN_FUTURE');
    expect(error.details).toStrictEqual({ occurredAt: '2026-03-20T12:05:01Z', now: NOW, maxSkewMinutes: 5 });
  });

  it('must be a timestamp with a zone', () => {
    given(opened).when(responded('yesterday')).thenThrows('TIME.INVALID');
  });

  it('may not move a deal out of a stage before it entered it', () => {
    const events = historyAt('qualified').map((event) =>
      event.type === 'StageAdvanced' ? stored(event, '2026-03-10T00:00:00Z') : event);
    given(events).when(command('CloseLost', { reason: 'no budget' }, { occurredAt: '2026-03-09T00:00:00Z' }))
      .thenThrows('TIME.OCCURRED_BEFORE_STAGE_ENTERED');
  });
});
