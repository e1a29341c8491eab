import { money, signedMoney } from '../arithmetic-text';
import { Period, periodBounds, previousPeriod } from '../period';
import { CommissionFacts, FactRef } from './facts';
import { factsBefore } from './known-at';
import { lineCauses } from './line-causes';
import { withRole } from './lineage';
import { ownStatementOf, PersonPayouts, personPayouts, totalsOf } from './own-statement';
import { PeriodClose, PeriodStatus, periodStatuses } from './period-status';
import { Statement, StatementLine } from './statement.types';

/**
 * A person's statement for a quarter, closed periods taken into account:
 * - a closed period's statement is the one answered just before its close (frozen);
 * - an open period's adds a prior-period line for each line that changed of each closed period
 *   in the unbroken run just before it: the line as known now, less what that period's closed
 *   statement paid, less what closed statements already corrected;
 * - an open period that was closed before (reopened) takes back what closed statements already
 *   corrected of it, since it now pays as known now.
 * So each line of each period is paid its figure as known now, once, over all statements.
 */
export function periodStatement(facts: CommissionFacts, userId: string, period: Period): Statement {
  return new PeriodBook(facts, userId).statement(Infinity, period);
}

/** Statements over the facts recorded before some position. */
interface Cut {
  readonly facts: CommissionFacts;
  readonly statuses: ReadonlyMap<Period, PeriodStatus>;
  payouts?: PersonPayouts;
  readonly own: Map<Period, Statement>;
}

/** What closed statements hold about one line (and currency) of a period. */
interface Held {
  readonly lineId: string;
  readonly currency: string;
  /** The line in the period's own closed statement. */
  frozenMinor: number;
  frozenLine?: StatementLine;
  /** Prior-period lines about it in closed statements, net. */
  adjustedMinor: number;
  readonly adjustedIn: Set<Period>;
  readonly holders: PeriodClose[];
  sample: StatementLine;
}

const keyOf = (lineId: string, currency: string) => `${lineId}\u0000${currency}`;
const startOf = (period: Period) => new Date(periodBounds(period).startMs).toISOString();

/** One request's statements, each over the facts before a close, computed once. */
class PeriodBook {
  private readonly cuts = new Map<number, Cut>();
  private readonly frozen = new Map<string, Statement>();

  constructor(private readonly facts: CommissionFacts, private readonly userId: string) {}

  /** The statement over the facts recorded before `position` (Infinity: all of them). */
  statement(position: number, period: Period): Statement {
    const cut = this.cut(position);
    const closed = cut.statuses.get(period)?.closed;
    if (closed) return { ...this.frozenStatement(closed, period), closed };
    const own = this.own(cut, period);
    const extra = distinctIds([...this.offsets(cut, period), ...this.corrections(cut, period)]);
    if (extra.length === 0) return own;
    const lines = [...own.lines, ...extra];
    return { ...own, lines, totals: totalsOf(lines) };
  }

  private frozenStatement(close: PeriodClose, period: Period): Statement {
    let statement = this.frozen.get(close.event.eventId);
    if (statement === undefined) {
      statement = this.statement(close.event.position, period);
      this.frozen.set(close.event.eventId, statement);
    }
    return statement;
  }

  private cut(position: number): Cut {
    let cut = this.cuts.get(position);
    if (cut === undefined) {
      const facts = position === Infinity ? this.facts : factsBefore(this.facts, position);
      cut = { facts, statuses: periodStatuses(facts.periods), own: new Map() };
      this.cuts.set(position, cut);
    }
    return cut;
  }

  private own(cut: Cut, period: Period): Statement {
    let statement = cut.own.get(period);
    if (statement === undefined) {
      cut.payouts ??= personPayouts(cut.facts, this.userId);
      statement = ownStatementOf(cut.payouts, period);
      cut.own.set(period, statement);
    }
    return statement;
  }

  /** The closed periods in the unbroken run just before `period`, each corrected in it. */
  private corrections(cut: Cut, period: Period): StatementLine[] {
    const run: { period: Period; close: PeriodClose }[] = [];
    for (let p = previousPeriod(period), close = cut.statuses.get(p)?.closed; close; p = previousPeriod(p), close = cut.statuses.get(p)?.closed) {
      run.unshift({ period: p, close });
    }
    return run.flatMap(({ period: closedPeriod, close }) => this.correctionsOf(cut, closedPeriod, close, period));
  }

  private correctionsOf(cut: Cut, closedPeriod: Period, close: PeriodClose, host: Period): StatementLine[] {
    const now = new Map<string, { line: StatementLine; amountMinor: number }>();
    for (const line of this.own(cut, closedPeriod).lines) {
      const key = keyOf(line.lineId, line.currency);
      const entry = now.get(key);
      if (entry) entry.amountMinor += line.amountMinor;
      else now.set(key, { line, amountMinor: line.amountMinor });
    }
    const held = this.held(cut, closedPeriod);
    const dealIds = [...this.own(cut, closedPeriod).lines, ...this.frozenStatement(close, closedPeriod).lines].map((line) => line.lineage.dealId);
    return [...new Set([...now.keys(), ...held.keys()])].flatMap((key) => {
      const current = now.get(key);
      const h = held.get(key);
      const knownNowMinor = current?.amountMinor ?? 0;
      const frozenMinor = h?.frozenMinor ?? 0;
      const adjustedMinor = h?.adjustedMinor ?? 0;
      if (knownNowMinor - frozenMinor - adjustedMinor === 0) return [];
      const since = Math.max(close.event.position, ...(h?.holders ?? []).map((holder) => holder.event.position));
      const late = lineCauses(cut.facts, h?.frozenLine, current?.line, dealIds, (ref) => ref.position > since);
      const sample = (current?.line ?? h?.sample) as StatementLine;
      const adjustedIn = adjustedMinor === 0 ? [] : [...(h?.adjustedIn ?? [])].sort();
      return [correctionLine(host, closedPeriod, close, sample, { knownNowMinor, frozenMinor, adjustedMinor, adjustedIn }, late)];
    });
  }

