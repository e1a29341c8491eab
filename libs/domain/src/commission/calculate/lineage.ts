import { ClosedWonFact, FactRef } from './facts';
import { PlanInForce } from './plan-in-force';
import { LineageEvent, LineageRole, PlanRef } from './statement.types';

export const withRole = (ref: FactRef, role: LineageRole): LineageEvent => ({ ...ref, role });

/** The events every line of a credited deal rests on: the close, the split, the plan version and the assignment. */
export function dealLineageEvents(close: ClosedWonFact, split: FactRef, plan: PlanInForce): LineageEvent[] {
  return [
    withRole(close.ref, 'close'), ...(close.corrections ?? []).map((c) => withRole(c.ref, 'amount-correction')),
    withRole(split, 'split'), withRole(plan.version.ref, 'plan-version'), withRole(plan.assignment.ref, 'assignment'),
  ];
}

export const planOf = (plan: PlanInForce): PlanRef => ({ planId: plan.version.planId, version: plan.version.version, name: plan.version.name });
