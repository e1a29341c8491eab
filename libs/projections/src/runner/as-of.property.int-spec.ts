import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AE_FY26_RULES, SE_FY26_RULES } from '@deals/domain/commission/testing/commission-fixtures';
import { EventStore, SqliteEventStore } from '@deals/event-store';
import { auditPersonPrefix } from '../audit/audit.document';
import { auditProjection } from '../audit/audit.projection';
import { dealTimeline, personDeals } from '../audit/audit.queries';
import { commissionFactsProjection } from '../commission/commission-facts.projection';
import { disputes, statement } from '../commission/commission.queries';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import { pipelineByStage, stuckDeals } from '../pipeline/pipeline.queries';
import { postCloseDeals } from '../post-close/post-close.queries';
import { entriesWithPrefix, Projection, ReadModel } from '../projection';
import { arbitraryHistories, DealHistory, NOW, record, Step } from '../testing/deal-histories';
import { AsOf, positionRecordedBy, readModelAsOf } from './as-of';
import { ProjectionDatabase } from './projection-database';
import { ProjectionRunner } from './projection-runner';

const PROJECTIONS = [dealSummaryProjection, auditProjection, commissionFactsProjection] as Projection<unknown>[];
const PEOPLE = ['ana.ae', 'ben', 'sam'];
const PERIODS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const finance = { id: 'fay', roles: ['finance'] };

/** The deal histories, with credit splits set now and then (through the decider, like every deal command). */
const withSplits = fc.tuple(arbitraryHistories, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.subarray(PEOPLE, { minLength: 1, maxLength: 2 })), { maxLength: 6 }))
  .map(([histories, splits]): DealHistory[] => {
    const result = histories.map((h) => ({ ...h, steps: [...h.steps] }));
    for (const [deal, at, people] of splits) {
      const h = result[deal % result.length];
      const revenue = people.map((userId, i) => ({ userId, role: 'account-executive', shareBp: people.length === 1 ? 10_000 : i === 0 ? 6000 : 4000 }));
      const split = { type: 'SetCreditSplits', data: { revenue, overlay: [{ userId: 'sam', role: 'sales-engineer', shareBp: 5000 }] } } as unknown as Step;
      h.steps.splice(at % (h.steps.length + 1), 0, split);
    }
    return result;
  });

/** Commission streams besides the deals: plans, assignments, and disputes that adjust someone's pay. */
type Extra = { kind: 'plan' | 'assign' | 'dispute'; at: number; who: number; deal: number; amount: number };
const extras = fc.array(fc.record({
  kind: fc.constantFrom<Extra['kind']>('plan', 'assign', 'dispute'), at: fc.nat(), who: fc.nat(), deal: fc.nat(), amount: fc.integer({ min: -50_000, max: 50_000 }),
}), { maxLength: 8 });

async function appendExtra(store: EventStore, extra: Extra, index: number, dealIds: readonly string[]) {
  const metadata = { actor: finance, occurredAt: new Date().toISOString() };
  const person = PEOPLE[extra.who % PEOPLE.length];
  const append = (stream: string, type: string, data: unknown) => store.append(stream, [{ eventId: randomUUID(), type, data, metadata }]);
  if (extra.kind === 'plan') {
    const [planId, rules] = extra.who % 2 === 0 ? ['ae', AE_FY26_RULES] : ['se', SE_FY26_RULES];
    await append(`plan-${planId}`, 'CommissionPlanVersionPublished', { planId, version: index + 1, name: `${planId} v${index + 1}`, effectiveFrom: '2026-01-01', rules });
  } else if (extra.kind === 'assign') {
    await append(`assignment-${person}`, 'CommissionPlanAssigned', { userId: person, planId: person === 'sam' ? 'se' : 'ae', effectiveFrom: '2026-01-01', currency: 'EUR', quotaMinor: 5_000_000 });
  } else {
    const disputeId = `dispute${index}`;
    const dealId = dealIds[extra.deal % dealIds.length];
    const period = PERIODS[extra.who % PERIODS.length];
    await append(`dispute-${disputeId}`, 'DisputeRaised', { disputeId, userId: person, period, lineId: 'line', claim: 'c', dealId });
    await append(`dispute-${disputeId}`, 'DisputeAccepted', {
      disputeId, reason: 'r', approverId: 'fay',
      adjustments: [{ adjustmentId: `${disputeId}-1`, userId: person, period, amountMinor: extra.amount || 1, currency: 'EUR', dealId }],
    });
  }
}

const byKey = <T>(entries: [string, T][]) => [...entries].sort(([a], [b]) => (a < b ? -1 : 1));

