import { Period, periodBounds } from '../period';
import { CommissionFacts } from './facts';
import { factsKnownAt } from './known-at';
import { periodStatement } from './prior-period';
import { Statement } from './statement.types';

export interface StatementRequest {
  readonly userId: string;
  readonly period: Period;
  /** A recorded moment: compute from the facts the engine had recorded by then. */
  readonly asKnownAt?: string;
}

/**
 * A person's commission statement for a quarter, as known now or at a recorded moment: frozen as
 * known at its close when the period is closed; an open period's carries the prior-period lines
 * of the closed periods just before it.
 */
export function commissionStatement(allFacts: CommissionFacts, request: StatementRequest): Statement {
  periodBounds(request.period);
  const facts = request.asKnownAt === undefined ? allFacts : factsKnownAt(allFacts, request.asKnownAt);
  const statement = periodStatement(facts, request.userId, request.period);
  return request.asKnownAt === undefined ? statement : { ...statement, asKnownAt: request.asKnownAt };
}
