import { assignmentSpan, periodBounds, Statement } from '@deals/domain';
import { entriesWithPrefix, ReadModel } from '../projection';
import { CommissionFactsDocument, factsKey, userIdOfPersonIndexKey } from './commission-facts.document';
import { assignmentsOf, statement } from './commission.queries';

/** One payee of a quarter: whether a plan assignment covers any of it, and their statement for it. */
export interface PeriodStatement {
  readonly userId: string;
  readonly assigned: boolean;
  readonly statement: Statement;
}

/**
 * Everyone paid or on a plan in a quarter, with their statement (as `statement` answers it, so a
 * closed quarter's is frozen at its close): whoever has a plan assignment overlapping the quarter
 * or lines in it (an adjustment, a correction). The candidates are everyone with a person index
 * (whose pay depends on anything) or an assignment; sorted by user id.
 */
export function periodStatements(model: ReadModel<CommissionFactsDocument>, query: { period: string }): PeriodStatement[] {
  const { startMs, endMs } = periodBounds(query.period);
  const people = new Set<string>();
  for (const [key, doc] of entriesWithPrefix(model, 'person:')) if (doc.kind === 'person-index') people.add(userIdOfPersonIndexKey(key));
  for (const [, doc] of entriesWithPrefix(model, factsKey('assignment', ''))) if (doc.kind === 'assignment') people.add(doc.userId);
  return [...people].sort().flatMap((userId) => {
    const assigned = assignmentsOf(model, userId).some((assignment) => {
      const span = assignmentSpan(assignment);
      return span.fromMs < endMs && startMs < span.toMs;
    });
    const answer = statement(model, { userId, period: query.period });
    return assigned || answer.lines.length > 0 ? [{ userId, assigned, statement: answer }] : [];
  });
}
