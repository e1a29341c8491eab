import Database from 'better-sqlite3';
import { dealStreamId } from '@deals/domain';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore } from '@deals/event-store';
import { AuditDocument, auditDealKey } from '../audit/audit.document';
import { auditProjection } from '../audit/audit.projection';
import { dealTimeline, personDeals } from '../audit/audit.queries';
import { commissionFactsProjection } from '../commission/commission-facts.projection';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import { DocumentChange, Projection, ReadModel } from '../projection';
import { arbitraryHistories, record } from '../testing/deal-histories';
import { foldEvents } from '../testing/fold-events';
import { LoggedChange, ProjectionDatabase } from './projection-database';
import { ProjectionRunner } from './projection-runner';

const PROJECTIONS = [dealSummaryProjection, auditProjection, commissionFactsProjection] as Projection<unknown>[];
const TINY = { documents: 2, bytes: 2_000 };
const UNBOUNDED = { documents: Number.MAX_SAFE_INTEGER, bytes: Number.MAX_SAFE_INTEGER };

/** Documents that are deleted and created again: `n` counts events per key, `Del` deletes the key. */
const churn: Projection<{ n: number; at: number[] }> = {
  name: 'churn',
  version: 1,
  filter: { streamPrefixes: ['churn-'] },
  keysOf: (e: RecordedEvent) => [`k${(e.data as { k: number }).k}`],
  apply: (doc, e) => (e.type === 'Del' ? undefined : { n: (doc?.n ?? 0) + 1, at: [...(doc?.at ?? []), e.position] }),
};

/** The same, its positions stored item by item and never read by `apply`: a rebuild holds only their tails. */
const churnTails: Projection<{ n: number; at: number[] }> = {
  ...churn, name: 'churn-tails', appendOnly: () => ['at'], readsAppended: () => [], streamOf: (key) => `churn-${key.slice(1)}`,
};

