import { CommissionFacts, FactRef } from './facts';
import { dealRefs } from './known-at';
import { StatementLine } from './statement.types';

/**
 * The events among a line's inputs that `isNew` picks: its deal's facts (for accelerator and
 * SPIF lines, which depend on the person's other deals, those of every deal in `dealIds`) and the
 * events in its lineage before and after. One ref per event, in position order.
 */
export function lineCauses(
  facts: CommissionFacts, before: StatementLine | undefined, after: StatementLine | undefined,
  dealIds: readonly (string | undefined)[], isNew: (ref: FactRef) => boolean,
): FactRef[] {
  const line = (after ?? before) as StatementLine;
  const ids = line.kind === 'accelerator' || line.kind === 'spif' ? dealIds : [line.lineage.dealId];
  const candidates = [
    ...ids.flatMap((dealId) => { const deal = facts.deals.find((d) => d.dealId === dealId); return deal ? dealRefs(deal) : []; }),
    ...(before?.lineage.events ?? []), ...(after?.lineage.events ?? []),
  ];
  return uniqueRefs(candidates.filter(isNew));
}

/** One ref per event id (without lineage roles), in global position order. */
export function uniqueRefs(refs: readonly FactRef[]): FactRef[] {
  const byId = new Map<string, FactRef>();
  for (const ref of refs) {
    if (byId.has(ref.eventId)) continue;
    const { eventId, position, type, streamId, occurredAt, recordedAt, actorId, approval } = ref;
    byId.set(eventId, {
      eventId, position, type, streamId, occurredAt, recordedAt,
      ...(actorId === undefined ? {} : { actorId }), ...(approval === undefined ? {} : { approval }),
    });
  }
  return [...byId.values()].sort((x, y) => x.position - y.position);
}
