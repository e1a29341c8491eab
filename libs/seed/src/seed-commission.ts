import { SeedOrg } from './seed-org';

export interface SeedPlan {
  readonly planId: string;
  readonly version: number;
  readonly name: string;
  readonly effectiveFrom: string;
  readonly rules: Readonly<Record<string, unknown>>;
}

export interface SeedAssignment {
  readonly userId: string;
  readonly planId: string;
  readonly effectiveFrom: string;
  readonly quotaMinor?: number;
  readonly currency: string;
}

/**
 * Three plans in the shape of the worked example (docs/commissions.md): account executives on
 * revenue credit with a product X rate, a healthcare incentive, a quarter-end and an attainment
 * accelerator; sales engineers and SDRs on overlay credit. All in force from the data set's start.
 */
export function seedPlans(effectiveFrom: string): SeedPlan[] {
  return [
    {
      planId: 'ae-standard', version: 1, name: 'Account executives (seeded)', effectiveFrom,
      rules: {
        creditType: 'revenue', currency: 'EUR', baseRateBp: 1000,
        productRates: [{ productCode: 'X', rateBp: 1500 }, { productCode: 'SERVICES', rateBp: 500 }],
        verticalIncentives: [{ industry: 'healthcare', extraRateBp: 200 }],
        accelerators: {
          quarterEnd: { days: 10, multiplierBp: 11_000 },
          attainmentTiers: [{ aboveAttainmentBp: 10_000, multiplierBp: 12_500 }],
        },
        payoutTrigger: 'close', clawbackWindowDays: 90,
      },
    },
    {
      planId: 'se-overlay', version: 1, name: 'Sales engineers (seeded)', effectiveFrom,
      rules: { creditType: 'overlay', currency: 'EUR', baseRateBp: 400, payoutTrigger: 'close', clawbackWindowDays: 90 },
    },
    {
      planId: 'sdr-overlay', version: 1, name: 'Sales development (seeded)', effectiveFrom,
      rules: { creditType: 'overlay', currency: 'EUR', baseRateBp: 300, payoutTrigger: 'go-live', clawbackWindowDays: 90 },
    },
  ];
}

/** Every AE, SE and SDR on their plan from the start; AEs with a quarterly quota of 150,000.00 EUR. */
export function seedAssignments(org: SeedOrg, effectiveFrom: string): SeedAssignment[] {
  return [
    ...org.accountExecutives.map((p) => ({ userId: p.userId, planId: 'ae-standard', effectiveFrom, quotaMinor: 15_000_000, currency: 'EUR' })),
    ...org.salesEngineers.map((p) => ({ userId: p.userId, planId: 'se-overlay', effectiveFrom, currency: 'EUR' })),
    ...org.salesDevelopmentReps.map((p) => ({ userId: p.userId, planId: 'sdr-overlay', effectiveFrom, currency: 'EUR' })),
  ];
}
