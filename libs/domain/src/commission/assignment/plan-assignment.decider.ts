import { Decider } from '../../shared/decider';
import { isIsoCurrency } from '../../shared/currency';
import { amountToMinor, isMinorAmount } from '../../shared/money';
import { requireText } from '../../shared/required';
import { parseInstantOrDate } from '../../shared/time';
import { assignmentSpan } from '../calculate/plan-in-force';
import { PlanAssignmentCommand } from '../commission.commands';
import { CommissionErrors } from '../commission.errors';
import { CommissionEvent } from '../commission.events';
import { requireFinance } from '../finance-only';

export type PlanAssignmentEvent = Extract<CommissionEvent, { type: 'CommissionPlanAssigned' | 'CommissionPlanAssignmentEnded' }>;

export interface AssignmentPeriod {
  readonly planId: string;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string;
}

export interface PlanAssignmentState {
  readonly userId?: string;
  readonly assignments: readonly AssignmentPeriod[];
}

export const initialPlanAssignmentState = (): PlanAssignmentState => ({ assignments: [] });

/** Who may be put on a plan: a registered person (the API asks its user directory). */
export interface AssignmentPolicy {
  isRegistered(userId: string): boolean;
}

const anyone: AssignmentPolicy = { isRegistered: () => true };

/**
 * Puts a person on a plan from a date, optionally to a date (inclusive) and with a quarterly
 * quota, or ends an assignment early. A person is on at most one plan at any moment, so periods
 * must not overlap; the plan itself lives in another stream and is not checked here.
 */
export function createPlanAssignmentDecide(policy: AssignmentPolicy = anyone) {
  return (command: PlanAssignmentCommand, state: PlanAssignmentState): PlanAssignmentEvent[] => {
    requireFinance(command.metadata.actor, command.type);
    return command.type === 'EndPlanAssignment' ? decideEnd(command, state) : decideAssign(command, state, policy);
  };
}

/** Ends the assignment starting on `effectiveFrom`: its new last day must be within it and before its current end. */
function decideEnd(command: Extract<PlanAssignmentCommand, { type: 'EndPlanAssignment' }>, state: PlanAssignmentState): PlanAssignmentEvent[] {
  const { data } = command;
  const userId = requireText(data.userId, 'userId').trim();
  const assignment = state.assignments.find((a) => a.effectiveFrom === data.effectiveFrom);
  if (!assignment) throw CommissionErrors.assignmentNotFound(userId, data.effectiveFrom);
  const endMs = parseInstantOrDate(data.effectiveTo, 'effectiveTo');
  const span = assignmentSpan(assignment);
  if (endMs < span.fromMs) throw CommissionErrors.assignmentInvalid('effectiveTo', `must not be before the assignment's start (${assignment.effectiveFrom})`);
  if (assignmentSpan({ effectiveFrom: assignment.effectiveFrom, effectiveTo: data.effectiveTo }).toMs >= span.toMs) {
    throw CommissionErrors.assignmentInvalid('effectiveTo', `must be before the assignment's current end (${assignment.effectiveTo ?? 'none'})`);
  }
  return [{ type: 'CommissionPlanAssignmentEnded', data: { userId, planId: assignment.planId, effectiveFrom: assignment.effectiveFrom, effectiveTo: data.effectiveTo } }];
}

function decideAssign(command: Extract<PlanAssignmentCommand, { type: 'AssignPlan' }>, state: PlanAssignmentState, policy: AssignmentPolicy): PlanAssignmentEvent[] {
  const { data } = command;
  const userId = requireText(data.userId, 'userId').trim();
  if (!policy.isRegistered(userId)) throw CommissionErrors.assignmentInvalid('userId', `${userId} is not a registered user`);
  if (state.userId !== undefined && state.userId !== userId) {
    throw CommissionErrors.assignmentInvalid('userId', `must be '${state.userId}' in this person's assignment stream`);
  }
  const planId = requireText(data.planId, 'planId').trim();
  const fromMs = parseInstantOrDate(data.effectiveFrom, 'effectiveFrom');
  if (data.effectiveTo !== undefined && parseInstantOrDate(data.effectiveTo, 'effectiveTo') < fromMs) {
    throw CommissionErrors.assignmentInvalid('effectiveTo', `must not be before effectiveFrom (${data.effectiveFrom})`);
  }
  if (!isIsoCurrency(data.currency)) {
    throw CommissionErrors.assignmentInvalid('currency', 'must be an ISO 4217 code in circulation (e.g. EUR, JPY)');
  }
  const quotaMinor = data.quotaMinor === undefined ? undefined : amountToMinor(data.quotaMinor, data.currency, 'quota');
  if (quotaMinor !== undefined && !isMinorAmount(quotaMinor)) {
    throw CommissionErrors.assignmentInvalid('quotaMinor', 'must be a non-negative whole number of minor units');
  }
  const span = assignmentSpan(data);
  const overlapping = state.assignments.find((existing) => {
    const other = assignmentSpan(existing);
    return other.fromMs < span.toMs && span.fromMs < other.toMs;
  });
  if (overlapping) throw CommissionErrors.assignmentOverlap(userId, overlapping);
  return [{
    type: 'CommissionPlanAssigned',
    data: {
      userId, planId, effectiveFrom: data.effectiveFrom,
      ...(data.effectiveTo === undefined ? {} : { effectiveTo: data.effectiveTo }),
      ...(quotaMinor === undefined ? {} : { quotaMinor }),
      currency: data.currency,
    },
  }];
}

export function evolvePlanAssignment(state: PlanAssignmentState, event: PlanAssignmentEvent): PlanAssignmentState {
  if (event.type === 'CommissionPlanAssignmentEnded') {
    const { effectiveFrom, effectiveTo } = event.data;
    return { ...state, assignments: state.assignments.map((a) => (a.effectiveFrom === effectiveFrom ? { ...a, effectiveTo } : a)) };
  }
  if (event.type !== 'CommissionPlanAssigned') return state;
  const { userId, planId, effectiveFrom, effectiveTo } = event.data;
  return { userId, assignments: [...state.assignments, { planId, effectiveFrom, ...(effectiveTo === undefined ? {} : { effectiveTo }) }] };
}

export type PlanAssignmentDecider = Decider<PlanAssignmentState, PlanAssignmentCommand, PlanAssignmentEvent>;

export function createPlanAssignmentDecider(policy?: AssignmentPolicy): PlanAssignmentDecider {
  return { decide: createPlanAssignmentDecide(policy), evolve: evolvePlanAssignment, initialState: initialPlanAssignmentState };
}

/** Without a directory at hand (seeds, tests): anyone may be assigned. */
export const planAssignmentDecider: PlanAssignmentDecider = {
  decide: createPlanAssignmentDecide(),
  evolve: evolvePlanAssignment,
  initialState: initialPlanAssignmentState,
};
