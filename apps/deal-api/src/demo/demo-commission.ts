/** The demo's commission plans (the brief's worked-example plans) and who is on which. */
export const DEMO_PLANS = [
  {
    planId: 'ae-fy26', version: 1, name: 'AE FY26 v1', effectiveFrom: '2026-01-01',
    rules: {
      creditType: 'revenue', currency: 'EUR', baseRateBp: 1500, productRates: [{ productCode: 'X', rateBp: 2000 }],
      accelerators: { quarterEnd: { days: 10, multiplierBp: 12_500 } }, payoutTrigger: 'close', clawbackWindowDays: 90,
    },
  },
  {
    planId: 'se-fy26', version: 1, name: 'SE FY26 v1', effectiveFrom: '2026-01-01',
    rules: { creditType: 'overlay', currency: 'EUR', baseRateBp: 400, payoutTrigger: 'close', clawbackWindowDays: 90 },
  },
] as const;

export const DEMO_ASSIGNMENTS = [
  { userId: 'ana.ae', planId: 'ae-fy26' },
  { userId: 'ben.ae', planId: 'ae-fy26' },
  { userId: 'carla.ae', planId: 'ae-fy26' },
  { userId: 'sam.se', planId: 'se-fy26' },
] as const;
