import { DealScript } from './deal-script';
import { DAY_MS } from './deal-timeline';
import { SeedAssignment, seedAssignments, SeedPlan, seedPlans } from './seed-commission';
import { seedDeal } from './seed-deal';
import { SeedOrg, seedOrg } from './seed-org';

export interface SeedOptions {
  /** Anything printable; the same seed gives the same data set. */
  readonly seed: string | number;
  readonly deals: number;
  /** First day deals may open (YYYY-MM-DD, UTC). Default 2025-01-01. */
  readonly start?: string;
  /** Days over which deals open. Default 456 (15 months). */
  readonly spanDays?: number;
}

export interface SeedDataset {
  readonly seed: string;
  readonly start: string;
  readonly dealCount: number;
  readonly org: SeedOrg;
  readonly plans: readonly SeedPlan[];
  readonly assignments: readonly SeedAssignment[];
  /** The i-th deal's commands (0 ≤ i < dealCount), generated on demand so 10,000 deals never sit in memory at once. */
  deal(index: number): DealScript;
}

export const MAX_SEED_DEALS = 100_000;

/**
 * A deterministic synthetic data set: the same options always give the same people, plans and
 * deal commands (ids included). Nothing here reads a clock; the writer drops the steps that
 * would lie in the future of the moment it runs.
 */
export function seedDataset(options: SeedOptions): SeedDataset {
  const seed = String(options.seed);
  const start = options.start ?? '2025-01-01';
  const startMs = Date.parse(`${start}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(startMs)) throw new RangeError(`start must be a date YYYY-MM-DD, got "${start}"`);
  if (!Number.isInteger(options.deals) || options.deals < 1 || options.deals > MAX_SEED_DEALS) {
    throw new RangeError(`deals must be an integer from 1 to ${MAX_SEED_DEALS}, got ${options.deals}`);
  }
  const spanDays = options.spanDays ?? 456;
  const org = seedOrg(seed, options.deals);
  const ctx = { seed, org, startMs, spanDays };
  return {
    seed, start, dealCount: options.deals, org,
    plans: seedPlans(start),
    assignments: seedAssignments(org, start),
    deal: (index) => seedDeal(ctx, index),
  };
}

/** The steps that happened by `nowMs` (a minute of margin): a deal's script is cut where it reaches the present. */
export function stepsUntil(script: DealScript, nowMs: number): DealScript {
  const cut = script.steps.findIndex((s) => Date.parse(s.occurredAt) > nowMs - 60_000);
  return cut < 0 ? script : { ...script, steps: script.steps.slice(0, cut) };
}

export { DAY_MS };
