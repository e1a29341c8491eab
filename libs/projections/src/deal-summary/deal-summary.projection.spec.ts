import { createPipelineCatalog, DEFAULT_PIPELINE, definitionOf } from '@deals/domain';
import { SECURITY_REVIEW_V2 } from '@deals/domain/pipeline/testing/security-review-pipeline';
import { RecordedEvent } from '@deals/event-store';
import { applyBatchInPlace } from '../runner/apply-batch';
import { foldEvents } from '../testing/fold-events';
import { handComputedDeals } from '../pipeline/testing/hand-computed-deals';
import { EventLog } from '../testing/recorded-events';
import { DealSummary } from './deal-summary';
import { createDealSummaryProjection, dealSummaryProjection } from './deal-summary.projection';

const projection = dealSummaryProjection;
const events = handComputedDeals().events;
const model = foldEvents(projection, events);
const summary = (dealId: string): DealSummary => {
  const doc = model.get(dealId);
  if (!doc) throw new Error(`no summary for ${dealId}`);
  return doc;
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const jsonRoundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('deal-summary projection', () => {
  it('is keyed by deal id and reads deal streams only', () => {
    expect(projection.name).toBe('deal-summary');
    expect(projection.filter).toStrictEqual({ streamPrefixes: ['deal-'] });
    expect([...model.keys()].sort()).toStrictEqual(['acme', 'bolt', 'cora', 'dune', 'echo', 'flux', 'gale', 'hale', 'iris']);
    expect(projection.keysOf({ ...events[0], streamId: 'plan-ae-fy26' })).toStrictEqual([]);
    expect(projection.keysOf({ ...events[0], streamId: 'deal-' })).toStrictEqual([]);
  });

  it('tracks a won deal from opening to go-live, in business time', () => {
    const acme = summary('acme');
    expect(acme).toMatchObject({
      dealId: 'acme', name: 'Acme', ownerId: 'ana', currency: 'EUR', amountMinor: 10_000_000,
      pipeline: { id: 'default', version: 1 }, status: 'won', reversed: false,
      stageId: 'live', stageName: 'Live', probability: 1, stageEnteredAt: '2026-03-30T09:00:00.000Z',
      openedAt: '2026-01-05T09:00:00.000Z', closedAt: '2026-03-16T09:00:00.000Z',
      postClose: {
        handedOffAt: '2026-03-18T21:00:00.000Z', implementationStartedAt: '2026-03-20T09:00:00.000Z',
        liveAt: '2026-03-30T09:00:00.000Z', implementationLeadId: 'ivan', customerSuccessManagerId: 'carl',
      },
      lastEventAt: '2026-03-30T09:00:00.000Z',
    });
    expect(acme.stageHistory).toStrictEqual([
      { stageId: 'engaged', enteredAt: '2026-01-05T09:00:00.000Z', leftAt: '2026-01-12T09:00:00.000Z', via: 'opened' },
      { stageId: 'qualified', enteredAt: '2026-01-12T09:00:00.000Z', leftAt: '2026-01-20T09:00:00.000Z', via: 'advanced' },
      { stageId: 'product-evaluated', enteredAt: '2026-01-20T09:00:00.000Z', leftAt: '2026-03-02T09:00:00.000Z', via: 'advanced' },
      { stageId: 'proposal-reviewed', enteredAt: '2026-03-02T09:00:00.000Z', leftAt: '2026-03-09T09:00:00.000Z', via: 'advanced' },
      { stageId: 'terms-agreed', enteredAt: '2026-03-09T09:00:00.000Z', leftAt: '2026-03-16T09:00:00.000Z', via: 'advanced' },
      { stageId: 'closed-won', enteredAt: '2026-03-16T09:00:00.000Z', leftAt: '2026-03-18T21:00:00.000Z', via: 'closed' },
      { stageId: 'handed-to-implementation', enteredAt: '2026-03-18T21:00:00.000Z', leftAt: '2026-03-20T09:00:00.000Z', via: 'post-close' },
      { stageId: 'implementation-in-progress', enteredAt: '2026-03-20T09:00:00.000Z', leftAt: '2026-03-30T09:00:00.000Z', via: 'post-close' },
      { stageId: 'live', enteredAt: '2026-03-30T09:00:00.000Z', via: 'post-close' },
    ]);
    expect(acme.team).toStrictEqual([
      { userId: 'ana', role: 'account-executive' },
      { userId: 'ivan', role: 'implementation-lead' },
      { userId: 'carl', role: 'customer-success-manager' },
    ]);
    // Same evidence ref recorded twice: one meeting, credited to the first recorder.
    expect(acme.meetingsHeld).toStrictEqual([{ actorId: 'sam', at: '2026-02-26T09:00:00.000Z', ref: 'demo-acme' }]);
    const last = events.filter((e) => e.streamId === 'deal-acme').at(-1) as RecordedEvent;
    expect([acme.lastPosition, acme.revision]).toStrictEqual([last.position, last.revision]);
  });

  it('records overrides, the won amount, losses, reversals and current stage probability', () => {
    expect(summary('dune').stageHistory.map((s) => [s.stageId, s.via])).toStrictEqual([
      ['engaged', 'opened'], ['qualified', 'advanced'], ['product-evaluated', 'advanced'], ['terms-agreed', 'overridden'], ['closed-won', 'closed'],
    ]);
    expect(summary('dune')).toMatchObject({ amountMinor: 3_500_000, status: 'won', closedAt: '2026-03-20T21:00:00.000Z', postClose: {} });
    expect(summary('bolt')).toMatchObject({
      status: 'lost', stageId: 'closed-lost', probability: 0, lostReason: 'Budget cut', closedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(summary('hale')).toMatchObject({ status: 'won', reversed: true, reversedAt: '2026-02-15T09:00:00.000Z', stageId: 'handed-to-implementation' });
    expect(summary('cora')).toMatchObject({ amountMinor: 2_000_001, stageId: 'proposal-reviewed', stageName: 'Proposal reviewed', probability: 0.6 });
    expect(summary('echo')).toMatchObject({ stageId: 'engaged', probability: 0.1, stageHistory: [{ stageId: 'engaged', enteredAt: '2026-03-01T09:00:00.000Z', via: 'opened' }] });
  });

  it('keeps the current team apart from everyone ever on it', () => {
    const flux = summary('flux');
    expect(flux.team).toStrictEqual([{ userId: 'ben', role: 'account-executive' }]);
    expect(flux.everOnTeam).toStrictEqual([{ userId: 'ben', role: 'account-executive' }, { userId: 'sam', role: 'sales-engineer' }]);
    // Not attended: not a meeting held.
    expect(flux.meetingsHeld).toStrictEqual([{ actorId: 'ben', at: '2026-03-26T09:00:00.000Z', ref: 'demo-flux-1' }]);
  });

  it('ignores unknown event types, before and after the opening', () => {
    const log = new EventLog();
    const actor = { id: 'ana', roles: ['rep'] };
    const early = log.push('deal-x', 'DealRenamedInTheFuture', { name: 'X' }, actor, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    expect(projection.apply(undefined, early, 'x')).toBeUndefined();
    const acme = summary('acme');
    const late = { ...early, streamId: 'deal-acme', revision: acme.revision + 1, position: 10_000 };
    expect(projection.apply(acme, late, 'acme')).toBe(acme);
  });

  it('refuses a deal event it cannot read (so the runner dead-letters it), and tolerates a bad amount', () => {
    const acme = summary('acme');
    const next = { ...events[0], streamId: 'deal-acme', revision: acme.revision + 1, position: 10_000 };
    expect(() => projection.apply(acme, { ...next, type: 'StageAdvanced', data: null }, 'acme')).toThrow(/StageAdvanced at position 10000 \(deal-acme\) is malformed: data is not an object/);
    expect(projection.apply(acme, { ...next, type: 'AmountChanged', data: { expectedAmountMinor: -5 } }, 'acme')?.amountMinor).toBe(10_000_000);
    expect(() => projection.apply(undefined, { ...next, type: 'DealOpened', data: { dealId: 'y' } }, 'y')).toThrow(/missing or invalid name, ownerId, currency, expectedAmountMinor, stageId, account.name, pipeline.id, pipeline.version/);
    const timeless = { ...next, type: 'WonDealReversed', data: { reason: 'r' }, metadata: { recordedAt: 'yesterday' } };
    expect(() => projection.apply(acme, timeless, 'acme')).toThrow(/neither occurredAt nor recordedAt is a valid time/);
    expect(projection.apply(acme, { ...next, type: 'SomethingElse', data: null }, 'acme')).toBe(acme);
  });

  it('skips an event it has already applied (a redelivery)', () => {
    const acme = summary('acme');
    const replayed = events.filter((e) => e.streamId === 'deal-acme').at(-3) as RecordedEvent;
    expect(projection.apply(acme, replayed, 'acme')).toBe(acme);
  });

  it('stores times as UTC whatever offset they were written with', () => {
    const log = new EventLog();
    log.push('deal-z', 'DealOpened', {
      dealId: 'z', name: 'Z', account: { name: 'Z', industry: 'retail' }, ownerId: 'ana', currency: 'EUR', expectedAmountMinor: 1,
      lineItems: [], pipeline: { id: 'default', version: 1 }, stageId: 'engaged',
    }, { id: 'ana', roles: ['rep'] }, '2026-03-01T10:00:00+01:00', '2026-03-01T09:00:05.000Z');
    const z = foldEvents(projection, log.events).get('z');
    expect(z).toMatchObject({ openedAt: '2026-03-01T09:00:00.000Z', account: { name: 'Z', industry: 'retail' } });
  });

  it('never mutates the document it is given', () => {
    const live = new Map<string, DealSummary>();
    for (const e of events) {
      const key = projection.keysOf(e)[0];
      const before = live.get(key);
      if (before) deepFreeze(before);
      const snapshot = JSON.stringify(before);
      expect(applyBatchInPlace(projection, live, [e]).deadLetters).toEqual([]);
      expect(JSON.stringify(before)).toBe(snapshot);
    }
    expect(live).toStrictEqual(model);
  });

  it('produces plain JSON documents: a round trip changes nothing, and folding from stored JSON equals a rebuild', () => {
    for (const doc of model.values()) expect(jsonRoundTrip(doc)).toStrictEqual(doc);
    const stored = new Map<string, DealSummary>();
    for (const e of events) {
      for (const key of projection.keysOf(e)) {
        const doc = projection.apply(stored.get(key), e, key);
        if (doc) stored.set(key, jsonRoundTrip(doc));
      }
    }
    expect(stored).toStrictEqual(model);
  });
});

describe('deal-summary on published pipeline versions', () => {
  const V2 = definitionOf(SECURITY_REVIEW_V2);
  // Version 3 drops Proposal reviewed, so a deal there moves.
  const V3 = { ...V2, version: 3, stages: V2.stages.filter((stage) => stage.id !== 'proposal-reviewed') };
  const withVersions = createDealSummaryProjection(createPipelineCatalog([DEFAULT_PIPELINE, V2, V3], 'default'));
  const ana = { id: 'ana', roles: ['rep'] };
  const sol = { id: 'sol', roles: ['sales-ops'] };
  const opened = (dealId: string, version: number, stageId: string) => ({
    dealId, name: dealId, account: { name: 'A' }, ownerId: 'ana', currency: 'EUR', expectedAmountMinor: 100,
    lineItems: [], pipeline: { id: 'default', version }, stageId,
  });
  const migrated = (fromVersion: number, toVersion: number, fromStageId: string, stageId: string) => ({
    pipelineId: 'default', fromVersion, toVersion, fromStageId, stageId, finding: { placement: 'kept', criteria: [] },
  });

  it('names a custom stage and its probability from the deal\'s own version', () => {
    const log = new EventLog();
    log.push('deal-s', 'DealOpened', opened('s', 2, 'security-review-passed'), ana, '2026-03-01T09:00:00.000Z', '2026-03-01T09:00:01.000Z');
    expect(foldEvents(withVersions, log.events).get('s')).toMatchObject({ stageName: 'Security review passed', probability: 0.3 });
  });

  it('follows a migration: the version, and the stage when it moved (via migrated)', () => {
    const log = new EventLog();
    log.push('deal-k', 'DealOpened', opened('k', 1, 'product-evaluated'), ana, '2026-03-01T09:00:00.000Z', '2026-03-01T09:00:01.000Z');
    log.push('deal-k', 'DealPipelineMigrated', migrated(1, 2, 'product-evaluated', 'product-evaluated'), sol, '2026-03-05T09:00:00.000Z', '2026-03-05T09:00:01.000Z');
    log.push('deal-m', 'DealOpened', opened('m', 2, 'proposal-reviewed'), ana, '2026-03-01T09:00:00.000Z', '2026-03-01T09:00:01.000Z');
    log.push('deal-m', 'DealPipelineMigrated', migrated(2, 3, 'proposal-reviewed', 'security-review-passed'), sol, '2026-03-05T09:00:00.000Z', '2026-03-05T09:00:01.000Z');
    const model = foldEvents(withVersions, log.events);
    const kept = model.get('k')!;
    expect(kept).toMatchObject({ pipeline: { id: 'default', version: 2 }, stageId: 'product-evaluated', stageEnteredAt: '2026-03-01T09:00:00.000Z' });
    expect(kept.stageHistory).toHaveLength(1);
    const moved = model.get('m')!;
    expect(moved).toMatchObject({ pipeline: { id: 'default', version: 3 }, stageId: 'security-review-passed', stageName: 'Security review passed', probability: 0.3 });
    expect(moved.stageHistory.map((stay) => [stay.stageId, stay.via, stay.leftAt])).toStrictEqual([
      ['proposal-reviewed', 'opened', '2026-03-05T09:00:00.000Z'], ['security-review-passed', 'migrated', undefined],
    ]);
  });
});
