import { PlanRules } from '../plan-rules';

export interface AppliedRate {
  readonly rateBp: number;
  /** The rule, e.g. `productRates[X]` or `baseRateBp + verticalIncentives[retail]`. */
  readonly rule: string;
  /** The rate as written in arithmetic: `20.00%`, or `(15.00% + 2.00%)` with a vertical incentive. */
  readonly parts: readonly number[];
}

/** The product's rate if the plan lists it, else the base rate; plus the vertical extra when the industry matches. */
export function rateFor(rules: PlanRules, productCode: string, industry: string | undefined): AppliedRate {
  const product = rules.productRates?.find((rate) => rate.productCode === productCode);
  const base = product
    ? { rateBp: product.rateBp, rule: `productRates[${productCode}]` }
    : { rateBp: rules.baseRateBp, rule: 'baseRateBp' };
  const vertical = industry === undefined
    ? undefined
    : rules.verticalIncentives?.find((incentive) => incentive.industry.trim().toLowerCase() === industry.trim().toLowerCase());
  if (!vertical) return { ...base, parts: [base.rateBp] };
  return {
    rateBp: base.rateBp + vertical.extraRateBp,
    rule: `${base.rule} + verticalIncentives[${vertical.industry}]`,
    parts: [base.rateBp, vertical.extraRateBp],
  };
}
