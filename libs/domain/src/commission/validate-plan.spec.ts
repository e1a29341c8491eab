import { DomainError } from '../shared/domain-error';
import { AE_FY26_RULES, SE_FY26_RULES } from './testing/commission-fixtures';
import { validatePlanRules } from './validate-plan';

const issuesOf = (input: unknown) => {
  try {
    validatePlanRules(input);
  } catch (error) {
    expect((error as DomainError).code).toBe('COMMISSION.PLAN_INVALID');
    expect((error as DomainError).kind).toBe('invalid');
    return { message: (error as DomainError).message, paths: ((error as DomainError).details.issues as { path: string }[]).map((issue) => issue.path) };
  }
  return { message: 'no error', paths: [] };
};

describe('validatePlanRules', () => {
  it('accepts the worked example plans and returns a clean copy', () => {
    expect(validatePlanRules(AE_FY26_RULES)).toStrictEqual(AE_FY26_RULES);
    expect(validatePlanRules(SE_FY26_RULES)).toStrictEqual(SE_FY26_RULES);
  });

  it('accepts every feature together', () => {
    const full = {
      ...AE_FY26_RULES, productRates: [{ productCode: 'X', rateBp: 2000 }, { productCode: 'Z', rateBp: 500 }],
      verticalIncentives: [{ industry: 'healthcare', extraRateBp: 200 }],
      spifs: [{ id: 'y-q', productCode: 'Y', metric: 'quantity', target: 5, bonusMinor: 100_000 }],
      accelerators: { quarterEnd: { days: 10, multiplierBp: 12_500 }, quarterStart: { days: 5, multiplierBp: 11_000 }, attainmentTiers: [{ aboveAttainmentBp: 10_000, multiplierBp: 15_000 }] },
      payoutTrigger: 'go-live',
    };
    expect(validatePlanRules(full)).toStrictEqual(full);
  });

  it('takes the clawback anchor (close, go-live or payout), leaves it out when not given, and refuses others', () => {
    expect(validatePlanRules({ ...AE_FY26_RULES, clawbackWindowFrom: 'go-live' })).toMatchObject({ clawbackWindowFrom: 'go-live' });
    expect(validatePlanRules(AE_FY26_RULES)).not.toHaveProperty('clawbackWindowFrom');
    expect(() => validatePlanRules({ ...AE_FY26_RULES, clawbackWindowFrom: 'signature' })).toThrow('clawbackWindowFrom');
  });

  it('names every problem by path, in the message and the details', () => {
    const { message, paths } = issuesOf({
      creditType: 'bookings', currency: 'eur', baseRateBp: 15.5,
      productRates: [{ productCode: 'X', rateBp: 2000 }, { productCode: 'X', rateBp: 12_000 }, 'Z'],
      verticalIncentives: [{ industry: ' ', extraRateBp: 0 }],
      spifs: [{ id: 's', productCode: 'Y', metric: 'units', target: 0, bonusMinor: -1 }],
      accelerators: { quarterEnd: { days: 0, multiplierBp: 12_500 }, attainmentTiers: [{ aboveAttainmentBp: 10_000, multiplierBp: 15_000 }, { aboveAttainmentBp: 10_000, multiplierBp: 0 }] },
      payoutTrigger: 'invoice', clawbackWindowDays: -1, bonus: true,
    });
    expect(paths).toStrictEqual([
      'bonus', 'creditType', 'currency', 'baseRateBp', 'productRates[1].rateBp', 'productRates[2]', 'productRates[1].productCode',
      'verticalIncentives[0].industry', 'verticalIncentives[0].extraRateBp',
      'spifs[0].metric', 'spifs[0].target', 'spifs[0].bonusMinor',
      'accelerators.quarterEnd.days', 'accelerators.attainmentTiers[1].multiplierBp', 'accelerators.attainmentTiers[1].aboveAttainmentBp',
      'payoutTrigger', 'clawbackWindowDays',
    ]);
    expect(message).toContain("productRates[1].productCode: duplicate productCode 'X'");
    expect(message).toContain('bonus: unknown field');
  });

  it('refuses what is not an object and names missing required fields', () => {
    expect(issuesOf(null).paths).toStrictEqual(['(rules)']);
    expect(issuesOf({}).paths).toStrictEqual(['creditType', 'currency', 'baseRateBp', 'payoutTrigger', 'clawbackWindowDays']);
    expect(issuesOf({ ...SE_FY26_RULES, spifs: {} }).paths).toStrictEqual(['spifs']);
  });
});
