import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { Period, withinPeriod } from '../pipeline/period';
import { durationStats, DurationStats, msBetween } from '../pipeline/statistics';

/**
 * How long the post-close steps took, over won, not reversed deals. A duration is counted in
 * the period its end falls in: the time to hand-off when the deal was handed off, the
 * implementation when the deal went live. Steps not yet done are not durations yet: they show
 * up as waits in `postCloseDeals` and `stuckAfterClose`.
 */
export interface PostCloseDurations {
  /** Close → hand-off. */
  readonly timeToHandOff: DurationStats;
  /** Implementation start → live. */
  readonly implementation: DurationStats;
}

export type PostCloseGroup = 'implementation-lead' | 'customer-success-manager';

export interface PostCloseDurationsOf extends PostCloseDurations {
  readonly personId: string;
}

/** How a duration is placed in a period: by the business time of its end (docs/kpis.md#definitions). */
export interface PostCloseDefinitions {
  readonly periodBy: 'duration-end';
  readonly days: 'fractional';
}

export function postCloseDurations(
  model: ReadModel<DealSummary>, period: Period = {},
): PostCloseDurations & { readonly definitions: PostCloseDefinitions } {
  return { definitions: { periodBy: 'duration-end', days: 'fractional' }, ...summarise(samples(model, period)) };
}

/** The same, per implementation lead or per customer success manager named at the hand-off, by id. */
export function postCloseDurationsBy(
  model: ReadModel<DealSummary>, options: Period & { readonly by: PostCloseGroup },
): PostCloseDurationsOf[] {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples(model, options)) {
    const personId = options.by === 'implementation-lead' ? sample.implementationLeadId : sample.customerSuccessManagerId;
    if (personId === undefined) continue;
    groups.set(personId, [...(groups.get(personId) ?? []), sample]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([personId, group]) => ({ personId, ...summarise(group) }));
}

interface Sample {
  readonly implementationLeadId?: string;
  readonly customerSuccessManagerId?: string;
  readonly handOffMs?: number;
  readonly implementationMs?: number;
}

function samples(model: ReadModel<DealSummary>, period: Period): Sample[] {
  const within = withinPeriod(period);
  const result: Sample[] = [];
  for (const doc of model.values()) {
    if (doc.status !== 'won' || doc.reversed || doc.closedAt === undefined) continue;
    const { handedOffAt, implementationStartedAt, liveAt, implementationLeadId, customerSuccessManagerId } = doc.postClose;
    const handOff = handedOffAt !== undefined && within(handedOffAt);
    const implementation = implementationStartedAt !== undefined && liveAt !== undefined && within(liveAt);
    if (!handOff && !implementation) continue;
    result.push({
      implementationLeadId, customerSuccessManagerId,
      handOffMs: handOff ? msBetween(doc.closedAt, handedOffAt as string) : undefined,
      implementationMs: implementation ? msBetween(implementationStartedAt as string, liveAt as string) : undefined,
    });
  }
  return result;
}

function summarise(group: readonly Sample[]): PostCloseDurations {
  const defined = (values: (number | undefined)[]) => values.filter((v): v is number => v !== undefined);
  return {
    timeToHandOff: durationStats(defined(group.map((s) => s.handOffMs))),
    implementation: durationStats(defined(group.map((s) => s.implementationMs))),
  };
}
