import { isIsoCurrency } from '../shared/currency';
import { DomainError } from '../shared/domain-error';
import { parseMoney } from '../shared/money';

/** What the price list says about one product; every field is optional. */
export interface ProductPricing {
  /** List price of one unit, in minor units of `currency`. */
  readonly listPriceMinor?: number;
  readonly currency?: string;
  /** The largest discount on this product that needs no approval, in basis points (1,500 = 15%). */
  readonly maxDiscountBp?: number;
}

/**
 * When agreed terms need the deal desk (a manager's approval before the close): a discount
 * beyond the limit of the reference price, or payment terms longer than the limit.
 */
export interface DealDeskPolicy {
  /** The discount limit of products the price list gives none for, in basis points. */
  readonly maxDiscountBp: number;
  /** Payment terms of more days than this need approval. */
  readonly maxPaymentTermsDays: number;
  /** The price list, by product code. */
  readonly products: ReadonlyMap<string, ProductPricing>;
}

export const DEFAULT_DEAL_DESK_POLICY: DealDeskPolicy = { maxDiscountBp: 1500, maxPaymentTermsDays: 60, products: new Map() };

/** The settings file as read: its path (for the messages) and its parsed JSON. */
export interface DealDeskFile {
  readonly path: string;
  readonly content: unknown;
}

const FILE_FIELDS = ['maxDiscountPercent', 'maxPaymentTermsDays', 'products'];
const PRODUCT_FIELDS = ['listPrice', 'currency', 'maxDiscountPercent'];

/**
 * The deal desk's policy from `CONTROL_MAX_DISCOUNT_PERCENT`, `CONTROL_MAX_PAYMENT_DAYS` and the
 * JSON file `CONTROL_DEAL_DESK_FILE` names (read by the caller). Unset limits keep their default;
 * a limit set both in the file and in a variable, an unknown field, or a bad value stops the
 * start with every problem listed.
 */
export function dealDeskPolicyFrom(env: Readonly<Record<string, string | undefined>>, file?: DealDeskFile): DealDeskPolicy {
  const problems: string[] = [];
  const json = file === undefined ? {} : file.content;
  const where = file === undefined ? '' : `${file.path}: `;
  if (!isObject(json)) throw settingsError([`${where}must be a JSON object`]);
  unknownFields(json, FILE_FIELDS, where, problems);

  const maxDiscountBp = oneOf(
    env.CONTROL_MAX_DISCOUNT_PERCENT === undefined || env.CONTROL_MAX_DISCOUNT_PERCENT === ''
      ? undefined : percentBp(numberFromText(env.CONTROL_MAX_DISCOUNT_PERCENT), 'CONTROL_MAX_DISCOUNT_PERCENT', problems),
    json.maxDiscountPercent === undefined ? undefined : percentBp(json.maxDiscountPercent, `${where}maxDiscountPercent`, problems),
    'CONTROL_MAX_DISCOUNT_PERCENT', `${where}maxDiscountPercent`, problems,
  ) ?? DEFAULT_DEAL_DESK_POLICY.maxDiscountBp;
  const maxPaymentTermsDays = oneOf(
    env.CONTROL_MAX_PAYMENT_DAYS === undefined || env.CONTROL_MAX_PAYMENT_DAYS === ''
      ? undefined : days(numberFromText(env.CONTROL_MAX_PAYMENT_DAYS), 'CONTROL_MAX_PAYMENT_DAYS', problems),
    json.maxPaymentTermsDays === undefined ? undefined : days(json.maxPaymentTermsDays, `${where}maxPaymentTermsDays`, problems),
    'CONTROL_MAX_PAYMENT_DAYS', `${where}maxPaymentTermsDays`, problems,
  ) ?? DEFAULT_DEAL_DESK_POLICY.maxPaymentTermsDays;
  const products = priceList(json.products, where, problems);
  if (problems.length > 0) throw settingsError(problems);
  return { maxDiscountBp, maxPaymentTermsDays, products };
}

function priceList(value: unknown, where: string, problems: string[]): Map<string, ProductPricing> {
  const products = new Map<string, ProductPricing>();
  if (value === undefined) return products;
  if (!isObject(value)) {
    problems.push(`${where}products must be an object of product codes`);
    return products;
  }
  for (const [code, entry] of Object.entries(value)) {
    const at = `${where}products.${code}`;
    if (code.trim() === '') problems.push(`${at}: a product code must not be blank`);
    if (!isObject(entry)) {
      problems.push(`${at} must be an object with listPrice and currency, maxDiscountPercent, or both`);
      continue;
    }
    unknownFields(entry, PRODUCT_FIELDS, `${at}.`, problems);
    const pricing: { listPriceMinor?: number; currency?: string; maxDiscountBp?: number } = {};
    if (entry.maxDiscountPercent !== undefined) pricing.maxDiscountBp = percentBp(entry.maxDiscountPercent, `${at}.maxDiscountPercent`, problems);
    if ((entry.listPrice === undefined) !== (entry.currency === undefined)) {
      problems.push(`${at}: listPrice and currency go together (a price is in a currency)`);
    } else if (entry.currency !== undefined) {
      if (!isIsoCurrency(entry.currency)) problems.push(`${at}.currency must be an ISO 4217 code in circulation, got ${JSON.stringify(entry.currency)}`);
      else if (typeof entry.listPrice !== 'string') problems.push(`${at}.listPrice must be decimal text such as "600.00", got ${JSON.stringify(entry.listPrice)}`);
      else {
        try {
          const minor = parseMoney(entry.listPrice, entry.currency);
          if (minor < 0) problems.push(`${at}.listPrice must not be negative`);
          else Object.assign(pricing, { listPriceMinor: minor, currency: entry.currency });
        } catch (error) {
          problems.push(`${at}.listPrice: ${error instanceof DomainError ? error.message : String(error)}`);
        }
      }
    }
    products.set(code, pricing);
  }
  return products;
}

function percentBp(value: unknown, name: string, problems: string[]): number | undefined {
  const bp = typeof value === 'number' ? Math.round(value * 100) : NaN;
  if (!Number.isFinite(value as number) || bp < 0 || bp > 10_000 || Math.abs(bp - (value as number) * 100) > 1e-6) {
    problems.push(`${name} must be a percentage from 0 to 100 with at most two decimals, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return bp;
}

function days(value: unknown, name: string, problems: string[]): number | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > 3650) {
    problems.push(`${name} must be a whole number of days from 0 to 3650, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return value;
}

/** A limit comes from one place: the variable or the file, never both. */
function oneOf<T>(fromEnv: T | undefined, fromFile: T | undefined, envName: string, fileName: string, problems: string[]): T | undefined {
  if (fromEnv !== undefined && fromFile !== undefined) {
    problems.push(`${envName} and ${fileName} are both set; set the limit in one place`);
    return undefined;
  }
  return fromEnv ?? fromFile;
}

const numberFromText = (text: string): number | string => (/^\s*\d+(?:\.\d+)?\s*$/.test(text) ? Number(text) : text);

function unknownFields(object: Record<string, unknown>, known: readonly string[], where: string, problems: string[]): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) problems.push(`${where}${key} is not a setting (known: ${known.join(', ')})`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const settingsError = (problems: readonly string[]) => new Error(`Deal desk settings are invalid: ${problems.join('; ')}`);
