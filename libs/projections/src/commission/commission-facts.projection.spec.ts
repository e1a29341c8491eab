import { RecordedEvent } from '@deals/event-store';
import { foldEvents } from '../fold';
import { EventLog } from '../testing/recorded-events';
import { CommissionFactsDocument } from './commission-facts.document';
import { commissionFactsProjection as projection } from './commission-facts.projection';
import { MalformedCommissionEventError } from './fact-ref';
import { openPipelineEstimate, statement } from './commission.queries';
import { ana, fay, openDeal, publishPlan, workedExampleLog } from './testing/commission-events';
import { AE_FY26_RULES } from '@deals/domain/commission/testing/commission-fixtures';

const total = (model: ReadonlyMap<string, CommissionFactsDocument>, userId: string, asKnownAt?: string) =>
  statement(model, { userId, period: '2026-Q1', ...(asKnownAt === undefined ? {} : { asKnownAt }) }).totals[0]?.totalMinor;

describe('commission-facts projection', () => {
  it('reads deal, plan, assignment and dispute streams into one document each', () => {
    const { events } = workedExampleLog();
    const model = foldEvents(projection, events);
    expect([projection.name, projection.version]).toStrictEqual(['commission-facts', 1]);
    expect(projection.filter).toStrictEqual({ streamPrefixes: ['deal-', 'plan-', 'assignment-', 'dispute-'] });
    expect([...model.keys()].sort()).toStrictEqual(['assignment:ana', 'assignment:ben', 'assignment:sam', 'deal:acme', 'plan:ae-fy26', 'plan:se-fy26']);
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