describe('lean read-model storage, real SQLite', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lean-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a rebuild through a tiny cache gives the read model an unbounded one gives, documents in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryHistories, fc.array(fc.tuple(fc.nat(2), fc.boolean()), { minLength: 10, maxLength: 40 }), async (histories, churns) => {
        const run = randomUUID();
        const store = new SqliteEventStore({ path: join(dir, `${run}-events.db`) });
        await record(store, histories);
        for (const [k, del] of churns) {
          await store.append(`churn-${k}`, [{ eventId: randomUUID(), type: del ? 'Del' : 'Add', data: { k }, metadata: { actor: { id: 'x', roles: [] }, occurredAt: new Date().toISOString() } }]);
        }
        const events = (await store.readAll()).events;
        const all = [...PROJECTIONS, churn as Projection<unknown>, churnTails as Projection<unknown>];
        const built = async (limits: typeof TINY) => {
          const db = new ProjectionDatabase(join(dir, `${run}-${limits.documents}.db`));
          const runner = new ProjectionRunner(store, db, all, { batchSize: 3, rebuildCache: limits });
          try {
            const models: Record<string, unknown> = {};
            for (const p of all) {
              await runner.rebuild(p.name);
              models[p.name] = { model: [...runner.readModel(p.name)], stored: [...db.documents(p.name, { created: true })] };
            }
            return models;
          } finally {
            db.close();
          }
        };
        try {
          const tiny = await built(TINY);
          expect(tiny).toEqual(await built(UNBOUNDED));
          // In-memory read models list documents in the order the fold created them, as before.
          for (const p of [dealSummaryProjection, churn] as Projection<unknown>[]) {
            expect((tiny[p.name] as { model: unknown }).model).toEqual([...foldEvents(p, events)]);
          }
          expect((tiny[churnTails.name] as { stored: unknown }).stored).toEqual([...foldEvents(churn, events)]);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it('the audit appends entries as rows; reads, as-of reads and the change log give the whole documents', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryHistories, async (histories) => {
        const run = randomUUID();
        const store = new SqliteEventStore({ path: join(dir, `${run}-events.db`) });
        const path = join(dir, `${run}-projections.db`);
        const db = new ProjectionDatabase(path);
        const runner = new ProjectionRunner(store, db, [auditProjection, dealSummaryProjection] as Projection<unknown>[], { batchSize: 2 });
        const published: LoggedChange[] = [];
        runner.changes$.subscribe((c) => published.push(c));
        try {
          await runner.start();
          const dealIds = await record(store, histories);
          const head = await store.headPosition();
          expect(await runner.waitForPosition(head, 10_000)).toBe(true);
          const events = (await store.readAll()).events;

          // Documents read back whole and equal to the fold.
          const reference = foldEvents(auditProjection, events);
          expect(Object.fromEntries(db.documents('audit'))).toEqual(Object.fromEntries(reference));
          // A deal's stored row holds its timeline's length, its entries are rows of their own.
          const raw = new Database(path, { readonly: true });
          const row = raw.prepare("SELECT doc, parts FROM projection_documents WHERE name = 'audit' AND key = ?").get(auditDealKey(dealIds[0])) as { doc: string; parts: string };
          const timeline = (reference.get(auditDealKey(dealIds[0])) as unknown as { timeline: unknown[] }).timeline;
          expect(row.parts).toBe('timeline,participants');
          expect(JSON.parse(row.doc).timeline).toBe(timeline.length);
          const items = raw.prepare('SELECT COUNT(*) AS n FROM projection_items').get() as { n: number };
          expect(items.n).toBeGreaterThanOrEqual(events.length);
          raw.close();

          // Replaying the change log (Last-Event-ID) gives every change's document as it was published.
          const replayed = await runner.changesAfter(0, undefined, 1_000_000);
          expect(replayed).toEqual(published);
          for (const p of [auditProjection, dealSummaryProjection] as Projection<unknown>[]) {
            expect(published.filter((c) => c.projection === p.name).map((c) => c.doc)).toEqual(expectedDocs(p, events));
          }

          // As of every position: the same answers as the fold up to it.
          for (const e of events) {
            const upTo = foldEvents(auditProjection, events.filter((x) => x.position <= e.position));
            for (const dealId of dealIds) {
              const query = (m: ReadModel<AuditDocument>) => dealTimeline(m, dealId, { timeBasis: 'recorded', offset: 0, limit: 1000 });
              expect((await runner.queryAsOf<AuditDocument, unknown>('audit', e.position, query, 5000))?.result).toEqual(query(upTo));
            }
            const person = (m: ReadModel<AuditDocument>) => personDeals(m, 'ana.ae', { timeBasis: 'occurred' });
            expect((await runner.queryAsOf<AuditDocument, unknown>('audit', e.position, person, 5000))?.result).toEqual(person(upTo));
          }
        } finally {
          await runner.stop();
          db.close();
          await store.close();
        }
      }),
      { numRuns: 8 },
    );
  }, 240_000);

  it('reads a document stored whole before, and stores it item by item on its next change', () => {
    const path = join(dir, 'old.db');
    const old = new ProjectionDatabase(path);
    const doc = { kind: 'deal', dealId: 'd', team: [], participants: ['a'], timeline: [{ position: 1 }], lastPosition: 1 };
    const state = { version: 2, position: 1, build: old.versions.newBuild('audit', 2, { indexed: true }) };
    // Not registered: written whole, as before append-only fields.
    old.commitBatch('audit', state, new Map([['deal:d', doc]]), [], [], []);
    old.close();
    const db = new ProjectionDatabase(path);
    db.register(auditProjection as Projection<unknown>);
    expect(db.document('audit', 'deal:d')).toEqual(doc);
    const next = { ...doc, timeline: [...doc.timeline, { position: 2 }], lastPosition: 2 };
    const change: DocumentChange = { projection: 'audit', key: 'deal:d', doc: next, position: 2, eventId: 'e2', eventType: 'T' };
    db.commitBatch('audit', { ...state, position: 2 }, new Map([['deal:d', next]]), [change], [], []);
    expect(db.document('audit', 'deal:d')).toEqual(next);
    // Its change is logged without the document: its deal's stream makes it again (ProjectionRunner.changesAfter).
    expect(db.changesAfter(0, undefined, 10).map((c) => [c.doc, c.foldFrom])).toEqual([[undefined, dealStreamId('d')]]);
    db.close();
  });
});

/** Every change's document, folding the events one by one (the feed's messages for one projection, in order). */
function expectedDocs(projection: Projection<unknown>, events: readonly RecordedEvent[]): unknown[] {
  const docs: unknown[] = [];
  const model = new Map<string, unknown>();
  for (const e of events) {
    for (const key of projection.keysOf(e)) {
      const after = projection.apply(model.get(key), e, key);
      if (after === model.get(key)) continue;
      model.set(key, after);
      docs.push(after);
    }
  }
  return docs;
}
