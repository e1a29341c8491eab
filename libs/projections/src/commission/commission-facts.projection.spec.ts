import { RecordedEvent } from '@deals/event-store';
import { foldEvents } from '../testing/fold-events';
import { EventLog } from '../testing/recorded-events';
import { CommissionFactsDocument, personIndexBucket } from './commission-facts.document';
import { commissionFactsProjection as projection } from './commission-facts.projection';
import { MalformedCommissionEventError } from './fact-ref';
import { openPipelineEstimate, personCommissionFacts, statement } from './commission.queries';
import { ae, ana, ben, fay, openDeal, publishPlan, setSplits, workedExampleLog } from './testing/commission-events';
import { AE_FY26_RULES } from '@deals/domain/commission/testing/commission-fixtures';

const total = (model: ReadonlyMap<string, CommissionFactsDocument>, userId: string, asKnownAt?: string) =>
  statement(model, { userId, period: '2026-Q1', ...(asKnownAt === undefined ? {} : { asKnownAt }) }).totals[0]?.totalMinor;

describe('commission-facts projection', () => {
  it('reads deal, plan, assignment and dispute streams into one document each', () => {
    const { events } = workedExampleLog();
    const model = foldEvents(projection, events);
    expect([projection.name, projection.version]).toStrictEqual(['commission-facts', 3]);
    expect(projection.filter).toStrictEqual({ streamPrefixes: ['deal-', 'plan-', 'assignment-', 'dispute-', 'commission-period-'] });
    const isIndex = (key: string) => key.startsWith('person:') || key === 'plans';
    expect([...model.keys()].filter((key) => !isIndex(key)).sort()).toStrictEqual(['assignment:ana', 'assignment:ben', 'assignment:sam', 'deal:acme', 'plan:ae-fy26', 'plan:se-fy26']);
    expect([...model.keys()].filter(isIndex).sort()).toStrictEqual(['person:ana/5', 'person:ana/8', 'person:ben/5', 'person:ben/7', 'person:sam/13', 'person:sam/5', 'plans']);
    expect(projection.keysOf({ ...events[0], streamId: 'team-x' })).toStrictEqual([]);
    expect(projection.keysOf({ ...events[0], streamId: 'plan-' })).toStrictEqual([]);
  });

  it('computes the worked example from stored events, with their real ids and positions in the lineage', () => {
    const { events, close, firstSplit } = workedExampleLog();
    const model = foldEvents(projection, events);
    expect([total(model, 'ana'), total(model, 'ben'), total(model, 'sam')]).toStrictEqual([1_487_500, 637_500, 200_000]);
    const ana = statement(model, { userId: 'ana', period: '2026-Q1' });
    expect(ana.lines.map((line) => line.lineage.arithmetic)).toStrictEqual([
      '60,000.00 × 70.00% × 15.00% = 6,300.00',
      '40,000.00 × 70.00% × 20.00% = 5,600.00',
      '(6,300.00 + 5,600.00) × 1.25 = 14,875.00; 14,875.00 − 11,900.00 = 2,975.00 (closed in the last 10 days of 2026-Q1)',
    ]);
    const byType = (type: string, streamId: string) => events.find((e) => e.type === type && e.streamId === streamId) as RecordedEvent;
    for (const line of ana.lines) {
      expect(line.lineage.events.map(({ role, eventId, position }) => [role, eventId, position])).toStrictEqual([
        ['close', close.eventId, close.position],
        ['split', firstSplit.eventId, firstSplit.position],
        ['plan-version', byType('CommissionPlanVersionPublished', 'plan-ae-fy26').eventId, 1],
        ['assignment', byType('CommissionPlanAssigned', 'assignment-ana').eventId, 3],
      ]);
      expect(line.lineage.events[1]).toMatchObject({ actorId: 'mia', occurredAt: '2026-03-01T09:00:00.000Z', recordedAt: '2026-03-01T09:00:00.000Z' });
    }
  });

  it('indexes, per person, the documents their commission can depend on, and lists the plans', () => {
    const { log, events } = workedExampleLog();
    openDeal(log, 'solo', '2026-03-02T09:00:00Z');
    setSplits(log, 'solo', [ae('ana', 5000), ae('a/b', 5000)], [], '2026-03-03T09:00:00Z');
    log.push('dispute-d-1', 'DisputeRaised', { disputeId: 'd-1', userId: 'ben', period: '2026-Q1', lineId: 'acme:commission:X', claim: 'c' }, ben, '2026-04-05T09:00:00Z', '2026-04-05T09:00:00Z');
    log.push('dispute-d-1', 'DisputeAccepted', {
      disputeId: 'd-1', reason: 'r', approverId: 'fay', adjustments: [{ adjustmentId: 'd-1-1', userId: 'eve', period: '2026-Q2', amountMinor: 100, currency: 'EUR', dealId: 'acme' }],
    }, fay, '2026-04-06T09:00:00Z', '2026-04-06T09:00:00Z');
    const model = foldEvents(projection, events);
    const index = (userId: string) => [...model.entries()].filter(([key]) => key.startsWith(`person:${userId}/`)).flatMap(([key, doc]) => {
      if (doc.kind !== 'person-index') return [];
      expect(doc.userId).toBe(userId);
      for (const documentKey of doc.keys) expect(key).toBe(`person:${userId}/${personIndexBucket(documentKey)}`);
      return doc.keys;
    }).sort();
    expect(index('ana')).toStrictEqual(['assignment:ana', 'deal:acme', 'deal:solo']);
    expect(index('ben')).toStrictEqual(['assignment:ben', 'deal:acme']);
    expect(index('sam')).toStrictEqual(['assignment:sam', 'deal:acme']);
    expect(index('eve')).toStrictEqual(['dispute:d-1']);
    expect(index('a/b')).toStrictEqual(['deal:solo']);
    expect(model.get('plans')).toStrictEqual({ kind: 'plan-keys', keys: ['plan:ae-fy26', 'plan:se-fy26'] });
    expect(model.has('misfiled-deals')).toBe(false);
    expect(personCommissionFacts(model, 'eve').deals.map((deal) => deal.dealId)).toStrictEqual(['acme']);
    // A redelivered event changes no document.
    for (const event of events) for (const key of projection.keysOf(event)) expect(projection.apply(model.get(key), event, key)).toBe(model.get(key));
  });

  it('lists a deal opened in a stream not named after its dealId, so it is still found by id', () => {
    const { log, events } = workedExampleLog();
    log.push('deal-elsewhere', 'DealOpened', {
      dealId: 'acme', name: 'Acme again', account: { name: 'Acme' }, ownerId: 'zoe', currency: 'EUR', expectedAmountMinor: 100,
      pipeline: { id: 'default', version: 1 }, stageId: 'engaged',
    }, ana, '2026-02-01T09:00:00Z', '2026-02-01T09:00:00Z');
    const model = foldEvents(projection, events);
    expect(model.get('misfiled-deals')).toStrictEqual({ kind: 'misfiled-deals', keys: ['deal:elsewhere'] });
    expect(personCommissionFacts(model, 'ana').deals.map((deal) => [deal.dealId, deal.ownerId])).toStrictEqual([['acme', 'ana'], ['acme', 'zoe']]);
  });

  it('keeps stage probabilities from the pipeline for the open-pipeline estimate', () => {
    const log = new EventLog();
    publishPlan(log, 'ae-fy26', 1, 'AE FY26 v1', AE_FY26_RULES);
    log.push('assignment-ana', 'CommissionPlanAssigned', { userId: 'ana', planId: 'ae-fy26', effectiveFrom: '2026-01-01', currency: 'EUR' }, fay, '2025-12-20T00:00:00Z', '2025-12-20T00:00:00Z');
    openDeal(log, 'open', '2026-03-01T09:00:00Z');
    log.deal('open').by(ana).at('2026-03-05T09:00:00Z').add('StageAdvanced', { fromStageId: 'engaged', toStageId: 'qualified', satisfiedBy: [] });
    const model = foldEvents(projection, log.events);
    const doc = model.get('deal:open');
    expect(doc?.kind === 'deal' && doc.deal.stages.map((s) => [s.stageId, s.probabilityBp])).toStrictEqual([['engaged', 1000], ['qualified', 2000]]);
    // Owner's default 100%: (60,000 × 15% + 40,000 × 20%) × 20% = 3,400.00
    expect(openPipelineEstimate(model, { userId: 'ana', now: '2026-03-10T00:00:00Z' }).totals).toStrictEqual([{ currency: 'EUR', estimateMinor: 340_000 }]);
  });

  it('skips a redelivered event and ignores events it does not use', () => {
    const { events } = workedExampleLog();
    const model = foldEvents(projection, events);
    const acme = model.get('deal:acme');
    const split = events.find((e) => e.type === 'CreditSplitsSet') as RecordedEvent;
    expect(projection.apply(acme, split, 'deal:acme')).toBe(acme);
    const next = { ...split, revision: 99, position: 999, type: 'DemoHeld', data: { attended: true } };
    expect(projection.apply(acme, next, 'deal:acme')).toStrictEqual({ ...acme, revision: 99 });
    expect(projection.apply(undefined, { ...next, type: 'CreditSplitsSet' }, 'deal:acme')).toBeUndefined();
  });

  it('refuses an event it cannot read, so the runner dead-letters it', () => {
    const log = new EventLog();
    const bad = publishPlan(log, 'p', 1, 'P', { ...AE_FY26_RULES, baseRateBp: -5 });
    expect(() => projection.apply(undefined, bad, 'plan:p')).toThrow(MalformedCommissionEventError);
    expect(() => projection.apply(undefined, bad, 'plan:p')).toThrow(/CommissionPlanVersionPublished at position 1 \(plan-p\) is malformed: .*baseRateBp/);
    const noUser = log.push('assignment-x', 'CommissionPlanAssigned', { planId: 'p' }, fay, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    expect(() => projection.apply(undefined, noUser, 'assignment:x')).toThrow(/missing or invalid userId, effectiveFrom, currency/);
    const { events } = workedExampleLog();
    const acme = foldEvents(projection, events).get('deal:acme');
    const split = events.find((e) => e.type === 'CreditSplitsSet') as RecordedEvent;
    expect(() => projection.apply(acme, { ...split, revision: 50, data: { revenue: [{ userId: 'ana' }], overlay: [] } }, 'deal:acme')).toThrow(/share 0 needs userId, role and a positive whole shareBp/);
  });
});
