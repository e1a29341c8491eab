import { DEAL_LIFECYCLE_V1, DealLifecycleEventV1, DealLifecycleHeadersV1 } from './deal-lifecycle-event.v1';

/**
 * What the mapping reads from a stored event. The event store's `RecordedEvent` has this shape;
 * it is restated here so the contract depends on nothing but itself.
 */
export interface StoredDealEvent {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>> & { readonly recordedAt: string };
}

/** The deal event schema version this contract publishes as it is. */
const MAPPED_EVENT_SCHEMA_VERSION = 1;

export class UnmappableEventError extends Error {
  readonly code = 'CONTRACT.UNMAPPABLE_EVENT';
  constructor(
    readonly eventId: string,
    reason: string,
  ) {
    super(`Event ${eventId} cannot be published as ${DEAL_LIFECYCLE_V1}: ${reason}`);
    this.name = 'UnmappableEventError';
  }
}

/**
 * A deal stream's event as a `deal-lifecycle.v1` integration event; `dealId` is the deal its stream
 * belongs to (undefined: not a deal stream — the engine names streams, this contract does not).
 * Refuses (rather than publishing something consumers would misread) an event of another stream,
 * of a schema version this contract does not know, or without the business time and actor every
 * deal event carries.
 */
export function toDealLifecycleEvent(event: StoredDealEvent, dealId: string | undefined): DealLifecycleEventV1 {
  if (dealId === undefined) throw new UnmappableEventError(event.eventId, `${event.streamId} is not a deal stream`);
  if (event.schemaVersion !== MAPPED_EVENT_SCHEMA_VERSION) {
    throw new UnmappableEventError(
      event.eventId,
      `${event.type} has schema version ${event.schemaVersion}; this contract maps version ${MAPPED_EVENT_SCHEMA_VERSION}`,
    );
  }
  const { occurredAt, recordedAt, actor } = event.metadata;
  if (typeof occurredAt !== 'string') throw new UnmappableEventError(event.eventId, 'metadata.occurredAt is missing');
  const actorId = (actor as { id?: unknown } | undefined)?.id;
  if (typeof actorId !== 'string') throw new UnmappableEventError(event.eventId, 'metadata.actor.id is missing');
  return {
    schema: DEAL_LIFECYCLE_V1,
    schemaVersion: 1,
    eventId: event.eventId,
    eventType: event.type,
    dealId,
    streamRevision: event.revision,
    globalPosition: event.position,
    occurredAt,
    recordedAt,
    actorId,
    data: event.data,
  };
}

export function dealLifecycleHeaders(event: DealLifecycleEventV1): DealLifecycleHeadersV1 {
  return { 'content-type': 'application/json', schema: DEAL_LIFECYCLE_V1, 'event-type': event.eventType, 'event-id': event.eventId };
}
