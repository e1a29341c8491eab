import { deciderSpec } from '../../testing/decider-spec';
import { ben, commissionCommand } from '../testing/commission-commands';
import { createPlanAssignmentDecider, planAssignmentDecider, PlanAssignmentEvent } from './plan-assignment.decider';

const spec = deciderSpec(planAssignmentDecider);
type Data = { planId?: string; effectiveFrom: string; effectiveTo?: string; quotaMinor?: number };
const assign = (data: Data, actor = undefined) =>
  commissionCommand('AssignPlan', { userId: 'ana', planId: 'ae-fy26', currency: 'EUR', ...data }, actor);
const assigned = (data: Data): PlanAssignmentEvent => ({
  type: 'CommissionPlanAssigned', data: { userId: 'ana', planId: 'ae-fy26', currency: 'EUR', ...data },
});

describe('AssignPlan', () => {
  it('assigns a plan with a quarterly quota, then another after it ends', () => {
    const first = { effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', quotaMinor: 20_000_000 };
    spec.given([]).when(assign(first)).then([assigned(first)]);
    spec.given([assigned(first)]).when(assign({ planId: 'ae-fy26-h2', effectiveFrom: '2026-07-01' }))
      .then([assigned({ planId: 'ae-fy26-h2', effectiveFrom: '2026-07-01' })]);
  });

  it('is for finance only', () => {
    spec.given([]).when(commissionCommand('AssignPlan', { userId: 'ana', planId: 'p', currency: 'EUR', effectiveFrom: '2026-01-01' }, ben))
      .thenThrows('COMMISSION.FORBIDDEN');
  });

  it.each([
    [{ effectiveFrom: '2026-01-01' }, { effectiveFrom: '2026-12-31' }],
    [{ effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' }, { effectiveFrom: '2026-06-30' }],
    [{ effectiveFrom: '2026-03-01', effectiveTo: '2026-03-31' }, { effectiveFrom: '2026-01-01', effectiveTo: '2026-03-01' }],
  ])('refuses %j overlapping %j as a conflict naming the existing one', (existing, next) => {
    const error = spec.given([assigned(existing)]).when(assign(next)).thenThrows('COMMISSION.ASSIGNMENT_OVERLAP');
    expect(error.kind).toBe('conflict');
    expect(error.details).toMatchObject({ userId: 'ana', existing: { planId: 'ae-fy26', effectiveFrom: existing.effectiveFrom } });
  });

  it('refuses bad dates, quotas and currencies', () => {
    spec.given([]).when(assign({ effectiveFrom: 'soon' })).thenThrows('TIME.INVALID');
    spec.given([]).when(assign({ effectiveFrom: '2026-02-01', effectiveTo: '2026-01-31' })).thenThrows('COMMISSION.ASSIGNMENT_INVALID');
    spec.given([]).when(assign({ effectiveFrom: '2026-02-01', quotaMinor: 1.5 })).thenThrows('COMMISSION.ASSIGNMENT_INVALID');
    spec.given([]).when(commissionCommand('AssignPlan', { userId: 'ana', planId: 'p', currency: 'eur', effectiveFrom: '2026-01-01' }))
      .thenThrows('COMMISSION.ASSIGNMENT_INVALID');
  });
});

describe('EndPlanAssignment', () => {
  const open = { effectiveFrom: '2026-01-01' };
  const end = (effectiveFrom: string, effectiveTo: string) => commissionCommand('EndPlanAssignment', { userId: 'ana', effectiveFrom, effectiveTo });

  it('ends an assignment early, naming its plan; a later assignment may then start after the new end', () => {
    spec.given([assigned(open)]).when(end('2026-01-01', '2026-03-31')).then([
      { type: 'CommissionPlanAssignmentEnded', data: { userId: 'ana', planId: 'ae-fy26', effectiveFrom: '2026-01-01', effectiveTo: '2026-03-31' } },
    ]);
    const endedEvent: PlanAssignmentEvent = { type: 'CommissionPlanAssignmentEnded', data: { userId: 'ana', planId: 'ae-fy26', effectiveFrom: '2026-01-01', effectiveTo: '2026-03-31' } };
    spec.given([assigned(open), endedEvent]).when(assign({ planId: 'ae-fy26-q2', effectiveFrom: '2026-04-01' }))
      .then([assigned({ planId: 'ae-fy26-q2', effectiveFrom: '2026-04-01' })]);
  });

  it('refuses an end before the start or not before the current end, and an assignment that is not there', () => {
    const bounded = { effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' };
    spec.given([assigned(bounded)]).when(end('2026-01-01', '2025-12-31')).thenThrows('COMMISSION.ASSIGNMENT_INVALID');
    spec.given([assigned(bounded)]).when(end('2026-01-01', '2026-06-30')).thenThrows('COMMISSION.ASSIGNMENT_INVALID');
    spec.given([assigned(bounded)]).when(end('2026-02-01', '2026-03-31')).thenThrows('COMMISSION.ASSIGNMENT_NOT_FOUND');
  });

  it('puts only registered people on a plan, when a directory is at hand', () => {
    const strict = deciderSpec(createPlanAssignmentDecider({ isRegistered: (userId) => userId === 'ben' }));
    strict.given([]).when(assign(open)).thenThrows('COMMISSION.ASSIGNMENT_INVALID');
  });
});
