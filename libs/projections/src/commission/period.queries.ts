import {
  CommissionFacts, isPeriod, nextPeriod, openPeriod, parseInstant, parseInstantOrDate, Period, periodBounds, periodOf, PeriodStatus, periodStatuses,
} from '@deals/domain';
import { ReadModel } from '../projection';
import { CommissionFactsDocument, factsKey, PERIOD_KEYS_KEY, PLAN_KEYS_KEY } from './commission-facts.document';

/** A commission period as finance sees it: open or closed, since when and by whom, every close and reopening. */
export interface CommissionPeriodView extends PeriodStatus {
  readonly startsAt: string;
  readonly endsAt: string;
  /** Has the quarter ended (so it may be closed)? */
  readonly ended: boolean;
}

const byPosition = <T extends { ref: { position: number } }>(a: T, b: T) => a.ref.position - b.ref.position;

function periodChanges(model: ReadModel<CommissionFactsDocument>): CommissionFacts['periods'] {
  const list = model.get(PERIOD_KEYS_KEY);
  const keys = list?.kind === 'period-keys' ? list.keys : [];
  return keys.flatMap((key) => { const doc = model.get(key); return doc?.kind === 'period' ? doc.changes : []; }).sort(byPosition);
}

function view(status: PeriodStatus, nowMs: number): CommissionPeriodView {
  const { startMs, endMs } = periodBounds(status.period);
  return { ...status, startsAt: new Date(startMs).toISOString(), endsAt: new Date(endMs).toISOString(), ended: nowMs >= endMs };
}

/** One quarter; a quarter nothing has closed is open, with no history. */
export function commissionPeriod(model: ReadModel<CommissionFactsDocument>, query: { period: Period; now: string }): CommissionPeriodView {
  periodBounds(query.period);
  const doc = model.get(factsKey('period', query.period));
  const status = periodStatuses(doc?.kind === 'period' ? doc.changes : []).get(query.period) ?? openPeriod(query.period);
  return view(status, parseInstant(query.now, 'now'));
}

/**
 * Every quarter from the first a plan is effective in (or the first ever closed) to the current
 * one, oldest first, each open or closed.
 */
export function commissionPeriods(model: ReadModel<CommissionFactsDocument>, query: { now: string }): CommissionPeriodView[] {
  const nowMs = parseInstant(query.now, 'now');
  const statuses = periodStatuses(periodChanges(model));
  const plans = model.get(PLAN_KEYS_KEY);
  const starts = (plans?.kind === 'plan-keys' ? plans.keys : []).flatMap((key) => {
    const doc = model.get(key);
    return doc?.kind === 'plan' ? doc.versions.map((version) => periodOf(parseInstantOrDate(version.effectiveFrom, 'effectiveFrom'))) : [];
  });
  const known = [...starts, ...statuses.keys()].filter(isPeriod).sort();
  if (known.length === 0) return [];
  const last = [periodOf(nowMs), ...statuses.keys()].sort().at(-1) as Period;
  const periods: CommissionPeriodView[] = [];
  for (let period = known[0]; period <= last; period = nextPeriod(period)) {
    periods.push(view(statuses.get(period) ?? openPeriod(period), nowMs));
  }
  return periods;
}
