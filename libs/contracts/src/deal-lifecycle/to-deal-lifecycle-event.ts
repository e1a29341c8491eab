import { DealLifecycleEventType } from './deal-lifecycle-data.v1';
import { DEAL_LIFECYCLE_V1, DealLifecycleEventV1, DealLifecycleHeadersV1 } from './deal-lifecycle-event.v1';
import { DEAL_LIFECYCLE_TIME_FIELDS_V1, DealLifecycleTimeField } from './deal-lifecycle-time-fields.generated';
import { isIsoDate, toUtcMillis } from './time';

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
 * Every instant (`occurredAt`, `recordedAt` and the data's IsoDateTime fields) is published in UTC
 * with milliseconds, whatever zone and precision it was recorded with. Refuses (rather than
 * publishing something consumers would misread) an event of another stream, of a type or schema
 * version this contract does not know, without the business time and actor every deal event
 * carries, or with a time that is not an instant.
 */
export function toDealLifecycleEvent(event: StoredDealEvent, dealId: string | undefined): DealLifecycleEventV1 {
  if (dealId === undefined) throw new UnmappableEventError(event.eventId, `${event.streamId} is not a deal stream`);
  if (!isKnownType(event.type)) throw new UnmappableEventError(event.eventId, `${event.type} is not an event type of this contract`);
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
    occurredAt: instant(event.eventId, 'metadata.occurredAt', occurredAt),
    recordedAt: instant(event.eventId, 'metadata.recordedAt', recordedAt),
    actorId,
    data: withUtcTimes(event.eventId, event.data, DEAL_LIFECYCLE_TIME_FIELDS_V1[event.type]),
  } as DealLifecycleEventV1;
}

function isKnownType(type: string): type is DealLifecycleEventType {
  return Object.prototype.hasOwnProperty.call(DEAL_LIFECYCLE_TIME_FIELDS_V1, type);
}

function instant(eventId: string, field: string, value: unknown): string {
  const utc = toUtcMillis(value);
  if (utc === undefined) throw new UnmappableEventError(eventId, `${field} is not an ISO-8601 instant with a zone: ${JSON.stringify(value)}`);
  return utc;
}

/** A copy of `data` with the instants at these paths in UTC with milliseconds; the rest as it is. */
function withUtcTimes(eventId: string, data: unknown, fields: readonly DealLifecycleTimeField[]): unknown {
  return fields.reduce((current, field) => rewrite(current, field.path, 'data', (value, where) => {
    if (field.orDate && isIsoDate(value)) return value;
    return instant(eventId, where, value);
  }), data);
}

function rewrite(value: unknown, path: readonly string[], where: string, at: (value: unknown, where: string) => unknown): unknown {
  if (value === undefined || value === null) return value;
  if (path.length === 0) return at(value, where);
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.map((item, i) => rewrite(item, rest, `${where}[${i}]`, at)) : value;
  if (typeof value !== 'object' || !(head in value)) return value;
  const record = value as Record<string, unknown>;
  return { ...record, [head]: rewrite(record[head], rest, `${where}.${head}`, at) };
}

export function dealLifecycleHeaders(event: DealLifecycleEventV1): DealLifecycleHeadersV1 {
  return { 'content-type': 'application/json', schema: DEAL_LIFECYCLE_V1, 'event-type': event.eventType, 'event-id': event.eventId };
}
