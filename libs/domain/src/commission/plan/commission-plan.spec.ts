import { deciderSpec } from '../../testing/decider-spec';
import { AE_FY26_RULES } from '../testing/commission-fixtures';
import { ben, commissionCommand, fay } from '../testing/commission-commands';
import { commissionPlanDecider, CommissionPlanEvent } from './commission-plan.decider';

const spec = deciderSpec(commissionPlanDecider);
const publish = (version: number, overrides: Record<string, unknown> = {}, actor = fay) =>
  commissionCommand('PublishPlanVersion', { planId: 'ae-fy26', version, name: `AE FY26 v${version}`, effectiveFrom: '2026-01-01', rules: AE_FY26_RULES, ...overrides }, actor);
const published = (version: number): CommissionPlanEvent => ({
  type: 'CommissionPlanVersionPublished',
  data: { planId: 'ae-fy26', version, name: `AE FY26 v${version}`, effectiveFrom: '2026-01-01', rules: AE_FY26_RULES },
});

describe('PublishPlanVersion', () => {
  it('publishes version 1, then 2, with validated rules', () => {
    spec.given([]).when(publish(1)).then([published(1)]);
    spec.given([published(1)]).when(publish(2)).then([published(2)]);
  });

  it('is for finance only, naming the role', () => {
    const error = spec.given([]).when(publish(1, {}, ben)).thenThrows('COMMISSION.FORBIDDEN');
    expect(error.kind).toBe('forbidden');
    expect(error.details).toMatchObject({ actorId: 'ben', requiredRole: 'finance' });
    expect(error.message).toContain('finance');
  });

  it.each([[0, []], [2, []], [1, [1]], [3, [1]]] as [number, number[]][])('refuses version %d after %j, naming the next one', (version, before) => {
    const error = spec.given(before.map(published)).when(publish(version)).thenThrows('COMMISSION.PLAN_VERSION_CONFLICT');
    expect(error.details).toMatchObject({ expectedVersion: before.length + 1 });
  });

  it('needs a valid effective date, a name and valid rules', () => {
    spec.given([]).when(publish(1, { effectiveFrom: 'next monday' })).thenThrows('TIME.INVALID');
    spec.given([]).when(publish(1, { effectiveFrom: '2026-02-30' })).thenThrows('TIME.INVALID');
    spec.given([]).when(publish(1, { name: ' ' })).thenThrows('FIELD.REQUIRED');
    const error = spec.given([]).when(publish(1, { rules: { ...AE_FY26_RULES, baseRateBp: -1 } })).thenThrows('COMMISSION.PLAN_INVALID');
    expect(error.details).toMatchObject({ issues: [{ path: 'baseRateBp' }] });
  });

  it('keeps one plan per stream', () => {
    spec.given([published(1)]).when(publish(2, { planId: 'se-fy26' })).thenThrows('COMMISSION.PLAN_ID_MISMATCH');
  });
});
