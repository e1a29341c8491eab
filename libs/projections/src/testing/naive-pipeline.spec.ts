import { foldEvents } from './fold-events';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import { pipelineByStage } from '../pipeline/pipeline-by-stage.query';
import { handComputedDeals, NOW } from '../pipeline/testing/hand-computed-deals';
import { postCloseDeals, stuckAfterClose } from '../post-close/post-close-deals.query';
import { postCloseDurations, postCloseDurationsBy } from '../post-close/post-close-durations.query';
import {
  naivePipelineByStage, naivePostCloseDeals, naivePostCloseDurations, naivePostCloseDurationsBy, naiveStuckAfterClose,
} from './naive-pipeline';

const events = handComputedDeals().events;
const model = foldEvents(dealSummaryProjection, events);

describe('naive answers equal the projection on the hand-computed deals', () => {
  it.each([
    {}, { ownerId: 'ana' }, { ownerId: 'ben' }, { teamMemberId: 'sam' }, { openedFrom: '2026-03-01', openedTo: '2026-04-01' },
  ])('pipeline by stage %j', (options) => {
    const naive = naivePipelineByStage(events, options);
    expect(naive).toStrictEqual(pipelineByStage(model, options));
    expect(naive.totals.count).toBeGreaterThan(0);
  });

  it.each([NOW, '2026-03-25T09:00:00Z', '2026-02-20T00:00:00Z'])('post-close deals and stuck deals at %s', (now) => {
    expect(naivePostCloseDeals(events, { now })).toStrictEqual(postCloseDeals(model, { now }));
    expect(naiveStuckAfterClose(events, { now })).toStrictEqual(stuckAfterClose(model, { now }));
    const filtered = { now, closedFrom: '2026-03-01', closedTo: '2026-04-01', thresholds: { 'closed-won': 1 } };
    expect(naivePostCloseDeals(events, filtered)).toStrictEqual(postCloseDeals(model, filtered));
  });

  it.each([{}, { from: '2026-03-01', to: '2026-04-01' }, { from: '2026-02-01', to: '2026-03-01' }])('post-close durations %j', (period) => {
    expect(naivePostCloseDurations(events, period)).toStrictEqual(postCloseDurations(model, period));
    for (const by of ['implementation-lead', 'customer-success-manager'] as const) {
      expect(naivePostCloseDurationsBy(events, { ...period, by })).toStrictEqual(postCloseDurationsBy(model, { ...period, by }));
    }
  });

  it('sees the stuck deals the hand computation found', () => {
    expect(naiveStuckAfterClose(events, { now: NOW }).map((d) => [d.dealId, d.daysWaiting])).toStrictEqual([['gale', 51], ['iris', 28], ['dune', 11.5]]);
  });
});
