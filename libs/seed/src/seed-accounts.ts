import { LineItem } from '@deals/domain';
import { SeededRandom } from './random';

const PREFIX = [
  'Northwind', 'Blue Harbor', 'Crescent', 'Ironwood', 'Silverline', 'Redwood', 'Summit', 'Lakeside', 'Granite', 'Aurora',
  'Meridian', 'Pioneer', 'Orchid', 'Falcon', 'Evergreen', 'Keystone', 'Harbor Point', 'Sterling', 'Nimbus', 'Brightwater',
  'Cobalt', 'Juniper', 'Atlas', 'Beacon', 'Cedar', 'Delta', 'Ember', 'Fjord', 'Helix', 'Quarry',
];
const SUFFIX = ['Logistics', 'Health', 'Foods', 'Energy', 'Labs', 'Manufacturing', 'Retail', 'Capital', 'Systems', 'Mobility', 'Pharma', 'Media'];

const INDUSTRIES: readonly (readonly [string, number])[] = [
  ['software', 5], ['manufacturing', 4], ['healthcare', 3], ['finance', 3], ['retail', 3], ['logistics', 2], ['energy', 2], ['education', 1],
];

const PROJECTS = ['platform rollout', 'expansion', 'pilot', 'analytics add-on', 'regional rollout', 'migration', 'renewal upgrade'];

export interface SeedAccount {
  readonly name: string;
  readonly industry: string;
  /** For evidence refs: `mail.<domain>`. */
  readonly domain: string;
}

export function seedAccount(rng: SeededRandom): SeedAccount {
  const name = `${rng.pick(PREFIX)} ${rng.pick(SUFFIX)}`;
  return { name, industry: rng.weighted(INDUSTRIES), domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example` };
}

export function seedDealName(rng: SeededRandom, account: SeedAccount, year: number): string {
  return `${account.name} ${year} ${rng.pick(PROJECTS)}`;
}

/**
 * Line items in minor units: the core product always (log-normal around 28,000), product X on
 * about 45% of deals, services on about 35%. Amounts are whole hundreds of the currency.
 */
export function seedLineItems(rng: SeededRandom): LineItem[] {
  const hundreds = (median: number, sigma: number) => Math.max(1, Math.round(rng.logNormal(median, sigma) / 100)) * 100 * 100;
  const items: LineItem[] = [{ productCode: 'CORE', amountMinor: hundreds(28_000, 0.6), quantity: rng.int(10, 250) }];
  if (rng.chance(0.45)) items.push({ productCode: 'X', amountMinor: hundreds(12_000, 0.5), quantity: rng.int(1, 20) });
  if (rng.chance(0.35)) items.push({ productCode: 'SERVICES', amountMinor: hundreds(6_000, 0.5), quantity: rng.int(2, 20) });
  return items;
}

/** The line items scaled to a new total: proportional, floored, the remainder on the first line. */
export function scaleLineItems(items: readonly LineItem[], totalMinor: number): LineItem[] {
  const current = items.reduce((sum, i) => sum + i.amountMinor, 0);
  const scaled = items.map((i) => ({ ...i, amountMinor: Math.floor((i.amountMinor * totalMinor) / current) }));
  const rest = totalMinor - scaled.reduce((sum, i) => sum + i.amountMinor, 0);
  scaled[0] = { ...scaled[0], amountMinor: scaled[0].amountMinor + rest };
  return scaled;
}

export const totalOf = (items: readonly LineItem[]) => items.reduce((sum, i) => sum + i.amountMinor, 0);
