import { parseInstant, parseInstantOrDate } from '../../shared/time';
import { MS_PER_DAY } from '../period';
import { AssignmentFact, CommissionFacts, PlanVersionFact } from './facts';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The instant an assignment stops covering: the end of its last day for a date, just after it for an instant. */
export function assignmentEndMs(effectiveTo: string | undefined): number {
  if (effectiveTo === undefined) return Number.POSITIVE_INFINITY;
  const ms = parseInstantOrDate(effectiveTo, 'effectiveTo');
  return CALENDAR_DATE.test(effectiveTo) ? ms + MS_PER_DAY : ms + 1;
}

/** [from, to) of an assignment, in epoch milliseconds; an early ending brings the end forward. */
export function assignmentSpan(assignment: Pick<AssignmentFact, 'effectiveFrom' | 'effectiveTo' | 'endings'>): { fromMs: number; toMs: number } {
  const toMs = Math.min(assignmentEndMs(assignment.effectiveTo), ...(assignment.endings ?? []).map((ending) => assignmentEndMs(ending.effectiveTo)));
  return { fromMs: parseInstantOrDate(assignment.effectiveFrom, 'effectiveFrom'), toMs };
}

export interface PlanInForce {
  readonly assignment: AssignmentFact;
  readonly version: PlanVersionFact;
}

export type PlanLookup =
  | { readonly found: true; readonly plan: PlanInForce }
  | { readonly found: false; readonly problem: string };

/**
 * The plan a person is paid on at a business moment: their assignment covering it, and that
 * plan's highest version whose effectiveFrom is on or before it.
 */
export function planInForce(facts: CommissionFacts, userId: string, at: string): PlanLookup {
  const ms = parseInstant(at, 'at');
  const assignment = facts.assignments.find((fact) => {
    if (fact.userId !== userId) return false;
    const { fromMs, toMs } = assignmentSpan(fact);
    return fromMs <= ms && ms < toMs;
  });
  if (!assignment) return { found: false, problem: `${userId} has no plan assignment covering ${at}` };
  const version = facts.planVersions
    .filter((fact) => fact.planId === assignment.planId && parseInstantOrDate(fact.effectiveFrom, 'effectiveFrom') <= ms)
    .sort((a, b) => b.version - a.version)[0];
  if (!version) return { found: false, problem: `plan '${assignment.planId}' has no version in effect on ${at}` };
  return { found: true, plan: { assignment, version } };
}
