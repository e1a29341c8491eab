import { aggregateStream } from '@deals/command-pipeline';
import {
  assignmentSpan, commissionStreamId, ControlLimits, createDisputeDecider, DEFAULT_CONTROL_LIMITS, DisputeCommand, DisputePolicy,
  dealStreamId, periodBounds, Period,
} from '@deals/domain';
import { EventStore } from '@deals/event-store';

type Data = Record<string, unknown>;
const shares = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((share: Data) => share?.userId).filter((id): id is string => typeof id === 'string') : [];

/**
 * What the dispute rules need to know beyond the dispute's own stream, read from the store:
 * who is credited on the disputed deal and which currency each recipient's plan pays in.
 */
export async function loadDisputePolicy(
  store: EventStore, disputeId: string, command: DisputeCommand, limits: ControlLimits = DEFAULT_CONTROL_LIMITS,
): Promise<Omit<DisputePolicy, 'isManagerOf'> & { adjustmentPeriods: readonly unknown[] }> {
  const base = { secondApprovalAbove: limits.disputeSecondApprovalAbove, adjustmentPeriods: [] };
  if (command.type === 'RaiseDispute') return base;
  const { state } = await aggregateStream(store, commissionStreamId('dispute', disputeId), createDisputeDecider());
  const dealId = state.dealId;
  const credited = dealId === undefined ? undefined : await creditedOn(store, dealId);
  const adjustments: readonly { userId?: unknown; period?: unknown }[] = command.type === 'ResolveDispute'
    ? command.data.adjustments ?? [] : state.proposal?.adjustments ?? [];
  const recipients = adjustments.map((a) => a.userId).filter((id): id is string => typeof id === 'string');
  const currencies = new Map<string, { fromMs: number; toMs: number; currency: string }[]>();
  for (const userId of new Set(recipients.map((id) => id.trim()))) currencies.set(userId, await assignmentCurrencies(store, userId));
  return {
    ...base,
    adjustmentPeriods: adjustments.map((a) => a.period),
    creditedOn: (id) => (id === dealId ? credited : undefined),
    planCurrencyOf: (userId: string, period: Period) => {
      const { startMs, endMs } = periodBounds(period);
      return currencies.get(userId)?.find((a) => a.fromMs < endMs && startMs < a.toMs)?.currency;
    },
  };
}

/** The deal's owner and everyone ever named in its splits. */
async function creditedOn(store: EventStore, dealId: string): Promise<string[] | undefined> {
  const events = await store.readStream(dealStreamId(dealId));
  if (events.length === 0) return undefined;
  const people = new Set<string>();
  for (const event of events) {
    const data = (event.data ?? {}) as Data;
    if (event.type === 'DealOpened' && typeof data.ownerId === 'string') people.add(data.ownerId);
    if (event.type === 'CreditSplitsSet') [...shares(data.revenue), ...shares(data.overlay)].forEach((id) => people.add(id));
  }
  return [...people];
}

async function assignmentCurrencies(store: EventStore, userId: string): Promise<{ fromMs: number; toMs: number; currency: string }[]> {
  const events = await store.readStream(commissionStreamId('assignment', userId));
  return events.flatMap((event) => {
    const data = (event.data ?? {}) as Data;
    if (event.type !== 'CommissionPlanAssigned' || typeof data.currency !== 'string' || typeof data.effectiveFrom !== 'string') return [];
    const span = assignmentSpan({ effectiveFrom: data.effectiveFrom, effectiveTo: typeof data.effectiveTo === 'string' ? data.effectiveTo : undefined });
    return [{ ...span, currency: data.currency }];
  });
}