  /** A reopened period takes back what closed statements already corrected of it. */
  private offsets(cut: Cut, period: Period): StatementLine[] {
    if (!cut.statuses.has(period)) return [];
    return [...this.held(cut, period).values()].filter((h) => h.adjustedMinor !== 0).map((h) => offsetLine(period, h));
  }

  /** Closed statements' lines about `period`: its own frozen lines, and prior-period lines about it in any closed statement. */
  private held(cut: Cut, period: Period): Map<string, Held> {
    const held = new Map<string, Held>();
    const closed = [...cut.statuses.values()].filter((status) => status.closed !== undefined && status.period >= period)
      .sort((a, b) => a.period.localeCompare(b.period));
    for (const { period: holder, closed: close } of closed as (PeriodStatus & { closed: PeriodClose })[]) {
      for (const line of this.frozenStatement(close, holder).lines) {
        const about = line.lineage.priorPeriod;
        if ((about?.period ?? holder) !== period) continue;
        const lineId = about?.lineId ?? line.lineId;
        const key = keyOf(lineId, line.currency);
        let entry = held.get(key);
        if (entry === undefined) {
          entry = { lineId, currency: line.currency, frozenMinor: 0, adjustedMinor: 0, adjustedIn: new Set(), holders: [], sample: line };
          held.set(key, entry);
        }
        if (!entry.holders.includes(close)) entry.holders.push(close);
        if (about === undefined) {
          entry.frozenMinor += line.amountMinor;
          entry.frozenLine = line;
        } else {
          entry.adjustedMinor += line.amountMinor;
          if (holder !== period) entry.adjustedIn.add(holder);
        }
      }
    }
    return held;
  }
}

interface CorrectionAmounts {
  readonly knownNowMinor: number;
  readonly frozenMinor: number;
  readonly adjustedMinor: number;
  readonly adjustedIn: readonly Period[];
}

function correctionLine(host: Period, closedPeriod: Period, close: PeriodClose, sample: StatementLine, amounts: CorrectionAmounts, late: readonly FactRef[]): StatementLine {
  const { knownNowMinor, frozenMinor, adjustedMinor, adjustedIn } = amounts;
  const { currency } = sample;
  const lineId = sample.lineage.priorPeriod?.lineId ?? sample.lineId;
  const deltaMinor = knownNowMinor - frozenMinor - adjustedMinor;
  const adjusted = adjustedMinor === 0 ? '' : ` − ${parenthesised(adjustedMinor, currency)} adjusted in ${adjustedIn.join(', ')}`;
  return {
    lineId: `prior-period:${closedPeriod}:${lineId}`, kind: 'prior-period', amountMinor: deltaMinor, currency, dueAt: startOf(host),
    ...(sample.productCode === undefined ? {} : { productCode: sample.productCode }),
    lineage: {
      ...(sample.lineage.dealId === undefined ? {} : { dealId: sample.lineage.dealId }),
      events: [...late.map((ref) => withRole(ref, 'late-fact')), withRole(close.event, 'period-close')],
      rule: `prior-period adjustment: ${closedPeriod} is closed`,
      arithmetic: `${money(knownNowMinor, currency)} known now − ${parenthesised(frozenMinor, currency)} paid at the close of ${closedPeriod}${adjusted} = ${signedMoney(deltaMinor, currency)}`,
      priorPeriod: { period: closedPeriod, lineId, frozenMinor, knownNowMinor, adjustedMinor, adjustedIn, close },
    },
  };
}

function offsetLine(period: Period, held: Held): StatementLine {
  const { lineId, currency, adjustedMinor, sample } = held;
  const adjustedIn = [...held.adjustedIn].sort();
  return {
    lineId: `prior-period:${period}:${lineId}`, kind: 'prior-period', amountMinor: -adjustedMinor, currency, dueAt: startOf(period),
    ...(sample.productCode === undefined ? {} : { productCode: sample.productCode }),
    lineage: {
      ...(sample.lineage.dealId === undefined ? {} : { dealId: sample.lineage.dealId }),
      events: held.holders.map((close) => withRole(close.event, 'period-close')),
      rule: `prior-period adjustment: ${lineId} already adjusted in ${adjustedIn.join(', ')}`,
      arithmetic: `− ${parenthesised(adjustedMinor, currency)} adjusted in ${adjustedIn.join(', ')} = ${signedMoney(-adjustedMinor, currency)}`,
      priorPeriod: { period, lineId, adjustedMinor, adjustedIn },
    },
  };
}

const parenthesised = (minor: number, currency: string) => (minor < 0 ? `(${money(minor, currency)})` : money(minor, currency));

/** Lines of one id in two currencies get the currency in their ids. */
function distinctIds(lines: StatementLine[]): StatementLine[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.lineId, (counts.get(line.lineId) ?? 0) + 1);
  return lines.map((line) => (counts.get(line.lineId)! > 1 ? { ...line, lineId: `${line.lineId}:${line.currency}` } : line));
}
