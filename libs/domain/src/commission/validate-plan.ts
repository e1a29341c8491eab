import { isBlank } from '../shared/text';
import { CommissionErrors, PlanIssue } from './commission.errors';
import { Accelerators, AttainmentTier, CLAWBACK_ANCHORS, ClawbackAnchor, PlanRules, ProductRate, Spif, VerticalIncentive, WindowAccelerator } from './plan-rules';

type Json = Record<string, unknown>;
type Report = (path: string, message: string) => void;

const CURRENCY = /^[A-Z]{3}$/;
const MAX_MULTIPLIER_BP = 100_000;
const TOP_LEVEL = ['creditType', 'currency', 'baseRateBp', 'productRates', 'verticalIncentives', 'spifs', 'accelerators', 'payoutTrigger', 'clawbackWindowDays', 'clawbackWindowFrom'];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInt = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

/**
 * Checks unknown input (a request body, a stored event) against the plan format and returns a
 * clean copy. Throws COMMISSION.PLAN_INVALID listing every problem by path, not just the first.
 * `isCurrency`: publishing checks ISO 4217; reading a stored plan only the shape, so a plan
 * published before currencies were checked (or in one withdrawn since) is still read.
 */
export function validatePlanRules(input: unknown, isCurrency: (code: string) => boolean = (code) => CURRENCY.test(code)): PlanRules {
  const issues: PlanIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  if (!isObject(input)) throw CommissionErrors.planInvalid([{ path: '(rules)', message: 'must be an object' }]);
  unknownFields(input, TOP_LEVEL, '', report);

  if (input.creditType !== 'revenue' && input.creditType !== 'overlay') report('creditType', "must be 'revenue' or 'overlay'");
  if (typeof input.currency !== 'string' || !isCurrency(input.currency)) report('currency', 'must be an ISO 4217 code in circulation (e.g. EUR, JPY)');
  rate(input.baseRateBp, 'baseRateBp', 0, report);
  const productRates = list(input.productRates, 'productRates', report, (item, at) => {
    unknownFields(item, ['productCode', 'rateBp'], at, report);
    text(item.productCode, `${at}.productCode`, report);
    rate(item.rateBp, `${at}.rateBp`, 0, report);
    return { productCode: item.productCode, rateBp: item.rateBp } as ProductRate;
  });
  unique(productRates, 'productRates', 'productCode', report);
  const verticalIncentives = list(input.verticalIncentives, 'verticalIncentives', report, (item, at) => {
    unknownFields(item, ['industry', 'extraRateBp'], at, report);
    text(item.industry, `${at}.industry`, report);
    rate(item.extraRateBp, `${at}.extraRateBp`, 1, report);
    return { industry: item.industry, extraRateBp: item.extraRateBp } as VerticalIncentive;
  });
  unique(verticalIncentives, 'verticalIncentives', 'industry', report, (value) => value.toLowerCase());
  const spifs = list(input.spifs, 'spifs', report, (item, at) => spif(item, at, report));
  unique(spifs, 'spifs', 'id', report);
  const accelerators = input.accelerators === undefined ? undefined : accelerator(input.accelerators, report);
  if (input.payoutTrigger !== 'close' && input.payoutTrigger !== 'go-live') report('payoutTrigger', "must be 'close' or 'go-live'");
  if (!isInt(input.clawbackWindowDays, 0, 3660)) report('clawbackWindowDays', 'must be a whole number of days from 0 to 3660');
  if (input.clawbackWindowFrom !== undefined && !(CLAWBACK_ANCHORS as readonly unknown[]).includes(input.clawbackWindowFrom)) {
    report('clawbackWindowFrom', `must be one of ${CLAWBACK_ANCHORS.join(', ')} (default close)`);
  }

  if (issues.length > 0) throw CommissionErrors.planInvalid(issues);
  return {
    creditType: input.creditType as PlanRules['creditType'],
    currency: input.currency as string,
    baseRateBp: input.baseRateBp as number,
    ...(productRates === undefined ? {} : { productRates }),
    ...(verticalIncentives === undefined ? {} : { verticalIncentives }),
    ...(spifs === undefined ? {} : { spifs }),
    ...(accelerators === undefined ? {} : { accelerators }),
    payoutTrigger: input.payoutTrigger as PlanRules['payoutTrigger'],
    clawbackWindowDays: input.clawbackWindowDays as number,
    ...(input.clawbackWindowFrom === undefined ? {} : { clawbackWindowFrom: input.clawbackWindowFrom as ClawbackAnchor }),
  };
}

