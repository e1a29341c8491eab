import { foldEvents } from '../testing/fold-events';
import { commissionFactsProjection as projection } from './commission-facts.projection';
import { statement } from './commission.queries';
import { periodStatements } from './payees.query';
import { assignPlan, workedExampleLog } from './testing/commission-events';

describe('the payees of a quarter', () => {
  const { log } = workedExampleLog();
  assignPlan(log, 'dan', 'ae-fy26', { effectiveTo: '2026-03-31' });
  const model = foldEvents(projection, log.events);

  it('lists everyone on a plan in the quarter or paid in it, with the statement each one reads', () => {
    const q1 = periodStatements(model, { period: '2026-Q1' });
    expect(q1.map((p) => [p.userId, p.assigned, p.statement.lines.length > 0])).toEqual([
      ['ana', true, true], ['ben', true, true], ['dan', true, false], ['sam', true, true],
    ]);
    for (const p of q1) expect(p.statement).toEqual(statement(model, { userId: p.userId, period: '2026-Q1' }));
    expect(q1.find((p) => p.userId === 'ana')!.statement.totals).toMatchObject([{ currency: 'EUR', totalMinor: 1_487_500 }]);
  });

  it('leaves out a quarter nobody was on a plan in, and a plan that ended before the quarter', () => {
    expect(periodStatements(model, { period: '2025-Q4' })).toEqual([]);
    expect(periodStatements(model, { period: '2026-Q2' }).map((p) => p.userId)).toEqual(['ana', 'ben', 'sam']);
  });
});