/** What is compared per projection: its documents (every key there is now) and its queries. */
function probeOf(name: string, keys: readonly string[], dealIds: readonly string[]): (m: ReadModel<never>) => unknown {
  switch (name) {
    case 'deal-summary':
      // Every document, in the replay's order (the order they were created).
      return (m) => ({ all: [...m], pipeline: pipelineByStage(m), stuck: stuckDeals(m, { now: NOW }), postClose: postCloseDeals(m, { now: NOW }) });
    case 'audit':
      return (m) => ({
        docs: keys.map((k) => m.get(k)),
        people: PEOPLE.map((p) => personDeals(m, p, { timeBasis: 'recorded' })),
        byPrefix: PEOPLE.map((p) => byKey(entriesWithPrefix(m, auditPersonPrefix(p)))),
        timelines: dealIds.map((d) => dealTimeline(m, d, { timeBasis: 'occurred', offset: 0, limit: 1000 })),
      });
    default:
      return (m) => ({
        docs: keys.map((k) => m.get(k)),
        statements: PEOPLE.flatMap((userId) => PERIODS.map((period) => statement(m, { userId, period }))),
        disputes: disputes(m),
      });
  }
}

/** Every projection's as-of answer equals the replay's, for each moment. */
async function expectAsOfEqualsReplay(runner: ProjectionRunner, store: EventStore, moments: readonly AsOf[], dealIds: readonly string[]) {
  const head = await store.headPosition();
  for (const projection of PROJECTIONS) {
    const probe = probeOf(projection.name, [...runner.readModel(projection.name).keys()], dealIds);
    for (const moment of moments) {
      const replayed = await readModelAsOf(store, projection, moment);
      // As the API resolves a moment: a recorded time to the last position recorded by then, a position past the head to the head.
      const position = 'position' in moment ? Math.min(moment.position, head) : await positionRecordedBy(store, moment.recordedAt, head);
      const answer = await runner.queryAsOf(projection.name, position, probe, 30_000);
      expect({ projection: projection.name, moment, ...answer }).toEqual({ projection: projection.name, moment, result: probe(replayed.docs as never), position: replayed.position });
    }
  }
}

describe('as-of reads (versions and stream folds) = a replay of the store, real SQLite', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'as-of-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds for every projection and many moments: live, after a rebuild and after a restart', async () => {
    await fc.assert(
      fc.asyncProperty(withSplits, extras, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), async (histories, extra, picks) => {
        const run = randomUUID();
        const store = new SqliteEventStore({ path: join(dir, `${run}-events.db`) });
        const projectionsPath = join(dir, `${run}-projections.db`);
        let db = new ProjectionDatabase(projectionsPath);
        let runner = new ProjectionRunner(store, db, PROJECTIONS, { batchSize: 7 });
        try {
          // Half the history is there before the runner starts (catch-up), the rest arrives live.
          const dealIds = await record(store, histories, async (done, total, ids) => {
            if (done === Math.floor(total / 2)) await runner.start();
            for (const [i, e] of extra.entries()) if (e.at % total === done) await appendExtra(store, e, i, ids);
          });
          const head = await store.headPosition();
          expect(await runner.waitForPosition(head, 30_000)).toBe(true);
          expect(runner.deadLetters()).toEqual([]);

          const events = (await store.readAll()).events;
          // The projections' claim: a document of one stream is made by that stream's events alone.
          for (const projection of PROJECTIONS) {
            for (const e of events) for (const key of projection.keysOf(e)) expect([undefined, e.streamId]).toContain(projection.streamOf?.(key));
          }
          const sampled = picks.map((p) => events[p % events.length]);
          const moments: AsOf[] = [
            { position: 0 }, { position: 1 }, { position: head }, { position: head + 3 },
            ...sampled.map((e) => ({ position: e.position })),
            { recordedAt: '2000-01-01T00:00:00.000Z' }, { recordedAt: new Date(Date.now() + 86_400_000).toISOString() },
            ...sampled.flatMap((e) => [{ recordedAt: e.metadata.recordedAt }, { recordedAt: new Date(Date.parse(e.metadata.recordedAt) - 1).toISOString() }]),
          ];

          await expectAsOfEqualsReplay(runner, store, moments, dealIds);
          for (const projection of PROJECTIONS) await runner.rebuild(projection.name);
          await expectAsOfEqualsReplay(runner, store, moments, dealIds);

          await runner.stop();
          db.close();
          db = new ProjectionDatabase(projectionsPath);
          runner = new ProjectionRunner(store, db, PROJECTIONS, { batchSize: 7 });
          await runner.start();
          await expectAsOfEqualsReplay(runner, store, moments, dealIds);
        } finally {
          await runner.stop();
          db.close();
          await store.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});
