import fc from 'fast-check';
import { SqliteEventStore } from '@deals/event-store';
import { auditProjection } from '../audit/audit.projection';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import { foldEvents } from '../testing/fold-events';
import { pipelineByStage } from '../pipeline/pipeline.queries';
import { postCloseDeals, postCloseDurations } from '../post-close/post-close.queries';
import { arbitraryHistories, NOW, record } from '../testing/deal-histories';
import { naivePipelineByStage, naivePostCloseDeals, naivePostCloseDurations } from '../testing/naive-pipeline';
import { ProjectionDatabase } from './projection-database';
import { ProjectionRunner } from './projection-runner';

const sorted = (m: ReadonlyMap<string, unknown>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

describe('projections: live = rebuild = naive, for random valid deal histories', () => {
  it('holds for the deal summary, the audit and the pipeline and post-close answers', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryHistories, async (histories) => {
        const store = new SqliteEventStore({ path: ':memory:' });
        const db = new ProjectionDatabase(':memory:');
        const runner = new ProjectionRunner(store, db, [dealSummaryProjection, auditProjection], { batchSize: 7 });
        try {
          // Half the history is there before the runner starts (catch-up), the rest arrives live.
          await record(store, histories, async (done, total) => {
            if (done === Math.floor(total / 2)) await runner.start();
          });
          expect(await runner.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
          const events = (await store.readAll()).events;

          for (const projection of [dealSummaryProjection, auditProjection]) {
            const live = sorted(runner.readModel(projection.name));
            expect(live).toEqual(sorted(foldEvents(projection as never, events)));
            expect(sorted(db.documents(projection.name))).toEqual(live);
          }
          expect(runner.deadLetters()).toEqual([]);
          const summaries = runner.readModel<never>('deal-summary');
          expect(pipelineByStage(summaries)).toEqual(naivePipelineByStage(events));
          expect(postCloseDeals(summaries, { now: NOW })).toEqual(naivePostCloseDeals(events, { now: NOW }));
          expect(postCloseDurations(summaries)).toEqual(naivePostCloseDurations(events));

          await runner.rebuild('deal-summary');
          expect(pipelineByStage(runner.readModel<never>('deal-summary'))).toEqual(naivePipelineByStage(events));
        } finally {
          await runner.stop();
          db.close();
          await store.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