function spif(item: Json, at: string, report: Report): Spif {
  unknownFields(item, ['id', 'productCode', 'metric', 'target', 'bonusMinor'], at, report);
  text(item.id, `${at}.id`, report);
  text(item.productCode, `${at}.productCode`, report);
  if (item.metric !== 'quantity' && item.metric !== 'amount') report(`${at}.metric`, "must be 'quantity' or 'amount'");
  if (!isInt(item.target, 1)) report(`${at}.target`, 'must be a positive whole number (units, or minor units for amount)');
  if (!isInt(item.bonusMinor, 1)) report(`${at}.bonusMinor`, 'must be a positive whole number of minor units');
  return { id: item.id, productCode: item.productCode, metric: item.metric, target: item.target, bonusMinor: item.bonusMinor } as Spif;
}

function accelerator(input: unknown, report: Report): Accelerators | undefined {
  if (!isObject(input)) {
    report('accelerators', 'must be an object');
    return undefined;
  }
  unknownFields(input, ['quarterEnd', 'quarterStart', 'attainmentTiers'], 'accelerators', report);
  const window = (value: unknown, at: string): WindowAccelerator | undefined => {
    if (value === undefined) return undefined;
    if (!isObject(value)) {
      report(at, 'must be an object with days and multiplierBp');
      return undefined;
    }
    unknownFields(value, ['days', 'multiplierBp'], at, report);
    if (!isInt(value.days, 1, 92)) report(`${at}.days`, 'must be a whole number of days from 1 to 92');
    multiplierBp(value.multiplierBp, `${at}.multiplierBp`, report);
    return { days: value.days as number, multiplierBp: value.multiplierBp as number };
  };
  const quarterEnd = window(input.quarterEnd, 'accelerators.quarterEnd');
  const quarterStart = window(input.quarterStart, 'accelerators.quarterStart');
  const tiers = list(input.attainmentTiers, 'accelerators.attainmentTiers', report, (item, at) => {
    unknownFields(item, ['aboveAttainmentBp', 'multiplierBp'], at, report);
    if (!isInt(item.aboveAttainmentBp, 0, 1_000_000)) report(`${at}.aboveAttainmentBp`, 'must be a whole number of basis points from 0 to 1000000');
    multiplierBp(item.multiplierBp, `${at}.multiplierBp`, report);
    return { aboveAttainmentBp: item.aboveAttainmentBp, multiplierBp: item.multiplierBp } as AttainmentTier;
  });
  tiers?.forEach((tier, index) => {
    if (index > 0 && !(tier.aboveAttainmentBp > tiers[index - 1].aboveAttainmentBp)) {
      report(`accelerators.attainmentTiers[${index}].aboveAttainmentBp`, 'must be greater than the previous tier\'s');
    }
  });
  return {
    ...(quarterEnd === undefined ? {} : { quarterEnd }),
    ...(quarterStart === undefined ? {} : { quarterStart }),
    ...(tiers === undefined ? {} : { attainmentTiers: tiers }),
  };
}

function list<T>(value: unknown, path: string, report: Report, check: (item: Json, at: string) => T): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    report(path, 'must be a list');
    return undefined;
  }
  const items: T[] = [];
  value.forEach((item, index) => {
    if (isObject(item)) items.push(check(item, `${path}[${index}]`));
    else report(`${path}[${index}]`, 'must be an object');
  });
  return items;
}

function unique<T>(items: readonly T[] | undefined, path: string, key: keyof T, report: Report, normalise = (value: string) => value): void {
  const seen = new Set<string>();
  items?.forEach((item, index) => {
    const value = item[key];
    if (typeof value !== 'string') return;
    if (seen.has(normalise(value))) report(`${path}[${index}].${String(key)}`, `duplicate ${String(key)} '${value}'`);
    seen.add(normalise(value));
  });
}

function unknownFields(item: Json, known: readonly string[], at: string, report: Report): void {
  for (const key of Object.keys(item)) {
    if (!known.includes(key)) report(at === '' ? key : `${at}.${key}`, `unknown field (known: ${known.join(', ')})`);
  }
}

function text(value: unknown, path: string, report: Report): void {
  if (isBlank(value)) report(path, 'must not be blank');
}

function rate(value: unknown, path: string, min: number, report: Report): void {
  if (!isInt(value, min, 10_000)) report(path, `must be a whole number of basis points from ${min} to 10000 (10000 = 100%)`);
}

function multiplierBp(value: unknown, path: string, report: Report): void {
  if (!isInt(value, 1, MAX_MULTIPLIER_BP)) report(path, `must be a whole number of basis points from 1 to ${MAX_MULTIPLIER_BP} (10000 = ×1.00)`);
}
